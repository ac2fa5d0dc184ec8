package cn.banshi.testkit;

import cn.banshi.calendar.ChinaTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can set and advance; it still ticks through {@link #millis()} only when told. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** At a Beijing wall-clock time, e.g. at("2021-09-30T10:00"). */
    public static MutableClock at(String beijingDateTime) {
        return new MutableClock(
                LocalDateTime.parse(beijingDateTime).atZone(ChinaTime.ZONE).toInstant());
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
