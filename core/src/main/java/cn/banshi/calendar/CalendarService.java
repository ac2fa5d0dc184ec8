package cn.banshi.calendar;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The working-day calendar in force: the bundled years (2020–2026) plus the years administrators loaded
 * (stored in the records table, which win over bundled ones). Cached for a few minutes per process, so a
 * year loaded through one Lambda instance reaches the others soon without a read on every request.
 */
public final class CalendarService {
    static final Duration CACHE = Duration.ofMinutes(5);

    private final LoadedYears years;
    private final Clock clock;
    private volatile Deadlines cached;
    private volatile long cachedAtMillis;

    public CalendarService(DynamoDbClient dynamo, Clock clock) {
        this.years = new LoadedYears(dynamo);
        this.clock = clock;
    }

    public Deadlines deadlines() {
        Deadlines d = cached;
        if (d == null || clock.millis() - cachedAtMillis > CACHE.toMillis() || clock.millis() < cachedAtMillis) {
            d = new Deadlines(load());
            cached = d;
            cachedAtMillis = clock.millis();
        }
        return d;
    }

    /** The calendar read afresh from the table (a run that must see a year loaded a moment ago elsewhere). */
    public Deadlines reload() {
        cached = null;
        return deadlines();
    }

    private WorkingDayCalendar load() {
        WorkingDayCalendar calendar = WorkingDayCalendar.bundled();
        for (YearArrangement loaded : years.read()) calendar = calendar.with(loaded);
        return calendar;
    }

    /** Stores a validated year; callers check {@link YearArrangement#problems()} first. */
    public void put(YearArrangement arrangement) {
        years.put(arrangement);
        cached = null;
    }

    /**
     * Writes the one item of loaded years if a deployment from before it lacks it or lacks a year (idempotent; the
     * daily sweep runs it). Until then the years are read from their per-year items, as before.
     */
    public void migrate() {
        years.migrate();
    }

    public Optional<YearArrangement> get(int year) {
        return deadlines().calendar().arrangement(year);
    }
}
