package cn.banshi.notifications;

import cn.banshi.calendar.ChinaTime;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** No SMS between 21:00 and 08:00 Beijing time: a message due then waits until 08:00. */
public final class QuietHours {
    public static final LocalTime START = LocalTime.of(21, 0);
    public static final LocalTime END = LocalTime.of(8, 0);

    private QuietHours() {}

    public static boolean contains(Instant at) {
        LocalTime t = at.atZone(ChinaTime.ZONE).toLocalTime();
        return !t.isBefore(START) || t.isBefore(END);
    }

    /** {@code at} itself outside quiet hours, else the 08:00 that ends them. */
    public static Instant nextAllowed(Instant at) {
        if (!contains(at)) return at;
        ZonedDateTime z = at.atZone(ChinaTime.ZONE);
        ZonedDateTime end =
                z.toLocalTime().isBefore(END) ? z.with(END) : z.plusDays(1).with(END);
        return end.withNano(0).toInstant();
    }

    /** 08:00 on the next Beijing day (where a message over the daily cap waits). */
    public static Instant nextMorning(Instant at) {
        return at.atZone(ChinaTime.ZONE).plusDays(1).with(END).withNano(0).toInstant();
    }
}
