package cn.banshi.reports.drafts;

import cn.banshi.records.TownRecords;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.store.QueryPages;
import cn.banshi.store.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Published versions, one item each in the {@code records} table: {@code pk = town#<town>#report-pub},
 * {@code sk = <year>#<job>#v<NNN>}; written once (a conditional put), so a published version never changes.
 */
public final class Publications {
    static final String KIND = "report-pub";

    private final DynamoDbClient dynamo;
    private final String table;

    public Publications(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.RECORDS);
    }

    /** Writes a new version; fails (ConditionalCheckFailedException) if that version exists. */
    public void put(Publication p) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.town(), p.year(), p.kind(), p.version()));
        item.put("town", s(p.town()));
        item.put("year", n(p.year()));
        item.put("job", s(p.kind().code()));
        item.put("version", n(p.version()));
        item.put("signingDate", s(p.signingDate().toString()));
        item.put("title", s(p.title()));
        if (p.correction() != null) item.put("correction", s(p.correction()));
        item.put("draftVersion", n(p.draftVersion()));
        item.put("publishedBy", s(p.publishedBy()));
        item.put("publishedAt", s(p.publishedAt().toString()));
        Map<String, AttributeValue> hashes = new HashMap<>();
        p.sha256().forEach((f, h) -> hashes.put(f.code(), s(h)));
        item.put("sha256", AttributeValue.fromM(hashes));
        Map<String, AttributeValue> sizes = new HashMap<>();
        p.sizes().forEach((f, size) -> sizes.put(f.code(), n(size)));
        item.put("sizes", AttributeValue.fromM(sizes));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    public Optional<Publication> find(String town, int year, ReportKind kind, int version) {
        var response = dynamo.getItem(b -> b.tableName(table).key(key(town, year, kind, version)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromItem(response.item()))
                : Optional.empty();
    }

    /** A town's published versions, newest year first; within a report, version 1 first. */
    public List<Publication> list(String town) {
        return query(town, "");
    }

    /** The published versions of one report, version 1 first. */
    public List<Publication> list(String town, int year, ReportKind kind) {
        return query(town, year + "#" + kind.code() + "#");
    }

    private List<Publication> query(String town, String prefix) {
        List<Publication> out = new ArrayList<>();
        QueryPages.all(
                dynamo,
                b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(TownRecords.pk(town, KIND)), ":prefix", s(prefix))),
                item -> {
                    if (ReportKind.find(item.get("job").s()).isPresent()) out.add(fromItem(item));
                });
        out.sort((a, b) -> a.year() != b.year() ? Integer.compare(b.year(), a.year()) : 0);
        return out;
    }

    private static Publication fromItem(Map<String, AttributeValue> item) {
        Map<ReportFormat, String> hashes = new EnumMap<>(ReportFormat.class);
        item.get("sha256").m().forEach((f, v) -> ReportFormat.find(f).ifPresent(format -> hashes.put(format, v.s())));
        Map<ReportFormat, Long> sizes = new EnumMap<>(ReportFormat.class);
        item.get("sizes")
                .m()
                .forEach((f, v) -> ReportFormat.find(f).ifPresent(format -> sizes.put(format, Long.parseLong(v.n()))));
        return new Publication(
                item.get("town").s(),
                Integer.parseInt(item.get("year").n()),
                ReportKind.find(item.get("job").s()).orElseThrow(),
                Integer.parseInt(item.get("version").n()),
                LocalDate.parse(item.get("signingDate").s()),
                item.get("title").s(),
                item.containsKey("correction") ? item.get("correction").s() : null,
                Long.parseLong(item.get("draftVersion").n()),
                item.get("publishedBy").s(),
                Instant.parse(item.get("publishedAt").s()),
                hashes,
                sizes);
    }

    private static Map<String, AttributeValue> key(String town, int year, ReportKind kind, int version) {
        return Map.of(
                "pk",
                s(TownRecords.pk(town, KIND)),
                "sk",
                s(year + "#" + kind.code() + "#v" + String.format("%03d", version)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
