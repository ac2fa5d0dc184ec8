package cn.banshi.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.auth.Role;
import cn.banshi.json.Json;
import cn.banshi.logging.Log;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A town admin manages the town's staff accounts through the staff API (local accounts). */
class StaffAccountsApiTest extends ApiTestSupport {
    StaffAccountsHandler handler;

    @BeforeEach
    void setUp() {
        setUpApp("2026-03-02T09:00");
        handler = new StaffAccountsHandler(app);
        app.staffManagement()
                .create("gaocheng", "zhang.admin", new StaffProfile(Role.TOWN_ADMIN, null, "张管理", null, null), null);
    }

    static Events admin(Events e, String username) {
        return e.claims(username, "gaocheng", ADMIN, null);
    }

    APIGatewayV2HTTPResponse post(String path, String body, String asAdmin) {
        Events e = Events.request("POST", path.replaceAll("/staff/[^/]+", "/staff/{username}"), path);
        if (body != null) e.body(body);
        return call(handler, admin(e, asAdmin));
    }

    APIGatewayV2HTTPResponse create(String username, String role, String village) {
        ObjectNode body =
                Json.object().put("username", username).put("role", role).put("displayName", "王丽");
        if (village != null) body.put("village", village);
        body.put("phone", "13912345678").put("email", "wang.li@example.gov.cn");
        return call(
                handler,
                admin(Events.post("/api/v1/admin/staff", "/api/v1/admin/staff", Json.write(body)), "zhang.admin"));
    }

    @Test
    @DisplayName("an admin creates, edits, disables, enables and resets a village clerk")
    void lifecycle() {
        var created = create("wang.li", VILLAGE, "meijiadu");
        assertEquals(201, created.getStatusCode(), created.getBody());
        JsonNode body = json(created);
        assertEquals("shown", body.get("delivery").asText());
        String temporary = body.get("temporaryPassword").asText();
        PasswordPolicy.check("p", temporary, "wang.li");
        assertEquals("meijiadu", body.at("/account/village").asText());
        assertEquals("13912345678", body.at("/account/phone").asText());
        assertTrue(body.at("/account/enabled").asBoolean());

        var list = call(handler, admin(Events.get("/api/v1/admin/staff", "/api/v1/admin/staff"), "zhang.admin"));
        assertEquals(200, list.getStatusCode());
        List<String> names = new ArrayList<>();
        json(list).get("items").forEach(i -> names.add(i.get("username").asText()));
        assertEquals(List.of("wang.li", "zhang.admin"), names);

        var edited = call(
                handler,
                admin(
                        Events.request("PUT", "/api/v1/admin/staff/{username}", "/api/v1/admin/staff/wang.li")
                                .body(
                                        "{\"role\":\"village-staff\",\"village\":\"hongxing\",\"displayName\":\"王丽\",\"email\":\"w@example.gov.cn\"}"),
                        "zhang.admin"));
        assertEquals(200, edited.getStatusCode(), edited.getBody());
        assertEquals("hongxing", json(edited).get("village").asText());
        assertFalse(json(edited).has("phone"), "an omitted phone is removed");
        assertEquals(
                "w@example.gov.cn",
                app.staffAccounts()
                        .find("wang.li")
                        .orElseThrow()
                        .contact()
                        .email()
                        .orElseThrow());

        var disabled = post("/api/v1/admin/staff/wang.li/disable", null, "zhang.admin");
        assertEquals(200, disabled.getStatusCode(), disabled.getBody());
        assertFalse(json(disabled).get("enabled").asBoolean());
        var enabled = post("/api/v1/admin/staff/wang.li/enable", null, "zhang.admin");
        assertTrue(json(enabled).get("enabled").asBoolean());

        var reset = post("/api/v1/admin/staff/wang.li/reset-password", null, "zhang.admin");
        assertEquals(200, reset.getStatusCode(), reset.getBody());
        String second = json(reset).get("temporaryPassword").asText();
        assertNotEquals(temporary, second);
        var stored = app.staffAccounts().findStored("wang.li").orElseThrow();
        assertTrue(stored.credentials().temporaryPassword());
        assertTrue(app.passwords().verify(second, stored.credentials().passwordHash()));
        assertFalse(app.passwords().verify(temporary, stored.credentials().passwordHash()));

        var audit = app.audit().list("gaocheng", null, null, 50, null);
        List<String> events = new ArrayList<>();
        audit.items().forEach(i -> events.add(i.event()));
        for (String e : List.of(
                "staff-create",
                "staff-update",
                "staff-disable",
                "staff-enable",
                "staff-reset-password",
                "view-staff-list")) assertTrue(events.contains(e), e + " in " + events);
        assertFalse(audit.toString().contains(second), "no password in the audit log");
    }

    @Test
    @DisplayName("the town's last enabled admin can be neither disabled nor demoted")
    void lastAdmin() {
        assertError(post("/api/v1/admin/staff/zhang.admin/disable", null, "zhang.admin"), 409, "LAST_ADMIN", "role");
        var demote = call(
                handler,
                admin(
                        Events.request("PUT", "/api/v1/admin/staff/{username}", "/api/v1/admin/staff/zhang.admin")
                                .body("{\"role\":\"auditor\",\"displayName\":\"张管理\"}"),
                        "zhang.admin"));
        assertError(demote, 409, "LAST_ADMIN", "role");
        assertTrue(app.staffAccounts().find("zhang.admin").orElseThrow().isActiveAdmin());

        assertEquals(201, create("li.admin", ADMIN, null).getStatusCode());
        assertEquals(
                200,
                post("/api/v1/admin/staff/zhang.admin/disable", null, "li.admin")
                        .getStatusCode());
        assertError(post("/api/v1/admin/staff/li.admin/disable", null, "li.admin"), 409, "LAST_ADMIN", "role");
        assertEquals(1, app.staffAccounts().enabledAdmins("gaocheng"));
        // enabling again counts again
        assertEquals(
                200,
                post("/api/v1/admin/staff/zhang.admin/enable", null, "li.admin").getStatusCode());
        assertEquals(
                200,
                post("/api/v1/admin/staff/li.admin/disable", null, "zhang.admin")
                        .getStatusCode());
        assertEquals(1, app.staffAccounts().enabledAdmins("gaocheng"));
    }

    @Test
    @DisplayName("bad input answers a clear 400 or 409 naming the field")
    void badInput() {
        assertError(create("Wang", VILLAGE, "meijiadu"), 400, "INVALID_FORMAT", "username");
        assertError(create("wang.li", VILLAGE, null), 400, "REQUIRED", "village");
        assertError(create("wang.li", VILLAGE, "nowhere"), 400, "UNKNOWN_VILLAGE", "village");
        assertError(create("wang.li", AUDITOR, "meijiadu"), 400, "NOT_ALLOWED", "village");
        assertError(create("wang.li", "boss", null), 400, "INVALID_VALUE", "role");
        assertError(create("zhang.admin", ADMIN, null), 409, "USERNAME_TAKEN", "username");
        app.staffManagement().create("dingshu", "chen.ds", new StaffProfile(Role.AUDITOR, null, "陈", null, null), null);
        assertError(create("chen.ds", AUDITOR, null), 409, "USERNAME_TAKEN", "username");
        assertError(post("/api/v1/admin/staff/chen.ds/disable", null, "zhang.admin"), 404, "NOT_FOUND", "username");
        assertError(post("/api/v1/admin/staff/nobody/disable", null, "zhang.admin"), 404, "NOT_FOUND", "username");
    }

    @Test
    @DisplayName("no password or hash in any response or log line")
    void noSecretsInResponsesOrLogs() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Log.redirect(new PrintStream(tee(captured, original), true, StandardCharsets.UTF_8));
        List<String> bodies = new ArrayList<>();
        String temporary;
        String reset;
        try {
            var created = create("wang.li", VILLAGE, "meijiadu");
            temporary = json(created).get("temporaryPassword").asText();
            bodies.add(json(created).get("account").toString());
            bodies.add(call(handler, admin(Events.get("/api/v1/admin/staff", "/api/v1/admin/staff"), "zhang.admin"))
                    .getBody());
            bodies.add(call(
                            handler,
                            admin(
                                    Events.get("/api/v1/admin/staff/{username}", "/api/v1/admin/staff/wang.li"),
                                    "zhang.admin"))
                    .getBody());
            var r = post("/api/v1/admin/staff/wang.li/reset-password", null, "zhang.admin");
            reset = json(r).get("temporaryPassword").asText();
            bodies.add(post("/api/v1/admin/staff/wang.li/disable", null, "zhang.admin")
                    .getBody());
        } finally {
            Log.redirect(original);
        }
        String hash = app.staffAccounts()
                .findStored("wang.li")
                .orElseThrow()
                .credentials()
                .passwordHash();
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("/api/v1/admin/staff"), "the requests were logged");
        for (String text : List.of(logs, String.join("\n", bodies))) {
            assertFalse(text.contains(temporary), "no temporary password");
            assertFalse(text.contains(reset), "no reset password");
            assertFalse(text.contains("argon2"), "no hash");
            assertFalse(text.contains(hash.substring(hash.lastIndexOf('$') + 1)), "no hash");
            assertFalse(text.contains("passwordHash"), "no hash field");
        }
    }

    private static OutputStream tee(OutputStream a, OutputStream b) {
        return new OutputStream() {
            @Override
            public void write(int c) {
                try {
                    a.write(c);
                    b.write(c);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
