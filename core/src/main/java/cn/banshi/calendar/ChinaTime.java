package cn.banshi.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Time in China. Every date the product reasons about (receipt days, due dates, report years) is a
 * date in {@link #ZONE}, whatever zone the server or the injected clock is configured with.
 */
public final class ChinaTime {

    /** China Standard Time (UTC+8, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {}

    /** Today's date in China according to {@code clock}; the clock's own zone is ignored. */
    public static LocalDate today(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /**
     * The instant as an RFC 3339 date-time in China, seconds always written ({@code 2021-06-01T09:00:00+08:00};
     * {@code OffsetDateTime.toString()} drops zero seconds, which RFC 3339 parsers refuse).
     */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(ZONE).toOffsetDateTime());
    }
}
