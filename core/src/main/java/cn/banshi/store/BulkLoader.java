package cn.banshi.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Loads many items fast (demo data, benchmarks): BatchWriteItem in batches of 25 from several threads, and
 * every unprocessed item retried with exponential backoff until written. Not for request paths.
 */
public final class BulkLoader {
    static final int BATCH = 25;
    private static final int MAX_BACKOFF_MS = 2_000;

    private final DynamoDbClient dynamo;
    private final int threads;

    public BulkLoader(DynamoDbClient dynamo, int threads) {
        this.dynamo = dynamo;
        this.threads = threads;
    }

    /** What a load did: items written, batches sent, unprocessed items retried, and how long it took. */
    public record Result(long items, long batches, long retried, long millis) {
        public double itemsPerSecond() {
            return millis == 0 ? items : items * 1000.0 / millis;
        }
    }

    public Result load(String physicalTable, Iterator<Map<String, AttributeValue>> items) {
        long start = System.nanoTime();
        AtomicLong written = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        AtomicLong retried = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> inFlight = new ArrayList<>();
            while (items.hasNext()) {
                List<WriteRequest> batch = new ArrayList<>(BATCH);
                while (items.hasNext() && batch.size() < BATCH) {
                    batch.add(WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(items.next()).build())
                            .build());
                }
                inFlight.add(pool.submit(() -> {
                    write(physicalTable, batch, batches, retried);
                    written.addAndGet(batch.size());
                }));
                if (inFlight.size() >= threads * 4) drain(inFlight, inFlight.size() - threads * 2);
            }
            drain(inFlight, inFlight.size());
        } finally {
            pool.shutdownNow();
        }
        return new Result(written.get(), batches.get(), retried.get(), (System.nanoTime() - start) / 1_000_000);
    }

    private void write(String table, List<WriteRequest> batch, AtomicLong batches, AtomicLong retried) {
        List<WriteRequest> pending = batch;
        int attempt = 0;
        while (!pending.isEmpty()) {
            List<WriteRequest> sending = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, sending)));
            batches.incrementAndGet();
            List<WriteRequest> unprocessed = response.hasUnprocessedItems()
                            && response.unprocessedItems().containsKey(table)
                    ? response.unprocessedItems().get(table)
                    : List.of();
            if (!unprocessed.isEmpty()) {
                retried.addAndGet(unprocessed.size());
                sleep(Math.min(MAX_BACKOFF_MS, 20L << Math.min(attempt++, 6)));
            }
            pending = unprocessed;
        }
    }

    private static void drain(List<Future<?>> futures, int count) {
        for (int i = 0; i < count; i++) {
            try {
                futures.remove(0).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
