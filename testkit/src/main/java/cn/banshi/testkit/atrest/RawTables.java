package cn.banshi.testkit.atrest;

import cn.banshi.store.TableSpec;
import cn.banshi.store.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Every item of the tables under one prefix, as stored, read with the plain SDK. The tables are read side by side:
 * most are empty, and one round trip after another (about 2 ms each on dynalite) would cost more than the reading.
 */
final class RawTables {
    private static final ExecutorService READERS = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "raw-table-scan");
        t.setDaemon(true);
        return t;
    });

    private RawTables() {}

    /** Each table of {@link Tables#all()} but {@code skipped} that exists under {@code prefix}, with its items. */
    static Map<TableSpec, List<Map<String, AttributeValue>>> read(
            DynamoDbClient dynamo, String prefix, Set<String> skipped) {
        Map<TableSpec, Future<List<Map<String, AttributeValue>>>> reads = new LinkedHashMap<>();
        for (TableSpec spec : Tables.all()) {
            if (!skipped.contains(spec.name()))
                reads.put(spec, READERS.submit(() -> readAll(dynamo, prefix + spec.name())));
        }
        Map<TableSpec, List<Map<String, AttributeValue>>> tables = new LinkedHashMap<>();
        for (var read : reads.entrySet()) {
            List<Map<String, AttributeValue>> items = result(read.getValue());
            if (items != null) tables.put(read.getKey(), items);
        }
        return tables;
    }

    /** Null when there is no such table (a test that made its tables another way, a dynalite restarted since). */
    private static List<Map<String, AttributeValue>> readAll(DynamoDbClient dynamo, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        try {
            for (var page : dynamo.scanPaginator(b -> b.tableName(table))) items.addAll(page.items());
            return items;
        } catch (ResourceNotFoundException gone) {
            return null;
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
