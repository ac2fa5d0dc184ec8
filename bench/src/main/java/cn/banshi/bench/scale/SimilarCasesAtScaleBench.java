package cn.banshi.bench.scale;

import cn.banshi.api.AppContext;
import cn.banshi.bench.ApiEvents;
import cn.banshi.bench.BenchEnv;
import cn.banshi.bench.CaseGenerator;
import cn.banshi.bench.ScanCounter;
import cn.banshi.bench.Stats;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.duplicates.SimilarCasesHandler;
import cn.banshi.duplicates.SimilarService;
import cn.banshi.json.Json;
import cn.banshi.store.BulkLoader;
import cn.banshi.store.TableSpec;
import cn.banshi.store.Tables;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Benchmark 3b (issue 19): the similar-case suggestions with N cases in one town (default 200,000, bulk-loaded like
 * benchmark 3 into their own data directory): p50/p95 of {@code POST /towns/{town}/similar-cases} through the handler,
 * against its floor in the same run, the bare index Query of the same page ({@value SimilarService#PAGE} items of
 * {@code open-by-category}, newest first, 90 days) on the same client.
 */
public final class SimilarCasesAtScaleBench {
    private final BenchEnv env;
    private final Path dataDir;

    public SimilarCasesAtScaleBench(BenchEnv env, Path dataDir) {
        this.env = env;
        this.dataDir = dataDir;
    }

    public String run(int cases, int requests) throws Exception {
        StringBuilder out = new StringBuilder("### 3b. Similar-case suggestions at scale (issue 19)\n\n");
        DynamoDbClient plain = env.client(ClientOverrideConfiguration.builder());
        Catalog catalog = Catalogs.bundled().town("gaocheng").orElseThrow();
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        Path marker = dataDir.resolve("loaded-" + cases + "-" + today);
        if (!Files.exists(marker)) {
            BulkLoader.Result loaded = new BulkLoader(plain, 8)
                    .load(Tables.physical(Tables.CASES), new CaseGenerator(catalog, today, 11).items(cases));
            Files.writeString(
                    marker,
                    String.format(
                            "Loaded %,d cases with core's BulkLoader: %.0f s, %.0f items/s.",
                            loaded.items(), loaded.millis() / 1000.0, loaded.itemsPerSecond()));
        }
        out.append(Files.readString(marker)).append(" (benchmark 3's generator: a quarter of the cases open)\n\n");

        ScanCounter counter = new ScanCounter();
        DynamoDbClient dynamo = env.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter));
        SimilarCasesHandler handler = new SimilarCasesHandler(new AppContext(dynamo, Clock.systemUTC()));
        String village = catalog.villages().get(0).id();
        String category = catalog.categoriesFor(CaseType.COMPLAINT).get(0).id();
        String categoryName = catalog.categoriesFor(CaseType.COMPLAINT).get(0).name();
        String body = Json.write(Json.object()
                .put("category", category)
                .put("village", village)
                .put("text", "关于" + categoryName + "的反映：村口道路旁问题一直没有处理，请尽快处理。"));
        APIGatewayV2HTTPEvent event = ApiEvents.event(
                "POST",
                "/api/v1/towns/{town}/similar-cases",
                "/api/v1/towns/gaocheng/similar-cases",
                Map.of("town", "gaocheng"),
                Map.of(),
                Map.of(),
                body,
                null);
        TableSpec.IndexSpec index = Tables.spec(Tables.CASES).index(Tables.CASES_OPEN_BY_CATEGORY);
        String from = today.minusDays(SimilarService.INTAKE_DAYS).toString();
        Stats floor = new Stats();
        Stats endpoint = new Stats();
        int page = 0;
        int suggested = 0;
        int calls = 0;
        int scans = 0;
        for (int i = -10; i < requests; i++) {
            long t = System.nanoTime();
            QueryResponse raw = dynamo.query(b -> b.tableName(Tables.physical(Tables.CASES))
                    .indexName(index.name())
                    .keyConditionExpression("#pk = :pk AND #sk >= :from")
                    .expressionAttributeNames(Map.of("#pk", index.partitionKey(), "#sk", index.sortKey()))
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS("gaocheng#" + category), ":from", AttributeValue.fromS(from)))
                    .scanIndexForward(false)
                    .limit(SimilarService.PAGE));
            double rawMs = (System.nanoTime() - t) / 1e6;
            counter.reset();
            t = System.nanoTime();
            APIGatewayV2HTTPResponse r = handler.handleRequest(event, null);
            double endpointMs = (System.nanoTime() - t) / 1e6;
            if (r.getStatusCode() != 200) throw new IllegalStateException(r.getBody());
            if (i < 0) continue; // warm-up
            floor.add(rawMs);
            endpoint.add(endpointMs);
            page = raw.count();
            suggested = Json.parse(r.getBody()).get("items").size();
            calls += counter.total();
            scans += counter.scans();
        }
        out.append(String.format(
                "%d requests after 10 warm-up ones, alternately: the bare Query of the candidate page (%d items of "
                        + "`%s` for `gaocheng#%s`, received in the last %d days) and the endpoint for a draft in "
                        + "village `%s` (%d suggestions; the generated texts are alike, so all %d are scored).%n%n",
                requests, page, index.name(), category, SimilarService.INTAKE_DAYS, village, suggested, page));
        out.append("| | p50 | p95 | DynamoDB calls per request | Scan calls |\n|---|---|---|---|---|\n");
        out.append(String.format(
                "| floor: bare index Query of the page | %s | %s | 1 | 0 |%n",
                Stats.ms(floor.median()), Stats.ms(floor.percentile(95))));
        out.append(String.format(
                "| `POST /api/v1/towns/{town}/similar-cases` | %s | %s | %.1f | %d |%n",
                Stats.ms(endpoint.median()), Stats.ms(endpoint.percentile(95)), calls / (double) requests, scans));
        out.append(String.format(
                "| ratio endpoint / floor | %s | %s | | |%n%n",
                Stats.ratio(endpoint.median(), floor.median()),
                Stats.ratio(endpoint.percentile(95), floor.percentile(95))));
        return out.toString();
    }
}
