package cn.banshi.calendar;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
        if (isStale()) {
            d = new Deadlines(withLoaded(years.read()));
            cached = d;
            cachedAtMillis = clock.millis();
        }
        return d;
    }

    private boolean isStale() {
        return cached == null || clock.millis() - cachedAtMillis > CACHE.toMillis() || clock.millis() < cachedAtMillis;
    }

    /**
     * The records-table key {@link #deadlines()} would read now (the loaded years' one item), or none while the cached
     * calendar is fresh: for a caller that reads it together with other items ({@link #take}).
     */
    public List<Map<String, AttributeValue>> keysToRead() {
        return isStale() ? List.of(LoadedYears.itemKey()) : List.of();
    }

    /** Builds the calendar from the loaded years' item read by the caller (null when it was not found). */
    public void take(Map<String, AttributeValue> loadedYearsItem) {
        cached = new Deadlines(withLoaded(years.read(loadedYearsItem)));
        cachedAtMillis = clock.millis();
    }

    /** The calendar read afresh from the table (a run that must see a year loaded a moment ago elsewhere). */
    public Deadlines reload() {
        cached = null;
        return deadlines();
    }

    private static WorkingDayCalendar withLoaded(List<YearArrangement> loadedYears) {
        WorkingDayCalendar calendar = WorkingDayCalendar.bundled();
        for (YearArrangement loaded : loadedYears) calendar = calendar.with(loaded);
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
