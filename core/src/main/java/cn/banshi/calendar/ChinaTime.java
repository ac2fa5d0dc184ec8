package cn.banshi.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Time in China. Every date the product reasons about (receipt days, due dates, report years) is a
 * date in {@link #ZONE}, whatever zone the server or the injected clock is configured with.
 */
public final class ChinaTime {

    /** China Standard Time (UTC+8, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    /** Today's date in China according to {@code clock}; the clock's own zone is ignored. */
    public static LocalDate today(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
