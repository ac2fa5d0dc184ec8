package cn.banshi.bench.reports;

import cn.banshi.batch.Progress;
import cn.banshi.batch.ReportJobs;
import cn.banshi.batch.ReportParameters;
import cn.banshi.batch.cases.CaseFact;
import cn.banshi.bench.HeapWatch;
import cn.banshi.bench.ScanCounter;
import cn.banshi.logging.Log;
import cn.banshi.reports.ReportKind;
import cn.banshi.store.DynamoClients;
import cn.banshi.store.Tables;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * One measurement in a fresh JVM (started by {@link ReportsBench} with -Xmx256m):
 * {@code job ENDPOINT DATA YEAR TODAY TOWN...} runs the three report jobs, each once for all the towns (for several
 * towns, a county run: one job execution whose scan reads the table once);
 * {@code scan ENDPOINT DATA YEAR TODAY TOWN...} does the raw parallel Scan each job cannot avoid, once per job, i.e.
 * three times in one JVM (same segments, page size, town filter and projection, nothing kept). Prints one line:
 * {@code RESULT millis=… peakHeap=… peakLive=… gcs=… items=…}: peak heap is the sum of the heap pools' peak usage
 * (MemoryPoolMXBean, garbage included, so it follows how far G1 lets the young generation grow); peak live is the
 * largest heap left after any collection (GC notifications), the figure that shows what the run holds.
 */
public final class ReportsChild {
    private ReportsChild() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        ScanCounter calls = new ScanCounter();
        Map<String, AtomicInteger> byTable = new ConcurrentHashMap<>();
        ExecutionInterceptor tables = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                String table = context.request()
                        .getValueForField("TableName", String.class)
                        .orElse("-");
                byTable.computeIfAbsent(
                                context.request().getClass().getSimpleName().replace("Request", "") + " " + table,
                                k -> new AtomicInteger())
                        .incrementAndGet();
            }
        };
        // the client the report function and ./banshi report give the jobs (the floor's Scans meet no errors here)
        DynamoDbClient dynamo = DynamoClients.forBatchJobs(
                args[1],
                ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(calls)
                        .addExecutionInterceptor(tables));
        Path data = Path.of(args[2]);
        int year = Integer.parseInt(args[3]);
        LocalDate today = LocalDate.parse(args[4]);
        List<String> towns = List.of(args).subList(5, args.length);
        Log.redirect(new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8"));
        Logger.getLogger("").setLevel(Level.OFF);
        HeapWatch heap = HeapWatch.start();
        long start = System.nanoTime();
        long items = 0;
        StringBuilder perJob = new StringBuilder();
        if (mode.equals("job")) {
            try (ReportJobs jobs = ReportJobs.open(dynamo, ReportJobs.Settings.of(data), Clock.systemUTC())) {
                perJob.append(" open=").append((System.nanoTime() - start) / 1_000_000);
                // one job execution per report for all the towns: a county run, the table read once per job
                for (ReportKind kind : ReportKind.values()) {
                    Path out = Files.createDirectories(data.resolve("out").resolve(kind.code()));
                    long jobStart = System.nanoTime();
                    Map<String, Long> phases = new ConcurrentHashMap<>();
                    Progress timing = new Progress() {
                        @Override
                        public void scanned(long done, long total) {}

                        @Override
                        public void phase(String name) {
                            phases.putIfAbsent(name, (System.nanoTime() - jobStart) / 1_000_000);
                        }
                    };
                    ReportJobs.Result r = jobs.run(new ReportJobs.Request(
                            kind,
                            towns,
                            year,
                            ReportParameters.formats(ReportParameters.allFormats()),
                            out,
                            today,
                            timing,
                            null));
                    System.err.println("phases of " + kind.code() + " (ms from its start): " + phases);
                    if (!r.completed())
                        throw new IllegalStateException(kind + " " + towns.size() + " towns failed: " + r.failures());
                    items += r.casesReadInThisRun();
                    perJob.append(' ')
                            .append(kind.code())
                            .append('=')
                            .append((System.nanoTime() - jobStart) / 1_000_000);
                }
            }
        } else {
            // once per job, in one JVM, as the jobs run: the floor warms up once too
            for (ReportKind kind : ReportKind.values()) {
                long t = System.nanoTime();
                items += rawScan(dynamo, towns, ReportJobs.DEFAULT_SEGMENTS, 500);
                perJob.append(" scan")
                        .append(kind.ordinal() + 1)
                        .append('=')
                        .append((System.nanoTime() - t) / 1_000_000);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = HeapWatch.peakHeap();
        long gcs = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) gcs += gc.getCollectionCount();
        System.err.println("DynamoDB calls: " + calls.snapshot() + " by table: " + new TreeMap<>(byTable));
        System.out.println("RESULT millis=" + millis + " peakHeap=" + peak + " peakLive=" + heap.peakLive() + " gcs="
                + gcs + " items=" + items + " maxHeap=" + Runtime.getRuntime().maxMemory() + perJob);
    }

    /** One parallel Scan of the table for the towns' cases (filter {@code town IN (...)} for several). */
    static long rawScan(DynamoDbClient dynamo, List<String> towns, int segments, int pageSize) throws Exception {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < towns.size(); i++) {
            values.put(":town" + i, AttributeValue.fromS(towns.get(i)));
            names.add(":town" + i);
        }
        String filter = towns.size() == 1 ? "#town = :town0" : "#town IN (" + String.join(", ", names) + ")";
        ExecutorService pool = Executors.newFixedThreadPool(segments);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int s = 0; s < segments; s++) {
                int segment = s;
                parts.add(pool.submit(() -> {
                    long n = 0;
                    Map<String, AttributeValue> key = null;
                    do {
                        ScanRequest.Builder b = ScanRequest.builder()
                                .tableName(Tables.physical(Tables.CASES))
                                .segment(segment)
                                .totalSegments(segments)
                                .limit(pageSize)
                                .consistentRead(true)
                                .filterExpression(filter)
                                .projectionExpression(CaseFact.PROJECTION)
                                .expressionAttributeNames(CaseFact.NAMES)
                                .expressionAttributeValues(values);
                        if (key != null) b.exclusiveStartKey(key);
                        ScanResponse page = dynamo.scan(b.build());
                        n += page.count();
                        key = page.hasLastEvaluatedKey()
                                        && !page.lastEvaluatedKey().isEmpty()
                                ? page.lastEvaluatedKey()
                                : null;
                    } while (key != null);
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> f : parts) total += f.get();
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
