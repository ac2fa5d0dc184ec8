package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.accounts.Totp;
import cn.banshi.audit.AuditViews;
import cn.banshi.auth.Role;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The local sign-in over real HTTP through the local gateway (dynalite, the handlers, the session check). */
class LocalSignInTest {
    static final String GOOD = "Qingshui-River7";
    static WebStack stack;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        stack = WebStack.start();
        api = new Api(stack.base);
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    static Api.Answer signIn(String username, String password) {
        return api.send(
                "POST",
                "/api/v1/auth/sign-in",
                null,
                Json.object().put("username", username).put("password", password));
    }

    static Api.Answer cases(String token) {
        return api.send("GET", "/api/v1/admin/cases?limit=1", token, null);
    }

    List<String> auditEvents(String sub) {
        List<String> events = new ArrayList<>();
        AuditViews.toJson(stack.app.audit().list("gaocheng", null, null, 200, null))
                .get("items")
                .forEach(e -> {
                    if (e.get("sub").asText().equals(sub))
                        events.add(e.get("event").asText()
                                + (e.has("detail") ? ":" + e.get("detail").asText() : ""));
                });
        return events;
    }

    @Test
    @DisplayName("a clerk replaces the temporary password, then signs in with her own")
    void temporaryPasswordIsReplaced() {
        String temporary = stack.createStaff("li.clerk", Role.VILLAGE_STAFF, "meijiadu");
        Api.Answer first = signIn("li.clerk", temporary);
        assertEquals(200, first.status(), String.valueOf(first.body()));
        assertEquals("change-password", first.body().get("step").asText());
        String challenge = first.body().get("challenge").asText();
        Api.Answer weak = api.send(
                "POST",
                "/api/v1/auth/password",
                null,
                Json.object().put("challenge", challenge).put("newPassword", "password12"));
        assertEquals(400, weak.status());
        assertEquals("WEAK_PASSWORD", weak.body().at("/error/code").asText());
        Api.Answer done = api.send(
                "POST",
                "/api/v1/auth/password",
                null,
                Json.object().put("challenge", challenge).put("newPassword", GOOD));
        assertEquals("signed-in", done.body().get("step").asText(), String.valueOf(done.body()));
        assertEquals(1800, done.body().get("idleTimeoutSeconds").asInt());
        assertEquals(200, cases(done.body().get("token").asText()).status());
        // the step is used up; the temporary password is gone
        assertEquals(
                "SIGN_IN_EXPIRED",
                api.send(
                                "POST",
                                "/api/v1/auth/password",
                                null,
                                Json.object().put("challenge", challenge).put("newPassword", GOOD + "x"))
                        .body()
                        .at("/error/code")
                        .asText());
        assertEquals(401, signIn("li.clerk", temporary).status());
        Api.Answer again = signIn("li.clerk", GOOD);
        assertEquals("signed-in", again.body().get("step").asText());
        assertTrue(
                auditEvents("li.clerk").containsAll(List.of("password-changed", "sign-in")),
                auditEvents("li.clerk").toString());
    }

    @Test
    @DisplayName("a town admin enrols TOTP at the first sign-in and needs a fresh code after")
    void adminTotp() {
        String temporary = stack.createStaff("zhou.admin", Role.TOWN_ADMIN, null);
        Api.Answer step = signIn("zhou.admin", temporary);
        step = api.send(
                "POST",
                "/api/v1/auth/password",
                null,
                Json.object()
                        .put("challenge", step.body().get("challenge").asText())
                        .put("newPassword", GOOD));
        assertEquals("enrol-totp", step.body().get("step").asText());
        String secret = step.body().get("secret").asText();
        assertTrue(step.body().get("otpauthUri").asText().startsWith("otpauth://totp/"));
        Totp totp = new Totp(stack.clock);
        String challenge = step.body().get("challenge").asText();
        Api.Answer wrong = api.send(
                "POST",
                "/api/v1/auth/code",
                null,
                Json.object()
                        .put("challenge", challenge)
                        .put("code", "000000".equals(totp.code(secret, totp.currentStep())) ? "111111" : "000000"));
        assertEquals("SIGN_IN_FAILED", wrong.body().at("/error/code").asText());
        String code = totp.code(secret, totp.currentStep());
        Api.Answer enrolled = api.send(
                "POST",
                "/api/v1/auth/code",
                null,
                Json.object().put("challenge", challenge).put("code", code));
        assertEquals("signed-in", enrolled.body().get("step").asText(), String.valueOf(enrolled.body()));

        Api.Answer next = signIn("zhou.admin", GOOD);
        assertEquals("code", next.body().get("step").asText());
        Api.Answer replay = api.send(
                "POST",
                "/api/v1/auth/code",
                null,
                Json.object()
                        .put("challenge", next.body().get("challenge").asText())
                        .put("code", code));
        assertEquals(401, replay.status(), "a code is accepted once");
        stack.clock.advance(Duration.ofSeconds(30));
        Api.Answer fresh = api.send(
                "POST",
                "/api/v1/auth/code",
                null,
                Json.object()
                        .put("challenge", next.body().get("challenge").asText())
                        .put("code", totp.code(secret, totp.currentStep())));
        assertEquals("signed-in", fresh.body().get("step").asText(), String.valueOf(fresh.body()));
        assertTrue(auditEvents("zhou.admin").contains("totp-enrolled"));
    }

    @Test
    @DisplayName("five wrong passwords lock the account for 15 minutes, even for the right one")
    void lockout() {
        String temporary = stack.createStaff("wu.clerk", Role.VILLAGE_STAFF, "hongxing");
        stack.signInToken("wu.clerk", temporary, GOOD, null);
        for (int i = 0; i < 5; i++)
            assertEquals(401, signIn("wu.clerk", "Wrong-Password" + i).status());
        Api.Answer locked = signIn("wu.clerk", GOOD);
        assertEquals(401, locked.status());
        assertEquals("SIGN_IN_FAILED", locked.body().at("/error/code").asText());
        assertTrue(
                auditEvents("wu.clerk").contains("lockout:15min"),
                auditEvents("wu.clerk").toString());
        assertTrue(auditEvents("wu.clerk").contains("sign-in-failed:locked"));
        stack.clock.advance(Duration.ofMinutes(14));
        assertEquals(401, signIn("wu.clerk", GOOD).status());
        stack.clock.advance(Duration.ofMinutes(2));
        assertEquals("signed-in", signIn("wu.clerk", GOOD).body().get("step").asText());
    }

    @Test
    @DisplayName("unknown user, wrong password, disabled, locked: the same answer")
    void noEnumeration() {
        String temporary = stack.createStaff("sun.clerk", Role.VILLAGE_STAFF, "meijiadu");
        stack.signInToken("sun.clerk", temporary, GOOD, null);
        String disabledTemp = stack.createStaff("qian.clerk", Role.VILLAGE_STAFF, "meijiadu");
        stack.signInToken("qian.clerk", disabledTemp, GOOD, null);
        stack.app
                .staffManagement()
                .setEnabled(stack.app.staffAccounts().find("qian.clerk").orElseThrow(), false, null);
        Api.Answer unknown = signIn("nobody.here", GOOD);
        Api.Answer wrong = signIn("sun.clerk", GOOD + "!");
        Api.Answer disabled = signIn("qian.clerk", GOOD);
        assertEquals(401, unknown.status());
        assertEquals(unknown.body(), wrong.body());
        assertEquals(unknown.body(), disabled.body());
        JsonNode county = AuditViews.toJson(stack.app.audit().list("-", null, null, 50, null));
        assertTrue(Json.write(county).contains("unknown-user"), "an unknown username's failure is audited too");
        assertFalse(Json.write(county).contains("nobody.here"), "without the name typed");
        assertTrue(auditEvents("qian.clerk").contains("sign-in-failed:disabled"));
    }

    @Test
    @DisplayName("idle for 30 minutes, 8 hours after sign-in, signed out or disabled: the token stops")
    void sessionEnds() {
        String temporary = stack.createStaff("zheng.clerk", Role.VILLAGE_STAFF, "meijiadu");
        String token = stack.signInToken("zheng.clerk", temporary, GOOD, null);
        stack.clock.advance(Duration.ofMinutes(29));
        assertEquals(200, cases(token).status(), "a request within the idle time keeps the session");
        stack.clock.advance(Duration.ofMinutes(29));
        assertEquals(200, cases(token).status());
        stack.clock.advance(Duration.ofMinutes(31));
        assertEquals(401, cases(token).status(), "idle timeout");
        assertTrue(auditEvents("zheng.clerk").contains("session-ended:idle-timeout"));

        token = stack.signInToken("zheng.clerk", GOOD, GOOD, null);
        for (int i = 0; i < 23; i++) {
            stack.clock.advance(Duration.ofMinutes(20));
            assertEquals(200, cases(token).status(), "active for " + (i + 1) * 20 + " minutes");
        }
        stack.clock.advance(Duration.ofMinutes(20)); // 8 hours
        assertEquals(401, cases(token).status(), "absolute lifetime");

        token = stack.signInToken("zheng.clerk", GOOD, GOOD, null);
        assertEquals(204, api.send("POST", "/api/v1/auth/sign-out", token, null).status());
        assertEquals(401, cases(token).status(), "signed out");
        assertTrue(auditEvents("zheng.clerk").contains("sign-out"));

        token = stack.signInToken("zheng.clerk", GOOD, GOOD, null);
        String adminTemp = stack.createStaff("feng.admin", Role.TOWN_ADMIN, null);
        String adminToken = stack.signInToken("feng.admin", adminTemp, GOOD, new String[1]);
        Api.Answer disable = api.send("POST", "/api/v1/admin/staff/zheng.clerk/disable", adminToken, null);
        assertEquals(200, disable.status(), String.valueOf(disable.body()));
        assertEquals(401, cases(token).status(), "disabled: the next request");
        JsonNode entries = AuditViews.toJson(stack.app.audit().list("gaocheng", null, null, 500, null));
        assertFalse(Json.write(entries).contains(GOOD), "no password in the audit log");
    }
}
