package cn.banshi.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.accounts.StaffAccountsHandler;
import cn.banshi.accounts.StaffProfile;
import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.auth.Role;
import cn.banshi.calendar.CalendarAdminHandler;
import cn.banshi.intake.StaffIntakeHandler;
import cn.banshi.json.Json;
import cn.banshi.notifications.MessagesHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Object-level authorisation: every staff route × every role and scope, table-driven. Another town's or
 * village's case answers 404 (not 403); a role that may not do something answers 403; no token 401.
 */
class StaffScopeMatrixTest extends ApiTestSupport {
    /** Principals: town admin, clerk of the case's village, clerk of another village, auditor, admin of another town, nobody. */
    static final String[] WHO = {"admin", "clerk-own", "clerk-other", "auditor", "other-town", "anonymous"};

    record Route(
            String name,
            Function<String, Events> event,
            Function<ApiTestSupport, ApiHandler> handler,
            int[] expected) {}

    String meijiaduCase;

    @BeforeEach
    void setUp() {
        setUpApp("2021-06-01T09:00");
        meijiaduCase = submitOnline("complaints", complaint()).get("trackingNo").asText();
        // the account the staff management routes work on (a second admin keeps the first from being the last)
        app.staffManagement()
                .create(
                        "gaocheng",
                        "wang.li",
                        new StaffProfile(Role.VILLAGE_STAFF, "meijiadu", "王丽", null, null),
                        null);
        app.staffManagement()
                .create("gaocheng", "second.admin", new StaffProfile(Role.TOWN_ADMIN, null, "管理员", null, null), null);
    }

    /** A username unique to a cell of the matrix (derived from its fresh case). */
    static String newUsername(String trackingNo) {
        return "u" + trackingNo.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static Events principal(Events e, String who) {
        return switch (who) {
            case "admin" -> e.claims("a@gaocheng", "gaocheng", ADMIN, null);
            case "clerk-own" -> e.claims("c1@gaocheng", "gaocheng", VILLAGE, "meijiadu");
            case "clerk-other" -> e.claims("c2@gaocheng", "gaocheng", VILLAGE, "hongxing");
            case "auditor" -> e.claims("au@gaocheng", "gaocheng", AUDITOR, null);
            case "other-town" -> e.claims("a@dingshu", "dingshu", ADMIN, null);
            default -> e;
        };
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        Function<ApiTestSupport, ApiHandler> cases = t -> new StaffCasesHandler(((StaffScopeMatrixTest) t).app);
        routes.add(new Route(
                "case detail",
                no -> Events.get("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + no),
                cases,
                new int[] {200, 200, 404, 200, 404, 401}));
        routes.add(new Route(
                "case action",
                no -> Events.post(
                        "/api/v1/admin/cases/{trackingNo}/actions",
                        "/api/v1/admin/cases/" + no + "/actions",
                        "{\"action\":\"accept\",\"expectedVersion\":1}"),
                cases,
                new int[] {200, 200, 404, 403, 404, 401}));
        routes.add(new Route(
                "mark personal text",
                no -> Events.post(
                        "/api/v1/admin/cases/{trackingNo}/personal-text",
                        "/api/v1/admin/cases/" + no + "/personal-text",
                        "{\"field\":\"title\",\"text\":\"河道有垃圾＊＊＊\",\"expectedVersion\":1}"),
                cases,
                new int[] {200, 200, 404, 403, 404, 401}));
        routes.add(new Route(
                "case list", no -> Events.get("/api/v1/admin/cases", "/api/v1/admin/cases"), cases, new int[] {
                    200, 200, 200, 200, 200, 401
                }));
        routes.add(new Route(
                "export",
                no -> Events.get("/api/v1/admin/cases/export", "/api/v1/admin/cases/export"),
                cases,
                new int[] {200, 200, 200, 200, 200, 401}));
        routes.add(new Route("stats", no -> Events.get("/api/v1/admin/stats", "/api/v1/admin/stats"), cases, new int[] {
            200, 200, 200, 200, 200, 401
        }));
        routes.add(new Route("audit", no -> Events.get("/api/v1/admin/audit", "/api/v1/admin/audit"), cases, new int[] {
            200, 403, 403, 403, 200, 401
        }));
        routes.add(
                new Route("alerts", no -> Events.get("/api/v1/admin/alerts", "/api/v1/admin/alerts"), cases, new int[] {
                    200, 200, 200, 200, 200, 401
                }));
        routes.add(new Route(
                "staff intake",
                no -> Events.post(
                        "/api/v1/admin/towns/{town}/complaints",
                        "/api/v1/admin/towns/gaocheng/complaints",
                        Json.write(complaint().put("receivedOn", "2021-05-31").put("channel", "phone"))),
                t -> new StaffIntakeHandler(((StaffScopeMatrixTest) t).app),
                new int[] {201, 201, 403, 403, 404, 401}));
        routes.add(new Route(
                "calendar put",
                no -> Events.request("PUT", "/api/v1/admin/calendar/{year}", "/api/v1/admin/calendar/2024")
                        .body("{\"notice\":\"国办发明电〔2023〕1号\",\"daysOff\":[\"2024-01-01\"],\"makeUpWorkdays\":[]}"),
                t -> new CalendarAdminHandler(((StaffScopeMatrixTest) t).app),
                new int[] {200, 403, 403, 403, 200, 401}));
        routes.add(new Route(
                "calendar get",
                no -> Events.get("/api/v1/admin/calendar/{year}", "/api/v1/admin/calendar/2021"),
                t -> new CalendarAdminHandler(((StaffScopeMatrixTest) t).app),
                new int[] {200, 200, 200, 200, 200, 401}));
        Function<ApiTestSupport, ApiHandler> messages = t -> new MessagesHandler(((StaffScopeMatrixTest) t).app);
        routes.add(new Route(
                "case messages",
                no -> Events.get(
                        "/api/v1/admin/cases/{trackingNo}/messages", "/api/v1/admin/cases/" + no + "/messages"),
                messages,
                new int[] {200, 200, 404, 200, 404, 401}));
        routes.add(new Route(
                "message log",
                no -> Events.get("/api/v1/admin/messages", "/api/v1/admin/messages"),
                messages,
                new int[] {200, 403, 403, 200, 200, 401}));
        Function<ApiTestSupport, ApiHandler> staff = t -> new StaffAccountsHandler(((StaffScopeMatrixTest) t).app);
        routes.add(new Route(
                "staff list", no -> Events.get("/api/v1/admin/staff", "/api/v1/admin/staff"), staff, new int[] {
                    200, 403, 403, 403, 200, 401
                }));
        routes.add(new Route(
                "staff create",
                no -> Events.post(
                        "/api/v1/admin/staff",
                        "/api/v1/admin/staff",
                        "{\"username\":\"" + newUsername(no) + "\",\"role\":\"auditor\",\"displayName\":\"赵\"}"),
                staff,
                new int[] {201, 403, 403, 403, 201, 401}));
        routes.add(new Route(
                "staff get",
                no -> Events.get("/api/v1/admin/staff/{username}", "/api/v1/admin/staff/wang.li"),
                staff,
                new int[] {200, 403, 403, 403, 404, 401}));
        routes.add(new Route(
                "staff put",
                no -> Events.request("PUT", "/api/v1/admin/staff/{username}", "/api/v1/admin/staff/wang.li")
                        .body("{\"role\":\"village-staff\",\"village\":\"meijiadu\",\"displayName\":\"王丽\"}"),
                staff,
                new int[] {200, 403, 403, 403, 404, 401}));
        for (String op : List.of("disable", "enable", "reset-password")) {
            routes.add(new Route(
                    "staff " + op,
                    no -> Events.request(
                            "POST", "/api/v1/admin/staff/{username}/" + op, "/api/v1/admin/staff/wang.li/" + op),
                    staff,
                    new int[] {200, 403, 403, 403, 404, 401}));
        }
        return routes;
    }

    @Test
    void everyRouteAnswersEveryPrincipalAsTheMatrixSays() {
        List<String> mismatches = new ArrayList<>();
        for (Route route : routes()) {
            for (int w = 0; w < WHO.length; w++) {
                // a fresh case per cell, so that an action in one cell does not change the next
                String no = submitOnline("complaints", complaint())
                        .get("trackingNo")
                        .asText();
                var response = call(
                        route.handler().apply(this), principal(route.event().apply(no), WHO[w]));
                if (response.getStatusCode() != route.expected()[w]) {
                    mismatches.add(route.name() + " as " + WHO[w] + ": expected " + route.expected()[w] + " got "
                            + response.getStatusCode() + " " + response.getBody());
                }
                if (response.getStatusCode() >= 400) {
                    assertEquals(true, json(response).has("error"), response.getBody());
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void anotherTownsListHoldsNoneOfThisTownsCases() {
        var response = call(
                new StaffCasesHandler(app),
                principal(Events.get("/api/v1/admin/cases", "/api/v1/admin/cases"), "other-town"));
        assertEquals(0, json(response).get("items").size());
        var detail = call(
                new StaffCasesHandler(app),
                principal(
                        Events.get("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + meijiaduCase),
                        "clerk-other"));
        var unknown = call(
                new StaffCasesHandler(app),
                principal(
                        Events.get("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/0000-0000-0000-0000"),
                        "clerk-other"));
        assertEquals(unknown.getBody(), detail.getBody(), "out of scope looks exactly like unknown");
    }
}
