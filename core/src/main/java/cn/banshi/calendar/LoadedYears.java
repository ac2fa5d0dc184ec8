package cn.banshi.calendar;

import cn.banshi.json.Json;
import cn.banshi.store.QueryPages;
import cn.banshi.store.Tables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The years administrators loaded, as the records table stores them (docs/deadlines.md, "How loaded years are
 * stored"): one item holding every year ({@code pk = calendar#years}, {@code sk = all}, one attribute per year, its
 * name the year and its value the arrangement's JSON), read with one consistent GetItem; and, as before, one item per
 * year ({@code pk = calendar}, {@code sk = <year>}, attribute {@code arrangement}), still written by every load so that
 * an earlier version of the code reads what this one loaded. A table without the one item (a deployment from before
 * it, not yet migrated by a load or the daily sweep) is read from the per-year items as before.
 */
final class LoadedYears {
    static final String PER_YEAR_PK = "calendar";
    static final String ALL_PK = "calendar#years";
    static final String ALL_SK = "all";
    /** Written on the one item by every migration, so that it exists even when no year was loaded. */
    static final String FORMAT = "format";

    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final DynamoDbClient dynamo;
    private final String table;

    LoadedYears(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.RECORDS);
    }

    /** Every loaded year, in ascending order. */
    List<YearArrangement> read() {
        return read(dynamo.getItem(b -> b.tableName(table).key(itemKey()).consistentRead(true))
                .item());
    }

    /** The key of the one item holding every loaded year. */
    static Map<String, AttributeValue> itemKey() {
        return key(ALL_PK, ALL_SK);
    }

    /** Every loaded year, from the one item as read (null or empty when there is none). */
    List<YearArrangement> read(Map<String, AttributeValue> all) {
        Map<Integer, String> years = all == null || all.isEmpty() ? perYear() : yearsOf(all);
        List<YearArrangement> arrangements = new ArrayList<>();
        years.values().forEach(json -> arrangements.add(parse(json)));
        return arrangements;
    }

    /** Stores a year in both forms; the one item also gets any per-year item it lacks (the migration). */
    void put(YearArrangement arrangement) {
        String json = Json.write(YearArrangementJson.write(arrangement));
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk", AttributeValue.fromS(PER_YEAR_PK),
                        "sk", AttributeValue.fromS(Integer.toString(arrangement.year())),
                        "arrangement", AttributeValue.fromS(json))));
        combine(Optional.of(arrangement.year()), json);
    }

    /**
     * Makes sure the one item exists and holds every per-year item's year (a year it already holds is kept: it is the
     * one loaded last). Idempotent; run by the daily sweep, so a deployment from before the one item is migrated
     * within a day of its update without anyone's step.
     */
    void migrate() {
        combine(Optional.empty(), null);
    }

    private void combine(Optional<Integer> loaded, String loadedJson) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        names.put("#format", FORMAT);
        values.put(":format", AttributeValue.fromN("1"));
        sets.add("#format = :format");
        loaded.ifPresent(year -> {
            names.put("#loaded", Integer.toString(year));
            values.put(":loaded", AttributeValue.fromS(loadedJson));
            sets.add("#loaded = :loaded");
        });
        perYear().forEach((year, json) -> {
            if (loaded.isPresent() && loaded.get().equals(year)) return;
            names.put("#y" + year, Integer.toString(year));
            values.put(":y" + year, AttributeValue.fromS(json));
            sets.add("#y" + year + " = if_not_exists(#y" + year + ", :y" + year + ")");
        });
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(ALL_PK, ALL_SK))
                .updateExpression("SET " + String.join(", ", sets))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    /** The per-year items' arrangements by year (the form before the one item). */
    private Map<Integer, String> perYear() {
        Map<Integer, String> years = new TreeMap<>();
        QueryPages.all(
                dynamo,
                b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PER_YEAR_PK)))
                        .consistentRead(true),
                item -> years.put(
                        Integer.parseInt(item.get("sk").s()),
                        item.get("arrangement").s()));
        return years;
    }

    private static Map<Integer, String> yearsOf(Map<String, AttributeValue> item) {
        Map<Integer, String> years = new TreeMap<>();
        item.forEach((name, value) -> {
            if (YEAR.matcher(name).matches()) years.put(Integer.parseInt(name), value.s());
        });
        return years;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static YearArrangement parse(String json) {
        try {
            return YearArrangementJson.read(Json.parse(json)).arrangement().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("stored calendar is not JSON", e);
        }
    }
}
