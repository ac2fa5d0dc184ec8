package cn.banshi.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.health.HealthHandler;
import cn.banshi.store.TableSpec;
import cn.banshi.store.Tables;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SnapStart priming: every handler primes without error, through the SDK where it uses storage, and writes nothing. */
class SnapStartPrimingTest {

    @Test
    void primingReadsOnlyAndReachesTheSdkRequestPath() throws Exception {
        DynamoDbClient setup = LocalDynamo.freshTables();
        List<String> operations = new ArrayList<>();
        DynamoDbClient recorded = LocalDynamo.client(ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                }));
        Map<String, Integer> before = itemCounts(setup);
        Map<String, List<String>> byHandler = new TreeMap<>();
        int handlers = Handlers.all().size();
        for (int i = 0; i < handlers; i++) {
            // each function has its own execution environment, so each handler primes a fresh context
            AppContext app = new AppContext(recorded, MutableClock.at("2026-03-02T10:00:00"));
            ApiHandler handler = Handlers.create(app).get(i);
            operations.clear();
            handler.prime();
            new SnapStartPriming(handler, app.random()).beforeCheckpoint(null);
            byHandler.put(handler.getClass().getSimpleName(), List.copyOf(operations));
        }
        assertEquals(before, itemCounts(setup), "priming wrote to a table");
        byHandler.forEach((name, ops) -> assertTrue(
                ops.stream().allMatch(op -> op.equals("GetItem") || op.equals("Query")), name + " primed with " + ops));
        for (String storageHandler : List.of(
                "SubmissionHandler",
                "TrackingHandler",
                "StaffCasesHandler",
                "StaffIntakeHandler",
                "CalendarAdminHandler",
                "ActivitiesHandler",
                "PlanItemsHandler",
                "DisclosureFiguresHandler",
                "LeadersDutyHandler")) {
            assertFalse(byHandler.get(storageHandler).isEmpty(), storageHandler + " did not prime the DynamoDB client");
        }
        assertTrue(byHandler.get("HealthHandler").isEmpty());
    }

    @Test
    void afterRestoreMixesFreshSeedIntoACopiedGenerator() throws Exception {
        // Two generators in the same state stand for two environments restored from one snapshot.
        SecureRandom first = SecureRandom.getInstance("SHA1PRNG");
        SecureRandom second = SecureRandom.getInstance("SHA1PRNG");
        first.setSeed(42L);
        second.setSeed(42L);
        assertArrayEquals(bytes(first), bytes(second));
        new SnapStartPriming(new HealthHandler(), first).afterRestore(null);
        new SnapStartPriming(new HealthHandler(), second).afterRestore(null);
        assertFalse(Arrays.equals(bytes(first), bytes(second)));
    }

    private static byte[] bytes(SecureRandom random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }

    private static Map<String, Integer> itemCounts(DynamoDbClient dynamo) {
        Map<String, Integer> counts = new TreeMap<>();
        for (TableSpec spec : Tables.all()) {
            counts.put(
                    spec.name(),
                    dynamo.scan(b -> b.tableName(Tables.physical(spec.name())).select("COUNT"))
                            .count());
        }
        return counts;
    }
}
