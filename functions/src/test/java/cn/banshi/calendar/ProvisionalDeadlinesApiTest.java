package cn.banshi.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.cases.CaseDetails;
import cn.banshi.cases.CaseFacts;
import cn.banshi.cases.CaseListPage;
import cn.banshi.cases.CaseQuery;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.Supervision;
import cn.banshi.catalog.Catalogs;
import cn.banshi.json.Json;
import cn.banshi.overdue.DeadlineRecompute;
import cn.banshi.overdue.OverdueSweepHandler;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.ProtectedAttributes;
import cn.banshi.store.Tables;
import cn.banshi.tracking.TrackingHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Deadlines across the year boundary with no 2027 notice loaded (the bundled calendar ends with 2026): every due date
 * counted through 2027 is provisional, nothing is refused, and loading the notice recomputes exactly the dates it moves.
 * Dates in the comments are counted by hand; 2027 provisionally has 1 Jan and 5–10 Feb off (除夕 to 初三 and 补假).
 */
class ProvisionalDeadlinesApiTest extends ApiTestSupport {
    static final String PROVISIONAL_2027 = "（暂定：2027年节假日安排公布后确定）";

    @BeforeEach
    void setUp() {
        setUpApp("2026-12-02T10:00");
    }

    String newInfoRequest() {
        return submitOnline("info-requests", ApiTestSupport.infoRequest())
                .get("trackingNo")
                .asText();
    }

    JsonNode detail(String no) {
        return json(staffGet("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + no, ADMIN, null, null));
    }

    JsonNode track(String no, String accessCode) {
        return json(call(
                new TrackingHandler(app),
                Events.get("/api/v1/track/{trackingNo}", "/api/v1/track/" + no).header("x-access-code", accessCode)));
    }

    APIGatewayV2HTTPResponse putCalendar(int year, ObjectNode body) {
        return call(
                new CalendarAdminHandler(app),
                as(
                        Events.request("PUT", "/api/v1/admin/calendar/{year}", "/api/v1/admin/calendar/" + year)
                                .body(Json.write(body)),
                        ADMIN,
                        null));
    }

    APIGatewayV2HTTPResponse getCalendar(String year) {
        return call(
                new CalendarAdminHandler(app),
                as(Events.get("/api/v1/admin/calendar/{year}", "/api/v1/admin/calendar/" + year), AUDITOR, null));
    }

    /** A 2027 notice as the State Council might publish it: 春节 5–11 Feb off, Saturday 20 Feb a make-up working day. */
    static ObjectNode notice2027() {
        ObjectNode notice = Json.object().put("notice", "国办发明电〔2026〕N号");
        var off = notice.putArray("daysOff");
        for (String d : List.of(
                "2027-01-01",
                "2027-01-02",
                "2027-01-03",
                "2027-02-05",
                "2027-02-06",
                "2027-02-07",
                "2027-02-08",
                "2027-02-09",
                "2027-02-10",
                "2027-02-11")) {
            off.add(d);
        }
        notice.putArray("makeUpWorkdays").add("2027-02-20");
        return notice;
    }

    static void assertDue(JsonNode view, String date, boolean provisional) {
        assertEquals(date, view.get("dueDate").asText(), view.toString());
        assertEquals(provisional, view.get("dueDateProvisional").asBoolean(), view.toString());
        if (provisional) assertEquals(PROVISIONAL_2027, view.get("dueDateNote").asText());
        else assertFalse(view.has("dueDateNote"));
    }

    static HistoryEntry last(CaseRecord c) {
        return c.history().get(c.history().size() - 1);
    }

    /** The scenario of the issue: requests, a petition and a dispute from 2 December to 15 January, then the notice. */
    @Test
    void deadlinesRunAcrossTheYearEndAndTheNoticeRecomputesThem() {
        // Wed 2 Dec: 20 working days end Wed 30 Dec (final); extended on Fri 4 Dec by 20: 31 Dec (21), 1 Jan off,
        // 4–8 Jan (26), 11–15 (31), 18–22 (36), 25–28 (40) → Thu 28 Jan 2027, provisional
        String extended = newInfoRequest();
        assertDue(detail(extended), "2026-12-30", false);
        at("2026-12-04T10:00");
        JsonNode afterExtension = act(extended, "extend", "reason", "需要调取档案");
        assertDue(afterExtension, "2027-01-28", true);
        assertTrue(last(app.cases().find(extended).orElseThrow())
                .publicNote()
                .endsWith("延长至 2027-01-28" + PROVISIONAL_2027));

        // Fri 4 Dec: 7–11 Dec (5), 14–18 (10), 21–25 (15), 28–31 (19), 1 Jan off, Mon 4 Jan (20)
        JsonNode receipt = submitOnline("info-requests", ApiTestSupport.infoRequest());
        assertDue(receipt, "2027-01-04", true);
        String fourth = receipt.get("trackingNo").asText();

        at("2026-12-31T10:00");
        String petition = submitOnline(
                        "complaints", complaint().put("type", "petition").put("category", "petition-land-requisition"))
                .get("trackingNo")
                .asText();
        assertDue(act(petition, "register"), "2027-01-15", true); // 31 Dec + 15 calendar days
        ObjectNode dispute = complaint().put("type", "dispute").put("category", "dispute-neighbour");
        dispute.putArray("parties").addObject().put("name", "赵四").put("phone", "13800001111");
        String disputeNo = submitOnline("complaints", dispute).get("trackingNo").asText();
        assertDue(act(disputeNo, "accept"), "2027-01-30", true); // 31 Dec + 30 calendar days

        at("2027-01-15T10:00");
        // Fri 15 Jan: 18–22 (5), 25–29 (10), 1–4 Feb (14), 5–10 Feb off, 11–12 (16), 15–18 (20) → Thu 18 Feb
        JsonNode c = submitOnline("info-requests", ApiTestSupport.infoRequest());
        assertDue(c, "2027-02-18", true);
        String fifteenth = c.get("trackingNo").asText();
        // extended the same day: 19 Feb (21), 22–26 (26), 1–5 Mar (31), 8–12 (36), 15–18 (40) → Thu 18 Mar
        String fifteenthExtended = newInfoRequest();
        assertDue(act(fifteenthExtended, "extend", "reason", "需要会商"), "2027-03-18", true);
        assertDue(track(fifteenth, c.get("accessCode").asText()), "2027-02-18", true);

        JsonNode provisionalList = json(
                staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", ADMIN, null, Map.of("provisional", "true")));
        assertEquals(6, provisionalList.get("items").size(), provisionalList.toString());
        provisionalList
                .get("items")
                .forEach(row -> assertTrue(row.get("dueDateProvisional").asBoolean()));

        // the sweep flags the provisional date that has passed (4 Jan) and no other
        var sweep = new OverdueSweepHandler(app, Set.of("gaocheng"));
        assertEquals(Map.of("gaocheng", 1), sweep.handleRequest(Map.of(), null));
        JsonNode alerts = json(staffGet("/api/v1/admin/alerts", "/api/v1/admin/alerts", ADMIN, null, null));
        assertEquals(fourth, alerts.get("items").get(0).get("trackingNo").asText());

        // the notice: every problem listed at once
        ObjectNode bad = Json.object().put("notice", "国办发明电〔2026〕N号");
        bad.putArray("daysOff").add("2027-01-01").add("2026-12-31").add("2027-02-06");
        bad.putArray("makeUpWorkdays").add("2027-02-06").add("2027-02-08");
        var refused = putCalendar(2027, bad);
        assertError(
                refused,
                400,
                "INVALID_CALENDAR",
                json(refused).get("error").get("field").asText());
        assertTrue(json(refused).get("error").get("problems").size() >= 3, refused.getBody());
        Map<String, Long> versions = versions(extended, fourth, petition, disputeNo, fifteenth, fifteenthExtended);

        var loaded = putCalendar(2027, notice2027());
        assertEquals(200, loaded.getStatusCode(), loaded.getBody());
        assertEquals("done", json(loaded).get("recompute").get("gaocheng").asText());

        // moved by one day: 11 Feb is off as well → 12 Feb (15), 15–19 (20) → Fri 19 Feb
        assertDue(detail(fifteenth), "2027-02-19", false);
        assertEquals(
                "依国务院2027年节假日安排，办理期限由 2027-02-18 调整为 2027-02-19",
                last(app.cases().find(fifteenth).orElseThrow()).publicNote());
        // the extension: 11 Feb off (+1) and Saturday 20 Feb worked (−1): still Thu 18 Mar, no longer provisional
        assertDue(detail(fifteenthExtended), "2027-03-18", false);
        assertEquals(
                "依国务院2027年节假日安排，办理期限 2027-03-18 不变",
                last(app.cases().find(fifteenthExtended).orElseThrow()).publicNote());
        for (String unchanged : List.of(extended, fourth, petition, disputeNo)) {
            JsonNode view = detail(unchanged);
            assertFalse(view.get("dueDateProvisional").asBoolean(), unchanged);
            assertEquals(
                    "recompute-due",
                    last(app.cases().find(unchanged).orElseThrow()).action().code());
            assertEquals(
                    "system", last(app.cases().find(unchanged).orElseThrow()).actor());
        }
        assertDue(detail(fourth), "2027-01-04", false);
        versions.forEach((no, v) ->
                assertEquals(v + 1, app.cases().find(no).orElseThrow().version(), no));

        // the citizen's timeline says it, the date is final
        JsonNode tracked = track(fifteenth, c.get("accessCode").asText());
        assertDue(tracked, "2027-02-19", false);
        JsonNode timeline = tracked.get("timeline");
        assertEquals(
                "依国务院2027年节假日安排，办理期限由 2027-02-18 调整为 2027-02-19",
                timeline.get(timeline.size() - 1).get("note").asText());
        // the overdue case keeps its date and its alert
        assertEquals(
                fourth,
                json(staffGet("/api/v1/admin/alerts", "/api/v1/admin/alerts", ADMIN, null, null))
                        .get("items")
                        .get(0)
                        .get("trackingNo")
                        .asText());

        // the same notice again changes nothing
        Map<String, Long> after = versions(extended, fourth, petition, disputeNo, fifteenth, fifteenthExtended);
        assertEquals(200, putCalendar(2027, notice2027()).getStatusCode());
        assertEquals(after, versions(extended, fourth, petition, disputeNo, fifteenth, fifteenthExtended));
        assertEquals(
                0,
                json(staffGet("/api/v1/admin/cases", "/api/v1/admin/cases", ADMIN, null, Map.of("provisional", "true")))
                        .get("items")
                        .size());
    }

    @Test
    void theCalendarAnswersForYearsNotLoaded() {
        at("2027-01-15T10:00");
        JsonNode y2028 = json(getCalendar("2028"));
        assertTrue(y2028.get("provisional").asBoolean());
        assertEquals(List.of(), list(y2028.get("makeUpWorkdays")));
        // 2028: 初一 Wed 26 Jan, 除夕 Tue 25 Jan to 初三 Fri 28 Jan; 元旦 is a Saturday: 补假 Mon 3 Jan
        List<String> off = list(y2028.get("daysOff"));
        assertTrue(
                off.containsAll(
                        List.of("2028-01-01", "2028-01-03", "2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28")),
                off.toString());
        JsonNode spring = y2028.get("statutoryHolidays").get(1);
        assertEquals("春节", spring.get("name").asText());
        assertEquals(List.of("2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28"), list(spring.get("days")));
        assertFalse(json(getCalendar("2026")).get("provisional").asBoolean());
        assertEquals(200, getCalendar("2030").getStatusCode(), "three years ahead");
        assertError(getCalendar("2031"), 400, "OUT_OF_RANGE", "year");
        assertError(getCalendar("1999"), 400, "OUT_OF_RANGE", "year");
        assertError(putCalendar(2031, notice2027()), 400, "OUT_OF_RANGE", "year");
    }

    /** Actions typed in after the fact count from the day they took effect. */
    @Test
    void actionsRecordedAfterTheFactCountFromTheirEffectiveDay() {
        at("2026-12-04T10:00");
        String no = newInfoRequest();
        at("2026-12-07T10:00"); // Monday: the consultation letter went out on Friday
        long v = app.cases().find(no).orElseThrow().version();
        assertError(
                act(
                        no,
                        v,
                        ADMIN,
                        null,
                        Json.object()
                                .put("action", "consult-third-party")
                                .put("thirdParty", "某公司")
                                .put("effectiveOn", "2026-12-08")),
                400,
                "OUT_OF_RANGE",
                "effectiveOn");
        assertError(
                act(
                        no,
                        v,
                        ADMIN,
                        null,
                        Json.object()
                                .put("action", "consult-third-party")
                                .put("thirdParty", "某公司")
                                .put("effectiveOn", "2026-12-03")),
                400,
                "OUT_OF_RANGE",
                "effectiveOn"); // before the receipt
        assertError(
                act(
                        no,
                        v,
                        ADMIN,
                        null,
                        Json.object()
                                .put("action", "answer")
                                .put("outcome", "disclosed")
                                .put("effectiveOn", "2026-12-04")),
                400,
                "NOT_ALLOWED",
                "effectiveOn"); // answers keep repliedOn
        JsonNode paused = act(no, "consult-third-party", "thirdParty", "某公司", "effectiveOn", "2026-12-04");
        assertTrue(paused.get("dueDate").isNull());
        JsonNode entry = paused.get("history").get(paused.get("history").size() - 1);
        assertEquals("2026-12-04", entry.get("effectiveOn").asText());
        assertTrue(entry.get("at").asText().startsWith("2026-12-07"), "typed on Monday");
        assertEquals(
                "2026-12-25", paused.get("details").get("thirdPartyDue").asText()); // 15 working days from Fri 4 Dec

        at("2026-12-10T10:00");
        assertError(
                act(
                        no,
                        app.cases().find(no).orElseThrow().version(),
                        ADMIN,
                        null,
                        Json.object().put("action", "third-party-replied").put("effectiveOn", "2026-12-03")),
                400,
                "OUT_OF_RANGE",
                "effectiveOn");
        // resumed Wed 9 Dec, nothing used before the pause on the day of receipt: 10–11 Dec (2), 14–18 (7), 21–25 (12),
        // 28–31 (16), 1 Jan off, 4–7 Jan (20) → Thu 7 Jan 2027, provisional
        assertDue(act(no, "third-party-replied", "effectiveOn", "2026-12-09"), "2027-01-07", true);

        at("2027-01-20T10:00");
        assertError(
                act(
                        no,
                        app.cases().find(no).orElseThrow().version(),
                        ADMIN,
                        null,
                        Json.object().put("action", "withdraw").put("effectiveOn", "2026-12-15")),
                400,
                "OUT_OF_RANGE",
                "effectiveOn");
    }

    /** A recompute killed halfway and run again ends in the state of one uninterrupted run. */
    @Test
    void aRecomputeKilledHalfwayIsFinishedByTheNextRunAndChangesNothingTwice() {
        at("2027-01-15T10:00");
        for (int i = 0; i < 6; i++) {
            String no = newInfoRequest();
            if (i % 2 == 0) act(no, "extend", "reason", "需要调取档案");
        }
        String table = Tables.physical(Tables.CASES);
        List<Map<String, AttributeValue>> before =
                dynamo.scan(b -> b.tableName(table)).items();
        app.calendars()
                .put(YearArrangementJson.read(notice2027().put("year", 2027))
                        .arrangement()
                        .orElseThrow());

        AtomicInteger writes = new AtomicInteger();
        DeadlineRecompute killed = new DeadlineRecompute(
                dynamo, new FailingAfter(app.cases(), 3, writes), app.calendars()::reload, Catalogs.bundled(), clock);
        app.recompute().schedule(2027, List.of("gaocheng"));
        assertThrows(IllegalStateException.class, () -> killed.recompute("gaocheng", 2027));
        assertEquals(3, writes.get());
        assertEquals("running", app.recompute().states(2027).get("gaocheng"));
        app.sweep().sweep("gaocheng"); // the daily sweep finishes unfinished runs
        assertEquals("done", app.recompute().states(2027).get("gaocheng"));
        Map<String, Map<String, AttributeValue>> resumed =
                byKey(dynamo.scan(b -> b.tableName(table)).items());

        before.forEach(item -> dynamo.putItem(b -> b.tableName(table).item(item)));
        app.recompute().recompute("gaocheng", 2027);
        Map<String, Map<String, AttributeValue>> uninterrupted =
                byKey(dynamo.scan(b -> b.tableName(table)).items());
        assertEquals(uninterrupted, resumed);
        assertNotEquals(byKey(before), uninterrupted, "the notice moved something");
        uninterrupted
                .values()
                .forEach(item -> assertEquals(
                        "recompute-due",
                        item.get("history")
                                .l()
                                .get(item.get("history").l().size() - 1)
                                .m()
                                .get("action")
                                .s()));
    }

    /** A staff action racing the recompute is never lost: the loser reads the fresh version and applies again. */
    @Test
    void aStaffActionRacingTheRecomputeIsNotLost() {
        at("2027-01-20T10:00");
        // complaint, 13 working days from Wed 20 Jan: 21–22 (2), 25–29 (7), 1–4 Feb (11), 5–10 Feb off, 11–12 (13)
        String complaint =
                submitOnline("complaints", complaint()).get("trackingNo").asText();
        assertEquals(
                LocalDate.parse("2027-02-12"),
                app.cases().find(complaint).orElseThrow().dueDate());
        String other = newInfoRequest();
        long seen = app.cases().find(other).orElseThrow().version();
        app.calendars()
                .put(YearArrangementJson.read(notice2027().put("year", 2027))
                        .arrangement()
                        .orElseThrow());
        // the recompute loses: a clerk accepts the complaint between the recompute's read and its write
        DeadlineRecompute racing = new DeadlineRecompute(
                dynamo,
                new Interleaved(app.cases(), () -> act(complaint, "accept")),
                app.calendars()::reload,
                Catalogs.bundled(),
                clock);
        racing.recompute("gaocheng", 2027);
        CaseRecord c = app.cases().find(complaint).orElseThrow();
        assertEquals(
                List.of("submit", "accept", "recompute-due"),
                c.history().stream().map(h -> h.action().code()).toList());
        assertEquals("accepted", c.status().code());
        // under the notice 11 Feb is off too: 12 Feb (12), Mon 15 Feb (13)
        assertEquals(LocalDate.parse("2027-02-15"), c.dueDate());
        assertEquals(0, c.dueProvisionalYear());

        // the clerk loses: a view read before the recompute still acts, on the fresh version
        assertEquals(seen + 1, app.cases().find(other).orElseThrow().version(), "the recompute wrote");
        var response = act(
                other, seen, ADMIN, null, Json.object().put("action", "extend").put("reason", "需要调取档案"));
        assertEquals(200, response.getStatusCode(), response.getBody());
        // a colleague's change is not overridden: 409 as before
        var stale = act(other, seen, ADMIN, null, Json.object().put("action", "withdraw"));
        assertError(stale, 409, "VERSION_CONFLICT", "expectedVersion");
    }

    /** Cases an earlier version stored without a due date get one at the next sweep. */
    @Test
    void casesStoredWithoutADueDateGetOneAtTheNextSweep() {
        at("2026-12-20T10:00");
        String no = newInfoRequest();
        storeAsLegacyPending(no);
        // a finished one, stored the same way: it needs no date, and must not keep the search going
        String withdrawn = newInfoRequest();
        act(withdrawn, "withdraw");
        storeAsLegacyPending(withdrawn);
        assertTrue(detail(no).get("dueDate").isNull());
        new OverdueSweepHandler(app, Set.of("gaocheng")).handleRequest(Map.of(), null);
        CaseRecord filled = app.cases().find(no).orElseThrow();
        // Sun 20 Dec: 21–25 (5), 28–31 (9), 1 Jan off, 4–8 (14), 11–15 (19), 18 Jan (20)
        assertEquals(LocalDate.parse("2027-01-18"), filled.dueDate());
        assertEquals(2027, filled.dueProvisionalYear());
        assertNull(filled.details().supervision().dueDatePending());
        assertEquals("办理期限确定为 2027-01-18" + PROVISIONAL_2027, last(filled).publicNote());
        assertNull(app.cases().find(withdrawn).orElseThrow().dueDate());
        var marker = dynamo.getItem(b -> b.tableName(Tables.physical(Tables.RECORDS))
                .key(Map.of(
                        "pk",
                        AttributeValue.fromS("calendar#pending-filled"),
                        "sk",
                        AttributeValue.fromS("gaocheng"))));
        assertTrue(
                marker.hasItem() && !marker.item().isEmpty(), "the town's search ends once its open cases have dates");
    }

    /** Rewrites a case as an earlier version stored it while a year was missing: no due date, dueDatePending. */
    void storeAsLegacyPending(String no) {
        CaseRecord stored = app.cases().find(no).orElseThrow();
        CaseDetails details = stored.details().withSupervision(new Supervision(null, true, null));
        app.cases()
                .update(stored.toBuilder()
                        .version(stored.version() + 1)
                        .dueDate(null)
                        .dueProvisionalYear(0)
                        .details(details)
                        .outbox(List.of())
                        .build());
    }

    Map<String, Long> versions(String... numbers) {
        Map<String, Long> versions = new HashMap<>();
        for (String no : numbers)
            versions.put(no, app.cases().find(no).orElseThrow().version());
        return versions;
    }

    /** Items by key, their personal data opened: sealed with a fresh IV at each write (issue 18). */
    Map<String, Map<String, AttributeValue>> byKey(List<Map<String, AttributeValue>> items) {
        Map<String, Map<String, AttributeValue>> map = new HashMap<>();
        items.forEach(
                item -> map.put(item.get("pk").s(), PersonalData.shared(dynamo).open(ProtectedAttributes.CASES, item)));
        return map;
    }

    /** The case table with a hook before each write. */
    abstract static class Delegating implements CaseStore {
        private final CaseStore delegate;

        Delegating(CaseStore delegate) {
            this.delegate = delegate;
        }

        abstract void beforeUpdate();

        @Override
        public void update(CaseRecord next) {
            beforeUpdate();
            delegate.update(next);
        }

        @Override
        public void create(CaseRecord record, String ref) {
            delegate.create(record, ref);
        }

        @Override
        public Optional<CaseRecord> find(String no) {
            return delegate.find(no);
        }

        @Override
        public CaseListPage list(CaseQuery q) {
            return delegate.list(q);
        }

        @Override
        public void forEachFacts(
                String town, String village, LocalDate from, LocalDate to, Consumer<CaseFacts> consumer) {
            delegate.forEachFacts(town, village, from, to, consumer);
        }

        @Override
        public int countOpenDueBefore(String town, String village, LocalDate bound) {
            return delegate.countOpenDueBefore(town, village, bound);
        }

        @Override
        public void forEachOpenDueBefore(String town, LocalDate bound, Consumer<CaseRecord> consumer) {
            delegate.forEachOpenDueBefore(town, bound, consumer);
        }

        @Override
        public void forEachOpenDueFrom(String town, LocalDate from, Consumer<CaseRecord> consumer) {
            delegate.forEachOpenDueFrom(town, from, consumer);
        }

        @Override
        public void forEachDuePending(String town, LocalDate from, Consumer<CaseRecord> consumer) {
            delegate.forEachDuePending(town, from, consumer);
        }

        @Override
        public void forEachErasable(String town, CaseStatus status, LocalDate before, Consumer<CaseRecord> consumer) {
            delegate.forEachErasable(town, status, before, consumer);
        }
    }

    /** Fails every write after the first {@code limit} (a function killed mid-run). */
    static final class FailingAfter extends Delegating {
        private final int limit;
        private final AtomicInteger writes;

        FailingAfter(CaseStore delegate, int limit, AtomicInteger writes) {
            super(delegate);
            this.limit = limit;
            this.writes = writes;
        }

        @Override
        void beforeUpdate() {
            if (writes.getAndIncrement() >= limit) {
                writes.decrementAndGet();
                throw new IllegalStateException("killed");
            }
        }
    }

    /** Runs {@code before} once just before the first write (a clerk acting at that moment). */
    static final class Interleaved extends Delegating {
        private Runnable before;

        Interleaved(CaseStore delegate, Runnable before) {
            super(delegate);
            this.before = before;
        }

        @Override
        void beforeUpdate() {
            Runnable once = before;
            before = null;
            if (once != null) once.run();
        }
    }
}
