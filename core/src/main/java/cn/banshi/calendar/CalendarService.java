package cn.banshi.calendar;

import cn.banshi.json.Json;
import cn.banshi.store.Tables;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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
    private static final String PK = "calendar";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private volatile Deadlines cached;
    private volatile long cachedAtMillis;

    public CalendarService(DynamoDbClient dynamo, Clock clock) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.RECORDS);
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
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            var response = dynamo.query(b -> {
                b.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PK)))
                        .consistentRead(true);
                if (exclusiveStart != null) b.exclusiveStartKey(exclusiveStart);
            });
            for (Map<String, AttributeValue> item : response.items()) {
                calendar = calendar.with(parse(item.get("arrangement").s()));
            }
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return calendar;
    }

    /** Stores a validated year; callers check {@link YearArrangement#problems()} first. */
    public void put(YearArrangement arrangement) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk", AttributeValue.fromS(PK),
                        "sk", AttributeValue.fromS(Integer.toString(arrangement.year())),
                        "arrangement", AttributeValue.fromS(Json.write(YearArrangementJson.write(arrangement))))));
        cached = null;
    }

    public Optional<YearArrangement> get(int year) {
        return deadlines().calendar().arrangement(year);
    }

    private static YearArrangement parse(String json) {
        try {
            return YearArrangementJson.read(Json.parse(json)).arrangement().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("stored calendar is not JSON", e);
        }
    }
}
