package cn.banshi.personaldata;

import cn.banshi.store.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The personal-data requests in the records table: one partition per town ({@code town#<town>#pdr}), one item per
 * request, sorted by case ({@code <trackingNo>#<nn>}), so that a case's requests are a key-range Query and the town's
 * open list one partition (a town has a handful). The id is {@code <trackingNo>-<nn>}, so a route names the item.
 */
public final class DataRequestStore {
    private static final String PK_SUFFIX = "#pdr";

    private final DynamoDbClient dynamo;
    private final PersonalData personalData;
    private final String table;

    /** {@code personalData} seals the citizen's words ({@link ProtectedAttributes#DATA_REQUESTS}). */
    public DataRequestStore(DynamoDbClient dynamo, PersonalData personalData) {
        this.dynamo = dynamo;
        this.personalData = personalData;
        this.table = Tables.physical(Tables.RECORDS);
    }

    private Map<String, AttributeValue> sealed(DataRequest r) {
        return personalData.seal(ProtectedAttributes.DATA_REQUESTS, toItem(r));
    }

    private DataRequest read(Map<String, AttributeValue> item) {
        return fromItem(personalData.open(ProtectedAttributes.DATA_REQUESTS, item));
    }

    static String pk(String town) {
        return "town#" + town + PK_SUFFIX;
    }

    /** Whether a records-table item is a personal-data request (the migration seals only those). */
    public static boolean holds(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get("pk");
        return pk != null
                && pk.s() != null
                && pk.s().startsWith("town#")
                && pk.s().endsWith(PK_SUFFIX);
    }

    /** The id's case part and number, or empty when {@code id} is not one this store made. */
    static Optional<String> sortKey(String id) {
        int dash = id == null ? -1 : id.lastIndexOf('-');
        if (dash <= 0 || dash == id.length() - 1) return Optional.empty();
        String seq = id.substring(dash + 1);
        if (!seq.chars().allMatch(Character::isDigit) || seq.length() > 4) return Optional.empty();
        return Optional.of(id.substring(0, dash) + "#" + seq);
    }

    /**
     * Stores a new request with the next number of its case; false when that number was taken meanwhile (the caller
     * reads again and retries).
     */
    public boolean create(DataRequest r) {
        Map<String, AttributeValue> item = sealed(r);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** The requests of one case, oldest first. */
    public List<DataRequest> ofCase(String town, String trackingNo) {
        return query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :case)")
                .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(pk(town)), ":case", AttributeValue.fromS(trackingNo + "#")))
                .consistentRead(true)
                .build());
    }

    /** Every request of a town, by case. */
    public List<DataRequest> ofTown(String town) {
        return query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk(town))))
                .build());
    }

    public Optional<DataRequest> find(String town, String id) {
        Optional<String> sk = sortKey(id);
        if (sk.isEmpty()) return Optional.empty();
        var response = dynamo.getItem(b -> b.tableName(table)
                .consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk(town)), "sk", AttributeValue.fromS(sk.get()))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(read(response.item())) : Optional.empty();
    }

    /** Writes the answered request if it is still open; false when someone answered it first. */
    public boolean answer(DataRequest answered) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(sealed(answered))
                    .conditionExpression("#state = :open")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":open", AttributeValue.fromS(DataRequest.State.OPEN.code()))));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    /**
     * Removes the citizen's words and the town's answers from a case's requests (its personal data is being erased),
     * but the answer of {@code keepAnswerOf} (null: none), the deletion being granted, which the citizen reads;
     * idempotent.
     */
    public void eraseTexts(String town, String trackingNo, String keepAnswerOf) {
        for (DataRequest first : ofCase(town, trackingNo)) {
            DataRequest r = first;
            for (int attempt = 0; r != null; attempt++) {
                DataRequest erased = r.id().equals(keepAnswerOf) ? r.withoutText() : r.withoutTexts();
                if (erased.equals(r)) break;
                String state = r.state().code();
                try {
                    // on condition that nobody answered it meanwhile: an answer written since is erased in turn,
                    // never overwritten by the open request as it was read
                    dynamo.putItem(b -> b.tableName(table)
                            .item(sealed(erased))
                            .conditionExpression("#state = :read")
                            .expressionAttributeNames(Map.of("#state", "state"))
                            .expressionAttributeValues(Map.of(":read", AttributeValue.fromS(state))));
                    break;
                } catch (ConditionalCheckFailedException answered) {
                    if (attempt >= 2) throw new IllegalStateException("a personal-data request kept changing");
                    r = find(town, r.id()).orElse(null);
                }
            }
        }
    }

    private List<DataRequest> query(QueryRequest request) {
        List<DataRequest> out = new ArrayList<>();
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            page.items().forEach(item -> out.add(read(item)));
        }
        return out;
    }

    static Map<String, AttributeValue> toItem(DataRequest r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk(r.town())));
        item.put("sk", s(sortKey(r.id()).orElseThrow()));
        item.put("id", s(r.id()));
        item.put("town", s(r.town()));
        item.put("trackingNo", s(r.trackingNo()));
        item.put("kind", s(r.kind().code()));
        if (r.text() != null) item.put("text", s(r.text()));
        item.put("receivedAt", s(r.receivedAt().toString()));
        item.put("receivedOn", s(r.receivedOn().toString()));
        item.put("state", s(r.state().code()));
        if (r.answer() != null) item.put("answer", s(r.answer()));
        if (r.answeredAt() != null) item.put("answeredAt", s(r.answeredAt().toString()));
        if (r.answeredBy() != null) item.put("answeredBy", s(r.answeredBy()));
        return item;
    }

    static DataRequest fromItem(Map<String, AttributeValue> item) {
        return new DataRequest(
                item.get("id").s(),
                item.get("town").s(),
                item.get("trackingNo").s(),
                DataRequest.Kind.find(item.get("kind").s()).orElseThrow(),
                str(item, "text"),
                Instant.parse(item.get("receivedAt").s()),
                LocalDate.parse(item.get("receivedOn").s()),
                DataRequest.State.find(item.get("state").s()).orElseThrow(),
                str(item, "answer"),
                item.containsKey("answeredAt")
                        ? Instant.parse(item.get("answeredAt").s())
                        : null,
                str(item, "answeredBy"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String str(Map<String, AttributeValue> item, String key) {
        AttributeValue v = item.get(key);
        return v == null ? null : v.s();
    }
}
