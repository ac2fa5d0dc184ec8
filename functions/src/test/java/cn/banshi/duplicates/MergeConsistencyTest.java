package cn.banshi.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.AppContext;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.json.Json;
import cn.banshi.testkit.FaultInjector;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import cn.banshi.upkeep.DailyJobs;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Merges without transactions: concurrent merges of the same pair, of many duplicates into one original and of a pair
 * both ways end consistent (optimistic locking on both items); a process stopping between the writes of a merge or an
 * unmerge (the fault injector's outage after the first or second write) leaves a state the next action or the daily
 * sweep finishes.
 */
class MergeConsistencyTest extends ApiTestSupport {
    FaultInjector faults;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        LocalDynamo.freshTables();
        faults = new FaultInjector(0.0, 20261202L);
        dynamo = LocalDynamo.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(faults));
        clock = MutableClock.at("2021-07-01T09:00");
        app = new AppContext(dynamo, clock);
        pool = Executors.newFixedThreadPool(6);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        faults.outage(false);
    }

    String file() {
        return submitOnline("complaints", complaint()).get("trackingNo").asText();
    }

    CaseRecord stored(String no) {
        return app.cases().find(no).orElseThrow();
    }

    APIGatewayV2HTTPResponse merge(String no, long version, String original) {
        return act(
                no,
                version,
                ADMIN,
                null,
                Json.object().put("action", "merge-as-duplicate").put("original", original));
    }

    APIGatewayV2HTTPResponse unmerge(String no) {
        return act(no, stored(no).version(), ADMIN, null, Json.object().put("action", "unmerge"));
    }

    /** Every link has its counterpart, no merge is pending, no merged case is an original, none is listed twice. */
    void assertConsistent(List<String> numbers) {
        for (String no : numbers) {
            CaseRecord c = stored(no);
            if (c.isMergedDuplicate()) {
                assertFalse(c.links().mergedInto().pending(), no + " pending");
                assertEquals(CaseStatus.MERGED, c.status());
                CaseRecord o = stored(c.links().mergedInto().original());
                assertEquals(
                        1,
                        o.linksOrNone().duplicates().stream().filter(no::equals).count(),
                        no);
                assertFalse(o.isMergedDuplicate(), "an original is not merged itself");
            } else {
                assertFalse(c.status() == CaseStatus.MERGED, no + " merged without a link");
                if (c.resolution() != null) assertFalse(c.resolution().outcome().equals("duplicate"), no);
            }
            for (String d : c.linksOrNone().duplicates()) {
                CaseRecord dup = stored(d);
                assertTrue(dup.isMergedDuplicate(), d);
                assertEquals(no, dup.links().mergedInto().original());
            }
        }
    }

    List<APIGatewayV2HTTPResponse> all(List<Callable<APIGatewayV2HTTPResponse>> calls) throws Exception {
        List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
        for (Callable<APIGatewayV2HTTPResponse> call : calls) futures.add(pool.submit(call));
        List<APIGatewayV2HTTPResponse> answers = new ArrayList<>();
        for (Future<APIGatewayV2HTTPResponse> f : futures) answers.add(f.get());
        return answers;
    }

    @Test
    void concurrentMergesOfTheSamePairMergeOnce() throws Exception {
        String original = file();
        String duplicate = file();
        long version = stored(duplicate).version();
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) calls.add(() -> merge(duplicate, version, original));
        List<APIGatewayV2HTTPResponse> answers = all(calls);
        assertEquals(1, answers.stream().filter(r -> r.getStatusCode() == 200).count());
        for (APIGatewayV2HTTPResponse r : answers)
            if (r.getStatusCode() != 200) assertError(r, 409, "VERSION_CONFLICT", "expectedVersion");
        assertEquals(List.of(duplicate), stored(original).links().duplicates());
        assertEquals(
                1,
                stored(duplicate).outbox().stream()
                        .filter(n -> n.kind().equals("merged"))
                        .count());
        assertConsistent(List.of(original, duplicate));
    }

    @Test
    void concurrentMergesIntoOneOriginalAreAllListed() throws Exception {
        String original = file();
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < 5; i++) duplicates.add(file());
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (String d : duplicates) {
            long version = stored(d).version();
            calls.add(() -> merge(d, version, original));
        }
        for (APIGatewayV2HTTPResponse r : all(calls)) assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals(
                duplicates.stream().sorted().toList(),
                stored(original).links().duplicates().stream().sorted().toList());
        List<String> everything = new ArrayList<>(duplicates);
        everything.add(original);
        assertConsistent(everything);
    }

    @Test
    void concurrentMergesOfAPairBothWaysNeverMergeBoth() throws Exception {
        for (int round = 0; round < 3; round++) {
            String a = file();
            String b = file();
            long va = stored(a).version();
            long vb = stored(b).version();
            List<APIGatewayV2HTTPResponse> answers = all(List.of(() -> merge(a, va, b), () -> merge(b, vb, a)));
            for (APIGatewayV2HTTPResponse r : answers) {
                // the other merge got there first: its target moved on (409) or is no longer open (422)
                if (r.getStatusCode() == 409) assertError(r, 409, "VERSION_CONFLICT", "expectedVersion");
                else if (r.getStatusCode() != 200) assertError(r, 422, "MERGE_TARGET_NOT_OPEN", "original");
            }
            assertFalse(stored(a).isMergedDuplicate() && stored(b).isMergedDuplicate());
            assertConsistent(List.of(a, b));
        }
    }

    @Test
    void aMergeStoppedAfterItsFirstWriteIsFinishedByTheDailySweep() {
        String original = file();
        String duplicate = file();
        faults.outageAfter(PutItemRequest.class, 1);
        assertError(merge(duplicate, stored(duplicate).version(), original), 503, "SERVICE_UNAVAILABLE", null);
        faults.outage(false);
        CaseRecord half = stored(duplicate);
        assertTrue(half.links().mergedInto().pending(), "the first write is made, marked pending");
        assertEquals(List.of(), stored(original).linksOrNone().duplicates());

        DailyJobs.run(app, Set.of("gaocheng"));
        assertConsistent(List.of(original, duplicate));
        assertEquals(List.of(duplicate), stored(original).links().duplicates());
        assertNotNull(stored(duplicate).outbox().stream()
                .filter(n -> n.kind().equals("merged"))
                .findFirst()
                .orElse(null));
    }

    @Test
    void aMergeStoppedAfterItsSecondWriteIsFinishedByTheNextAction() {
        String original = file();
        String duplicate = file();
        faults.outageAfter(PutItemRequest.class, 2);
        long version = stored(duplicate).version();
        assertError(merge(duplicate, version, original), 503, "SERVICE_UNAVAILABLE", null);
        faults.outage(false);
        assertTrue(stored(duplicate).links().mergedInto().pending());
        assertEquals(List.of(duplicate), stored(original).links().duplicates());

        // the clerk, seeing the case still open on their screen, accepts it: the merge is finished first
        assertError(
                act(duplicate, version, ADMIN, null, Json.object().put("action", "accept")),
                409,
                "VERSION_CONFLICT",
                "expectedVersion");
        assertConsistent(List.of(original, duplicate));
        assertTrue(stored(duplicate).isMergedDuplicate());
    }

    @Test
    void aMergeWhoseOriginalWasFinishedMeanwhileIsUndoneByTheRepair() {
        String original = file();
        String duplicate = file();
        faults.outageAfter(PutItemRequest.class, 1);
        assertError(merge(duplicate, stored(duplicate).version(), original), 503, "SERVICE_UNAVAILABLE", null);
        faults.outage(false);
        act(original, "accept");
        act(original, "reply", "reply", "已安排清理");
        act(original, "resolve");

        DailyJobs.run(app, Set.of("gaocheng"));
        assertConsistent(List.of(original, duplicate));
        CaseRecord restored = stored(duplicate);
        assertEquals(CaseStatus.SUBMITTED, restored.status());
        assertEquals(null, restored.resolution());
        assertTrue(restored.outbox().stream().noneMatch(n -> n.kind().equals("merged")), "never told of it");
    }

    @Test
    void anUnmergeStoppedAfterItsFirstWriteIsFinishedByTheDailySweep() {
        String original = file();
        String duplicate = file();
        assertEquals(
                200, merge(duplicate, stored(duplicate).version(), original).getStatusCode());
        faults.outageAfter(PutItemRequest.class, 1);
        assertError(unmerge(duplicate), 503, "SERVICE_UNAVAILABLE", null);
        faults.outage(false);
        assertTrue(stored(duplicate).isMergedDuplicate(), "the duplicate is not written yet");
        assertEquals(List.of(), stored(original).linksOrNone().duplicates());

        DailyJobs.run(app, Set.of("gaocheng"));
        assertConsistent(List.of(original, duplicate));
        assertFalse(stored(duplicate).isMergedDuplicate());
        assertEquals(CaseStatus.SUBMITTED, stored(duplicate).status());
        // a second sweep changes nothing
        long version = stored(duplicate).version();
        DailyJobs.run(app, Set.of("gaocheng"));
        assertEquals(version, stored(duplicate).version());
    }
}
