package cn.banshi.bench.warm;

import cn.banshi.api.AppContext;
import cn.banshi.bench.ApiEvents;
import cn.banshi.bench.BenchEnv;
import cn.banshi.bench.CaseGenerator;
import cn.banshi.bench.ScanCounter;
import cn.banshi.bench.Stats;
import cn.banshi.cases.CaseItems;
import cn.banshi.catalog.Catalogs;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import cn.banshi.staff.StaffCasesHandler;
import cn.banshi.store.BulkLoader;
import cn.banshi.store.Tables;
import cn.banshi.tracking.TrackingHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Benchmark 2: warm latency in-process against dynalite of submit, track and the staff list, each side by side with
 * the raw SDK calls that request makes (the same requests, built beforehand), alternating one with the other so that
 * both see the same machine. The ratio is what banshi's handler (event, validation, JSON, mapping) adds.
 */
public final class WarmLatencyBench {
    private final BenchEnv env;

    public WarmLatencyBench(BenchEnv env) {
        this.env = env;
    }

    record Pair(String name, String rawCalls, Stats handler, Stats raw) {}

    public String run(int iterations) throws Exception {
        ScanCounter counter = new ScanCounter();
        DynamoDbClient dynamo = env.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter));
        DynamoDbClient raw = env.client(ClientOverrideConfiguration.builder());
        AppContext app = new AppContext(dynamo, Clock.systemUTC());
        var catalog = Catalogs.bundled().town("gaocheng").orElseThrow();
        CaseGenerator generator = new CaseGenerator(catalog, LocalDate.now(), 7);
        new BulkLoader(raw, 4).load(Tables.physical(Tables.CASES), generator.items(2_000));
        String cases = Tables.physical(Tables.CASES);
        String ephemeral = Tables.physical(Tables.EPHEMERAL);
        String people = Tables.physical(Tables.PEOPLE);
        int warmup = Math.max(50, iterations / 5);

        SubmissionHandler submit = new SubmissionHandler(app);
        TrackingHandler track = new TrackingHandler(app);
        StaffCasesHandler staff = new StaffCasesHandler(app);
        String complaint = ApiEvents.complaintBody("河道有垃圾");
        String route = "/api/v1/towns/{town}/complaints";
        String path = "/api/v1/towns/gaocheng/complaints";

        // a receipt to track
        APIGatewayV2HTTPResponse receipt = submit.handleRequest(
                ApiEvents.event("POST", route, path, Map.of("town", "gaocheng"), Map.of(), Map.of(), complaint, null),
                null);
        JsonNode r = Json.parse(receipt.getBody());
        String trackingNo = r.get("trackingNo").asText();
        String accessCode = r.get("accessCode").asText();
        String window = "track-fail#" + trackingNo + "#";

        List<Pair> pairs = List.of(
                measure(
                        "submit (no Idempotency-Key)",
                        "BatchGetItem submitter blocks (4 keys) + PutItem (conditional) + PutItem people index",
                        iterations,
                        warmup,
                        i -> {
                            APIGatewayV2HTTPEvent e = ApiEvents.event(
                                    "POST",
                                    route,
                                    path,
                                    Map.of("town", "gaocheng"),
                                    Map.of(),
                                    Map.of(),
                                    complaint,
                                    null);
                            return () -> expect(201, submit.handleRequest(e, null));
                        },
                        i -> {
                            Map<String, AttributeValue> item = CaseItems.toItem(generator.record(1_000_000 + i));
                            Map<String, AttributeValue> person = personItem(item);
                            return () -> {
                                blockReads(raw, ephemeral);
                                raw.putItem(b ->
                                        b.tableName(cases).item(item).conditionExpression("attribute_not_exists(pk)"));
                                raw.putItem(b -> b.tableName(people).item(person));
                            };
                        },
                        counter),
                measure(
                        "submit (with Idempotency-Key)",
                        "BatchGetItem submitter blocks (4 keys) + PutItem claim + PutItem case + PutItem people index"
                                + " + PutItem response",
                        iterations,
                        warmup,
                        i -> {
                            APIGatewayV2HTTPEvent e = ApiEvents.event(
                                    "POST",
                                    route,
                                    path,
                                    Map.of("town", "gaocheng"),
                                    Map.of("idempotency-key", UUID.randomUUID().toString()),
                                    Map.of(),
                                    complaint,
                                    null);
                            return () -> expect(201, submit.handleRequest(e, null));
                        },
                        i -> {
                            Map<String, AttributeValue> item = CaseItems.toItem(generator.record(2_000_000 + i));
                            String pk = "idem#" + UUID.randomUUID();
                            AttributeValue claim =
                                    AttributeValue.fromS(UUID.randomUUID().toString());
                            Map<String, AttributeValue> person = personItem(item);
                            return () -> {
                                blockReads(raw, ephemeral);
                                raw.putItem(b -> b.tableName(ephemeral)
                                        .item(Map.of(
                                                "pk",
                                                AttributeValue.fromS(pk),
                                                "state",
                                                AttributeValue.fromS("IN_PROGRESS"),
                                                "claimId",
                                                claim))
                                        .conditionExpression("attribute_not_exists(pk)"));
                                raw.putItem(b ->
                                        b.tableName(cases).item(item).conditionExpression("attribute_not_exists(pk)"));
                                raw.putItem(b -> b.tableName(people).item(person));
                                raw.putItem(b -> b.tableName(ephemeral)
                                        .item(Map.of(
                                                "pk",
                                                AttributeValue.fromS(pk),
                                                "state",
                                                AttributeValue.fromS("COMPLETED"),
                                                "claimId",
                                                claim))
                                        .conditionExpression("claimId = :mine")
                                        .expressionAttributeValues(Map.of(":mine", claim)));
                            };
                        },
                        counter),
                measure(
                        "track",
                        "UpdateItem (take attempt) + GetItem + UpdateItem (give back)",
                        iterations,
                        warmup,
                        i -> {
                            APIGatewayV2HTTPEvent e = ApiEvents.event(
                                    "GET",
                                    "/api/v1/track/{trackingNo}",
                                    "/api/v1/track/" + trackingNo,
                                    Map.of("trackingNo", trackingNo),
                                    Map.of("x-access-code", accessCode),
                                    Map.of(),
                                    null,
                                    null);
                            return () -> expect(200, track.handleRequest(e, null));
                        },
                        i -> () -> {
                            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(window + "raw"));
                            raw.updateItem(b -> b.tableName(ephemeral)
                                    .key(key)
                                    .updateExpression("ADD failures :one")
                                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                                    .returnValues(ReturnValue.UPDATED_NEW));
                            raw.getItem(b -> b.tableName(cases)
                                    .consistentRead(true)
                                    .key(Map.of("pk", AttributeValue.fromS(trackingNo))));
                            raw.updateItem(b -> b.tableName(ephemeral)
                                    .key(key)
                                    .updateExpression("ADD failures :one")
                                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("-1"))));
                        },
                        counter),
                measure(
                        "staff list (page of 50)",
                        "Query by-town, Limit 50",
                        iterations,
                        warmup,
                        i -> {
                            APIGatewayV2HTTPEvent e = ApiEvents.event(
                                    "GET",
                                    "/api/v1/admin/cases",
                                    "/api/v1/admin/cases",
                                    Map.of(),
                                    Map.of(),
                                    Map.of("limit", "50"),
                                    null,
                                    ApiEvents.admin("gaocheng"));
                            return () -> expect(200, staff.handleRequest(e, null));
                        },
                        i -> () -> raw.query(b -> b.tableName(cases)
                                .indexName(Tables.CASES_BY_TOWN)
                                .keyConditionExpression("#pk = :pk")
                                .expressionAttributeNames(Map.of("#pk", "town"))
                                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("gaocheng")))
                                .scanIndexForward(false)
                                .limit(50)),
                        counter));

        StringBuilder out = new StringBuilder("### 2. Warm latency, in-process against dynalite\n\n");
        out.append(String.format(
                "%d measured calls of each (after %d warm-up calls), handler and raw SDK calls alternating; "
                        + "2,000 cases in the town; events deserialised by the Lambda runtime's serializer before the clock starts.%n%n",
                iterations, warmup));
        out.append(
                "| request | handler p50 | handler p99 | raw SDK calls | raw p50 | raw p99 | ratio at p50 | target ≤ 1.5× |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Pair p : pairs) {
            double ratio = p.handler().median() / p.raw().median();
            out.append(String.format(
                    "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    p.name(),
                    Stats.ms(p.handler().median()),
                    Stats.ms(p.handler().percentile(99)),
                    p.rawCalls(),
                    Stats.ms(p.raw().median()),
                    Stats.ms(p.raw().percentile(99)),
                    Stats.ratio(p.handler().median(), p.raw().median()),
                    ratio <= 1.5 ? "met" : "MISSED"));
        }
        out.append("\n");
        return out.toString();
    }

    /** A raw operation prepared outside the clock (its request built), run inside it. */
    interface Prepared {
        Runnable prepare(int i);
    }

    private Pair measure(
            String name,
            String rawCalls,
            int iterations,
            int warmup,
            Prepared handlerCall,
            Prepared rawCall,
            ScanCounter counter) {
        Stats handler = new Stats();
        Stats raw = new Stats();
        for (int i = 0; i < warmup + iterations; i++) {
            boolean handlerFirst = i % 2 == 0;
            for (int k = 0; k < 2; k++) {
                if ((k == 0) == handlerFirst) {
                    Runnable call = handlerCall.prepare(i);
                    long t = System.nanoTime();
                    call.run();
                    if (i >= warmup) handler.add((System.nanoTime() - t) / 1e6);
                } else {
                    Runnable op = rawCall.prepare(i);
                    long t = System.nanoTime();
                    op.run();
                    if (i >= warmup) raw.add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        if (counter.scans() > 0) throw new IllegalStateException(name + " used Scan");
        return new Pair(name, rawCalls, handler, raw);
    }

    private static void expect(int status, APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() != status)
            throw new IllegalStateException(response.getStatusCode() + " " + response.getBody());
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    /** The people index's write of a complaint: the case under its submitter's phone beacon (issue 18), one PutItem. */
    private static Map<String, AttributeValue> personItem(Map<String, AttributeValue> item) {
        String beacon = "gaocheng#phone:"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return Map.of("pk", AttributeValue.fromS(beacon), "sk", item.get("pk"));
    }

    /**
     * The submitter-block check every online submission makes (a spam block on the phone or the client refuses it):
     * a consistent GetItem each on the ephemeral table, both absent here as for nearly every submitter.
     */
    /**
     * What {@code SubmitterBlocks.check} reads: one consistent BatchGetItem of the phone's and the client's keys,
     * each under its pseudonym and its legacy digest.
     */
    private static void blockReads(DynamoDbClient raw, String ephemeral) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String key : List.of(
                "block#phone#" + "0".repeat(43),
                "block#phone#" + "0".repeat(64),
                "block#client#" + "0".repeat(43),
                "block#client#" + "0".repeat(32))) keys.add(Map.of("pk", AttributeValue.fromS(key)));
        raw.batchGetItem(b -> b.requestItems(Map.of(
                ephemeral,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
    }
}
