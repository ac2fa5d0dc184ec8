package cn.banshi.attachments;

import cn.banshi.store.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Upload records in the ephemeral table ({@code pk = upload#ID}): an unattached record carries {@code expiresAt}
 * (TTL in AWS, the daily sweep locally); attaching removes it, so the record stays as long as the case and keeps any
 * other case from taking the upload. Every state change is a conditional update, so a processor run twice, or two
 * submissions racing for one upload, change it once.
 */
public final class UploadStore {
    private static final String PREFIX = "upload#";

    private final DynamoDbClient dynamo;
    private final String table;

    public UploadStore(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.EPHEMERAL);
    }

    public void create(UploadRecord r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(PREFIX + r.uploadId()));
        item.put("town", s(r.town()));
        item.put("purpose", s(r.purpose().name()));
        item.put("contentType", s(r.contentType()));
        item.put("size", n(r.size()));
        if (r.draftId() != null) item.put("draftId", s(r.draftId()));
        if (r.caseRef() != null) item.put("caseRef", s(r.caseRef()));
        item.put("createdBy", s(r.createdBy()));
        item.put("createdAt", s(r.createdAt().toString()));
        item.put("state", s(r.state().code()));
        item.put(Tables.EXPIRES_AT, n(r.expiresAt()));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    public Optional<UploadRecord> find(String uploadId) {
        if (!UploadKeys.isUploadId(uploadId)) return Optional.empty();
        var item = dynamo.getItem(b -> b.tableName(table).key(key(uploadId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Records the processed objects; a rerun writes the same values again. False if the record is gone. */
    public boolean markReady(String uploadId, String processedKey, String contentType, long bytes, String thumbKey) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":ready", s(UploadState.READY.code()));
        values.put(":key", s(processedKey));
        values.put(":type", s(contentType));
        values.put(":bytes", n(bytes));
        String set = "#state = :ready, processedKey = :key, processedType = :type, processedBytes = :bytes";
        String remove = " REMOVE refusal";
        if (thumbKey != null) {
            values.put(":thumb", s(thumbKey));
            set += ", thumbKey = :thumb";
        } else {
            remove += ", thumbKey";
        }
        return update(uploadId, "SET " + set + remove, "attribute_exists(pk)", values);
    }

    public boolean markRefused(String uploadId, String code) {
        return update(
                uploadId,
                "SET #state = :refused, refusal = :code REMOVE processedKey, processedType, processedBytes, thumbKey",
                "attribute_exists(pk)",
                Map.of(":refused", s(UploadState.REFUSED.code()), ":code", s(code)));
    }

    /**
     * Attaches a citizen's ready upload of {@code town} and {@code draftId} to {@code caseRef}: it then never
     * expires. True when done now or before for the same case.
     */
    public boolean attachDraft(String uploadId, String town, String draftId, String caseRef) {
        return update(
                uploadId,
                "SET caseRef = :case REMOVE " + Tables.EXPIRES_AT,
                "#state = :ready AND town = :town AND draftId = :draft"
                        + " AND (attribute_not_exists(caseRef) OR caseRef = :case)",
                Map.of(
                        ":ready", s(UploadState.READY.code()),
                        ":town", s(town),
                        ":draft", s(draftId),
                        ":case", s(caseRef)));
    }

    /** Attaches a staff upload made for {@code caseRef} (its slot named the case). */
    public boolean attachToOwnCase(String uploadId, String caseRef) {
        return update(
                uploadId,
                "REMOVE " + Tables.EXPIRES_AT,
                "#state = :ready AND caseRef = :case",
                Map.of(":ready", s(UploadState.READY.code()), ":case", s(caseRef)));
    }

    public void delete(String uploadId) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(uploadId)));
    }

    /**
     * Unattached uploads whose expiry passed: the local daily sweep's work (dynalite has no TTL). A scan of the
     * ephemeral table, never on a request path; in AWS the table's TTL and the bucket's lifecycle rule do this.
     */
    public List<UploadRecord> expired(Instant now) {
        List<UploadRecord> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(ScanRequest.builder()
                    .tableName(table)
                    .filterExpression("begins_with(pk, :p) AND #exp < :now")
                    .expressionAttributeNames(Map.of("#exp", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":p", s(PREFIX), ":now", n(now.getEpochSecond())))
                    .exclusiveStartKey(from)
                    .build());
            page.items().forEach(i -> out.add(fromItem(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private boolean update(String uploadId, String expression, String condition, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(uploadId))
                    .updateExpression(expression)
                    .conditionExpression(condition)
                    .expressionAttributeNames(
                            expression.contains("#state") || condition.contains("#state")
                                    ? Map.of("#state", "state")
                                    : null)
                    .expressionAttributeValues(values.isEmpty() ? null : values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String uploadId) {
        return Map.of("pk", s(PREFIX + uploadId));
    }

    private static UploadRecord fromItem(Map<String, AttributeValue> item) {
        return new UploadRecord(
                item.get("pk").s().substring(PREFIX.length()),
                item.get("town").s(),
                FilePurpose.valueOf(item.get("purpose").s()),
                item.get("contentType").s(),
                Long.parseLong(item.get("size").n()),
                str(item, "draftId"),
                str(item, "caseRef"),
                item.get("createdBy").s(),
                Instant.parse(item.get("createdAt").s()),
                UploadState.fromCode(item.get("state").s()),
                str(item, "refusal"),
                str(item, "processedKey"),
                str(item, "processedType"),
                item.containsKey("processedBytes")
                        ? Long.parseLong(item.get("processedBytes").n())
                        : 0,
                str(item, "thumbKey"),
                item.containsKey(Tables.EXPIRES_AT)
                        ? Long.parseLong(item.get(Tables.EXPIRES_AT).n())
                        : null);
    }

    private static String str(Map<String, AttributeValue> m, String k) {
        AttributeValue v = m.get(k);
        return v == null ? null : v.s();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
