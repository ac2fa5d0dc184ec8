package cn.banshi.bench.load;

import cn.banshi.bench.BenchEnv;
import cn.banshi.bench.CaseGenerator;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseItems;
import cn.banshi.catalog.Catalogs;
import cn.banshi.store.BulkLoader;
import cn.banshi.store.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Benchmark 5: BulkLoader (parallel BatchWriteItem of 25, unprocessed items retried) on N real case items into an
 * empty table, against single-item PutItem from one thread (the floor-like reference) in the same run.
 */
public final class BulkLoadBench {
    private final BenchEnv env;

    public BulkLoadBench(BenchEnv env) {
        this.env = env;
    }

    public String run(int items, int threads, int puts) {
        DynamoDbClient dynamo = env.client(ClientOverrideConfiguration.builder());
        var catalog = Catalogs.bundled().town("gaocheng").orElseThrow();
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        CaseGenerator generator = new CaseGenerator(catalog, today, 5);
        String table = Tables.physical(Tables.CASES);
        // the same JIT warm-up for both sides: generate and put a few hundred items first
        for (int i = 0; i < 300; i++)
            dynamo.putItem(b -> b.tableName(table).item(CaseItems.toItem(generator.record(9_000_000 + 0))));
        var prebuilt = new ArrayList<Map<String, AttributeValue>>(puts);
        for (int i = 0; i < puts; i++) prebuilt.add(CaseItems.toItem(generator.record(8_000_000 + i)));
        long t = System.nanoTime();
        for (var item : prebuilt) dynamo.putItem(b -> b.tableName(table).item(item));
        double putMs = (System.nanoTime() - t) / 1e6;
        double putRate = puts * 1000.0 / putMs;

        var all = new ArrayList<Map<String, AttributeValue>>(items);
        for (int i = 0; i < items; i++) all.add(CaseItems.toItem(generator.record(i)));
        BulkLoader.Result r = new BulkLoader(dynamo, threads).load(table, all.iterator());

        StringBuilder out = new StringBuilder("### 5. Bulk loading\n\n");
        out.append(String.format(
                "Real case items (`CaseItems.toItem` on generated records, 5 GSIs each), built before the clock "
                        + "starts, into dynalite (on disk, one Node process) in the same run.%n%n"));
        out.append(
                "| loader | items | batches | unprocessed retried | time | items/s | ratio |\n|---|---|---|---|---|---|---|\n");
        out.append(String.format(
                "| BulkLoader, %d threads of BatchWriteItem (25 per batch) | %,d | %,d | %,d | %.1f s | %.0f | **%.2f×** |%n",
                threads,
                r.items(),
                r.batches(),
                r.retried(),
                r.millis() / 1000.0,
                r.itemsPerSecond(),
                r.itemsPerSecond() / putRate));
        out.append(String.format(
                "| PutItem, one item per call, one thread (reference) | %,d | — | — | %.1f s | %.0f | 1.00× |%n%n",
                puts, putMs / 1000, putRate));
        return out.toString();
    }
}
