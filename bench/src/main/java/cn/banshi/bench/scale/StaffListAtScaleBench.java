package cn.banshi.bench.scale;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.AppContext;
import cn.banshi.api.Handlers;
import cn.banshi.bench.ApiEvents;
import cn.banshi.bench.BenchEnv;
import cn.banshi.bench.CaseGenerator;
import cn.banshi.bench.ScanCounter;
import cn.banshi.bench.Stats;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalogs;
import cn.banshi.json.Json;
import cn.banshi.store.BulkLoader;
import cn.banshi.store.Tables;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Benchmark 3: the staff list with N cases in one town (default 200,000, bulk-loaded once with core's BulkLoader and
 * kept on disk under bench/target/work for later runs): p50/p95 of a page of 50 for each filter, and the number of
 * DynamoDB calls (Scan must be 0) on every request path of the API, counted by an SDK interceptor.
 */
public final class StaffListAtScaleBench {
    private final BenchEnv env;
    private final Path dataDir;

    public StaffListAtScaleBench(BenchEnv env, Path dataDir) {
        this.env = env;
        this.dataDir = dataDir;
    }

    public String run(int cases) throws Exception {
        StringBuilder out = new StringBuilder("### 3. The staff list at scale\n\n");
        DynamoDbClient plain = env.client(ClientOverrideConfiguration.builder());
        var catalog = Catalogs.bundled().town("gaocheng").orElseThrow();
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        Path marker = dataDir.resolve("loaded-" + cases + "-" + today);
        if (!Files.exists(marker)) {
            BulkLoader.Result loaded = new BulkLoader(plain, 8)
                    .load(Tables.physical(Tables.CASES), new CaseGenerator(catalog, today, 11).items(cases));
            String line = String.format(
                    "Loaded %,d cases (real items through CaseItems.toItem, 5 GSIs each) with core's BulkLoader "
                            + "(8 threads of BatchWriteItem, %,d unprocessed items retried): %.0f s, %.0f items/s.",
                    loaded.items(), loaded.retried(), loaded.millis() / 1000.0, loaded.itemsPerSecond());
            Files.writeString(marker, line);
        }
        out.append(Files.readString(marker))
                .append(" (dynalite on disk; a later run on the same day reuses the data.)\n\n");

        ScanCounter counter = new ScanCounter();
        DynamoDbClient dynamo = env.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter));
        AppContext app = new AppContext(dynamo, Clock.systemUTC());
        Map<String, ApiHandler> handlers = new HashMap<>();
        for (ApiHandler h : Handlers.create(app)) for (String key : h.routeKeys()) handlers.put(key, h);
        ApiHandler staff = handlers.get("GET /api/v1/admin/cases");

        String village = catalog.villages().get(0).id();
        String category = catalog.categoriesFor(CaseType.COMPLAINT).get(0).id();
        Map<String, Map<String, String>> filters = new LinkedHashMap<>();
        filters.put("none", Map.of());
        filters.put("type=complaint", Map.of("type", "complaint"));
        filters.put("status=submitted", Map.of("status", "submitted"));
        filters.put("village=" + village, Map.of("village", village));
        filters.put("category=" + category, Map.of("category", category));
        filters.put(
                "from/to (one month)",
                Map.of(
                        "from",
                        today.minusMonths(2).toString(),
                        "to",
                        today.minusMonths(1).toString()));
        filters.put("overdue=true", Map.of("overdue", "true"));
        filters.put(
                "dueBefore (in a week)", Map.of("dueBefore", today.plusDays(7).toString()));
        filters.put("village + status=assigned", Map.of("village", village, "status", "assigned"));
        filters.put(
                "type=help + category",
                Map.of(
                        "type",
                        "help",
                        "category",
                        catalog.categoriesFor(CaseType.HELP).get(0).id()));

        int requests = 40;
        out.append(String.format(
                "A page of 50 (`limit=50`), %d requests per filter: the first page and the page after it, "
                        + "alternately (the second through the first page's cursor). Town admin, town `gaocheng`.%n%n",
                requests));
        out.append(
                "| filter | items on the page | p50 | p95 | DynamoDB calls per request | Scan calls |\n|---|---|---|---|---|---|\n");
        for (var f : filters.entrySet()) {
            counter.reset();
            Stats stats = new Stats();
            int items = 0;
            String cursor = null;
            for (int i = 0; i < requests; i++) {
                Map<String, String> q = new LinkedHashMap<>(f.getValue());
                q.put("limit", "50");
                if (i % 2 == 1 && cursor != null) q.put("cursor", cursor);
                APIGatewayV2HTTPEvent e = ApiEvents.event(
                        "GET",
                        "/api/v1/admin/cases",
                        "/api/v1/admin/cases",
                        Map.of(),
                        Map.of(),
                        q,
                        null,
                        ApiEvents.admin("gaocheng"));
                long t = System.nanoTime();
                APIGatewayV2HTTPResponse r = staff.handleRequest(e, null);
                stats.add((System.nanoTime() - t) / 1e6);
                if (r.getStatusCode() != 200) throw new IllegalStateException(f.getKey() + ": " + r.getBody());
                JsonNode body = Json.parse(r.getBody());
                if (i % 2 == 0) {
                    items = body.get("items").size();
                    cursor = body.get("nextCursor").isNull()
                            ? null
                            : body.get("nextCursor").asText();
                }
            }
            out.append(String.format(
                    "| %s | %d | %s | %s | %.1f | %d |%n",
                    f.getKey(),
                    items,
                    Stats.ms(stats.median()),
                    Stats.ms(stats.percentile(95)),
                    counter.total() / (double) requests,
                    counter.scans()));
        }
        out.append("\n")
                .append(routeTour(handlers, counter, catalog.villages().get(0).id()));
        return out.toString();
    }

    /** Every route of the API once, on the full table: its DynamoDB calls by operation, Scan among them. */
    private String routeTour(Map<String, ApiHandler> handlers, ScanCounter counter, String village) throws Exception {
        Map<String, String> admin = ApiEvents.admin("gaocheng");
        String complaint = ApiEvents.complaintBody("路灯不亮");
        APIGatewayV2HTTPResponse receipt = handlers.get("POST /api/v1/towns/{town}/complaints")
                .handleRequest(
                        ApiEvents.event(
                                "POST",
                                "/api/v1/towns/{town}/complaints",
                                "/api/v1/towns/gaocheng/complaints",
                                Map.of("town", "gaocheng"),
                                Map.of(),
                                Map.of(),
                                complaint,
                                null),
                        null);
        JsonNode r = Json.parse(receipt.getBody());
        String no = r.get("trackingNo").asText();
        String code = r.get("accessCode").asText();
        String year = Integer.toString(LocalDate.now().getYear());
        StringBuilder out = new StringBuilder(
                "Every request path on the full table (one request each; DynamoDB calls counted by an "
                        + "SDK ExecutionInterceptor on the handlers' client):\n\n| route | status | time | DynamoDB calls | Scan |\n|---|---|---|---|---|\n");
        record Call(
                String routeKey,
                String path,
                Map<String, String> params,
                Map<String, String> headers,
                Map<String, String> query,
                String body,
                Map<String, String> claims) {}
        String staffComplaint = Json.write(((ObjectNode) Json.parse(complaint))
                .put("receivedOn", LocalDate.now(ChinaTime.ZONE).toString())
                .put("channel", "phone"));
        List<Call> calls = List.of(
                new Call("GET /api/v1/health", "/api/v1/health", Map.of(), Map.of(), Map.of(), null, null),
                new Call(
                        "GET /api/v1/towns/{town}/catalog",
                        "/api/v1/towns/gaocheng/catalog",
                        Map.of("town", "gaocheng"),
                        Map.of(),
                        Map.of(),
                        null,
                        null),
                new Call(
                        "POST /api/v1/towns/{town}/complaints",
                        "/api/v1/towns/gaocheng/complaints",
                        Map.of("town", "gaocheng"),
                        Map.of("idempotency-key", UUID.randomUUID().toString()),
                        Map.of(),
                        complaint,
                        null),
                new Call(
                        "POST /api/v1/towns/{town}/info-requests",
                        "/api/v1/towns/gaocheng/info-requests",
                        Map.of("town", "gaocheng"),
                        Map.of(),
                        Map.of(),
                        "{\"applicant\":{\"kind\":\"natural-person\",\"name\":\"李华\",\"idType\":\"passport\",\"idNumber\":\"E12345678\","
                                + "\"phone\":\"0510-87654321\"},\"description\":\"请公开本镇2021年农村人居环境整治项目的预算和决算\",\"form\":\"electronic\","
                                + "\"delivery\":\"online\"}",
                        null),
                new Call(
                        "GET /api/v1/track/{trackingNo}",
                        "/api/v1/track/" + no,
                        Map.of("trackingNo", no),
                        Map.of("x-access-code", code),
                        Map.of(),
                        null,
                        null),
                new Call(
                        "GET /api/v1/admin/cases",
                        "/api/v1/admin/cases",
                        Map.of(),
                        Map.of(),
                        Map.of("village", village),
                        null,
                        admin),
                new Call(
                        "GET /api/v1/admin/cases/export",
                        "/api/v1/admin/cases/export",
                        Map.of(),
                        Map.of(),
                        Map.of(
                                "status",
                                "submitted",
                                "from",
                                LocalDate.now().minusDays(30).toString()),
                        null,
                        admin),
                new Call(
                        "GET /api/v1/admin/cases/{trackingNo}",
                        "/api/v1/admin/cases/" + no,
                        Map.of("trackingNo", no),
                        Map.of(),
                        Map.of(),
                        null,
                        admin),
                new Call(
                        "POST /api/v1/admin/cases/{trackingNo}/actions",
                        "/api/v1/admin/cases/" + no + "/actions",
                        Map.of("trackingNo", no),
                        Map.of(),
                        Map.of(),
                        "{\"action\":\"accept\",\"expectedVersion\":1}",
                        admin),
                new Call(
                        "POST /api/v1/track/{trackingNo}/rating",
                        "/api/v1/track/" + no + "/rating",
                        Map.of("trackingNo", no),
                        Map.of("x-access-code", code),
                        Map.of(),
                        "{\"score\":5}",
                        null),
                new Call(
                        "GET /api/v1/admin/stats",
                        "/api/v1/admin/stats",
                        Map.of(),
                        Map.of(),
                        Map.of("year", year),
                        null,
                        admin),
                new Call("GET /api/v1/admin/audit", "/api/v1/admin/audit", Map.of(), Map.of(), Map.of(), null, admin),
                new Call("GET /api/v1/admin/alerts", "/api/v1/admin/alerts", Map.of(), Map.of(), Map.of(), null, admin),
                new Call(
                        "POST /api/v1/admin/towns/{town}/complaints",
                        "/api/v1/admin/towns/gaocheng/complaints",
                        Map.of("town", "gaocheng"),
                        Map.of(),
                        Map.of(),
                        staffComplaint,
                        admin),
                new Call(
                        "POST /api/v1/admin/towns/{town}/info-requests",
                        "/api/v1/admin/towns/gaocheng/info-requests",
                        Map.of("town", "gaocheng"),
                        Map.of(),
                        Map.of(),
                        "{\"applicant\":{\"kind\":\"natural-person\",\"name\":\"李华\",\"idType\":\"passport\",\"idNumber\":\"E12345678\","
                                + "\"phone\":\"0510-87654321\"},\"description\":\"请公开本镇2021年农村人居环境整治项目的预算和决算\",\"form\":\"electronic\","
                                + "\"delivery\":\"online\",\"receivedOn\":\""
                                + LocalDate.now(cn.banshi.calendar.ChinaTime.ZONE) + "\",\"channel\":\"post\"}",
                        admin),
                new Call(
                        "GET /api/v1/admin/calendar/{year}",
                        "/api/v1/admin/calendar/2026",
                        Map.of("year", "2026"),
                        Map.of(),
                        Map.of(),
                        null,
                        admin),
                new Call(
                        "PUT /api/v1/admin/calendar/{year}",
                        "/api/v1/admin/calendar/2027",
                        Map.of("year", "2027"),
                        Map.of(),
                        Map.of(),
                        "{\"notice\":\"国办发明电〔2026〕1号\",\"daysOff\":[\"2027-01-01\"],\"makeUpWorkdays\":[]}",
                        admin));
        Set<String> covered = new TreeSet<>();
        int[] scans = {0};
        Function<Call, APIGatewayV2HTTPResponse> tour = c -> {
            ApiHandler h = handlers.get(c.routeKey());
            if (h == null) throw new IllegalStateException("no handler for " + c.routeKey());
            String[] mp = c.routeKey().split(" ", 2);
            APIGatewayV2HTTPEvent e =
                    ApiEvents.event(mp[0], mp[1], c.path(), c.params(), c.headers(), c.query(), c.body(), c.claims());
            counter.reset();
            long t = System.nanoTime();
            APIGatewayV2HTTPResponse resp = h.handleRequest(e, null);
            double ms = (System.nanoTime() - t) / 1e6;
            covered.add(c.routeKey());
            scans[0] += counter.scans();
            String status = Integer.toString(resp.getStatusCode());
            try {
                if (resp.getStatusCode() >= 400)
                    status += " " + Json.parse(resp.getBody()).at("/error/code").asText();
            } catch (IOException notJson) {
                status += " (no JSON body)";
            }
            out.append(String.format(
                    "| `%s` | %s | %s | %s | %d |%n",
                    c.routeKey(), status, Stats.ms(ms), counter.snapshot(), counter.scans()));
            return resp;
        };
        for (Call c : calls) tour.apply(c);
        // the town's year records: create, list, change and delete one of each; the figures; the reports
        for (String kind : List.of("plan-items", "activities")) {
            String body = kind.equals("plan-items")
                    ? "{\"title\":\"推广办塍事小程序\",\"owner\":\"综治办\",\"targetDate\":\""
                            + (LocalDate.now().getYear() + 1) + "-12-31\"}"
                    : "{\"date\":\"" + LocalDate.now().minusDays(3)
                            + "\",\"theme\":\"legal-education\",\"title\":\"宪法日普法宣传\"}";
            String collection = "/api/v1/admin/" + kind;
            APIGatewayV2HTTPResponse created =
                    tour.apply(new Call("POST " + collection, collection, Map.of(), Map.of(), Map.of(), body, admin));
            String id = Json.parse(created.getBody()).path("id").asText("missing");
            tour.apply(new Call("GET " + collection, collection, Map.of(), Map.of(), Map.of(), null, admin));
            tour.apply(new Call(
                    "PUT " + collection + "/{id}",
                    collection + "/" + id,
                    Map.of("id", id),
                    Map.of(),
                    Map.of(),
                    body,
                    admin));
            tour.apply(new Call(
                    "DELETE " + collection + "/{id}",
                    collection + "/" + id,
                    Map.of("id", id),
                    Map.of(),
                    Map.of(),
                    null,
                    admin));
        }
        String figures =
                "{\"proactive\":{\"rules\":{\"issued\":0,\"repealed\":0,\"inForce\":0},\"normativeDocuments\":{\"issued\":4,"
                        + "\"repealed\":1,\"inForce\":17},\"licensing\":126,\"penalties\":38,\"enforcement\":2,\"feeAmount\":12.35},"
                        + "\"reviewLitigation\":{\"review\":{\"upheld\":1,\"corrected\":0,\"other\":0,\"pending\":1},\"litigationDirect\":"
                        + "{\"upheld\":0,\"corrected\":0,\"other\":1,\"pending\":0,\"total\":1},\"litigationAfterReview\":{\"upheld\":0,"
                        + "\"corrected\":0,\"other\":0,\"pending\":0}}}";
        String lastYear = Integer.toString(LocalDate.now().getYear() - 1);
        tour.apply(new Call(
                "PUT /api/v1/admin/disclosure-figures/{year}",
                "/api/v1/admin/disclosure-figures/" + lastYear,
                Map.of("year", lastYear),
                Map.of(),
                Map.of(),
                figures,
                admin));
        tour.apply(new Call(
                "GET /api/v1/admin/disclosure-figures/{year}",
                "/api/v1/admin/disclosure-figures/" + lastYear,
                Map.of("year", lastYear),
                Map.of(),
                Map.of(),
                null,
                admin));
        tour.apply(new Call(
                "PUT /api/v1/admin/leaders-duty/{year}",
                "/api/v1/admin/leaders-duty/" + lastYear,
                Map.of("year", lastYear),
                Map.of(),
                Map.of(),
                "{\"leaders\":[{\"post\":\"镇党委书记\",\"name\":\"王建华\"}]}",
                admin));
        tour.apply(new Call(
                "GET /api/v1/admin/leaders-duty/{year}",
                "/api/v1/admin/leaders-duty/" + lastYear,
                Map.of("year", lastYear),
                Map.of(),
                Map.of(),
                null,
                admin));
        tour.apply(new Call(
                "GET /api/v1/admin/reports",
                "/api/v1/admin/reports",
                Map.of(),
                Map.of(),
                Map.of("year", lastYear),
                null,
                admin));
        tour.apply(new Call(
                "GET /api/v1/admin/reports/{year}/{job}/{file}",
                "/api/v1/admin/reports/" + lastYear + "/ogi-annual/report.json",
                Map.of("year", lastYear, "job", "ogi-annual", "file", "report.json"),
                Map.of(),
                Map.of(),
                null,
                admin));
        // starting a report run claims its run record; the bench has no report function, so the runner is unavailable
        tour.apply(new Call(
                "POST /api/v1/admin/reports/{job}",
                "/api/v1/admin/reports/ogi-annual",
                Map.of("job", "ogi-annual"),
                Map.of(),
                Map.of("year", lastYear),
                null,
                admin));
        Set<String> missing = new TreeSet<>(handlers.keySet());
        missing.removeAll(covered);
        out.append(String.format(
                "%nScan calls on request paths: **%d** (must be 0). Routes not toured: %s.%n%n",
                scans[0], missing.isEmpty() ? "none" : missing));
        return out.toString();
    }
}
