package cn.banshi.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.DisputeDetails;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Optimistic locking under concurrency: one winner per version, and a history without gaps. */
class StaleVersionConcurrencyTest extends ApiTestSupport {

    @Test
    void twentyConcurrentActionsOnOneVersionHaveExactlyOneWinner() throws Exception {
        setUpApp("2021-05-10T10:00");
        String no = submitOnline("complaints", complaint()).get("trackingNo").asText();
        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return act(no, 1, ADMIN, null, Json.object().put("action", "accept"));
            }));
        }
        start.countDown();
        int ok = 0;
        int conflicts = 0;
        for (Future<APIGatewayV2HTTPResponse> f : results) {
            APIGatewayV2HTTPResponse r = f.get();
            if (r.getStatusCode() == 200) ok++;
            else {
                // the losers either saw the stale version or, having read the new one, the state no longer allowing
                // accept
                assertTrue(r.getStatusCode() == 409 || r.getStatusCode() == 422, r.getBody());
                if (r.getStatusCode() == 409)
                    assertEquals(
                            "VERSION_CONFLICT", json(r).get("error").get("code").asText());
                conflicts++;
            }
        }
        pool.shutdown();
        assertEquals(1, ok);
        assertEquals(n - 1, conflicts);
        CaseRecord stored = app.cases().find(no).orElseThrow();
        assertEquals(2, stored.version());
        assertEquals(2, stored.history().size());
    }

    @Test
    void racingClerksEachWinOnePerVersionAndTheHistoryHasNoGaps() throws Exception {
        setUpApp("2021-05-10T10:00");
        ObjectNode body = complaint().put("type", "dispute").put("category", "dispute-neighbour");
        body.putArray("parties").addObject().put("name", "赵四");
        String no = submitOnline("complaints", body).get("trackingNo").asText();
        act(no, "accept");
        act(no, "assign-mediator", "mediator", "周调解员");
        long startVersion = app.cases().find(no).orElseThrow().version();
        int threads = 20;
        int attempts = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int clerk = t;
            futures.add(pool.submit(() -> {
                start.await();
                List<Long> won = new ArrayList<>();
                for (int a = 0; a < attempts; a++) {
                    long version = app.cases().find(no).orElseThrow().version();
                    ObjectNode session = Json.object()
                            .put("action", "record-session")
                            .put("date", "2021-05-10")
                            .put("summary", "调解员 " + clerk + " 第 " + a + " 次记录");
                    APIGatewayV2HTTPResponse r = act(no, version, ADMIN, null, session);
                    if (r.getStatusCode() == 200) won.add(json(r).get("version").asLong());
                    else assertEquals(409, r.getStatusCode(), r.getBody());
                }
                return won;
            }));
        }
        start.countDown();
        Set<Long> wonVersions = new TreeSet<>();
        int wins = 0;
        for (Future<List<Long>> f : futures) {
            for (long v : f.get()) {
                wins++;
                wonVersions.add(v);
            }
        }
        pool.shutdown();
        assertEquals(wins, wonVersions.size(), "no version was won twice");
        CaseRecord stored = app.cases().find(no).orElseThrow();
        assertEquals(startVersion + wins, stored.version());
        for (int i = 0; i < stored.history().size(); i++)
            assertEquals(i + 1, stored.history().get(i).seq(), "no gaps");
        assertEquals(stored.version(), stored.history().size());
        assertEquals(wins, stored.details(DisputeDetails.class).sessionsHeld().size());
        assertTrue(wins >= 1);
    }
}
