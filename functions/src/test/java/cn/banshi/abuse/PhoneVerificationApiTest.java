package cn.banshi.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.intake.StaffIntakeHandler;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import cn.banshi.logging.Log;
import cn.banshi.notifications.LocalOutbox;
import cn.banshi.store.Tables;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21's phone verification through real payload-2.0 events and dynalite: dingshu asks for a code on petitions
 * and dispute requests (its catalog's {@code phoneVerification}); codes go to the readable local outbox.
 */
class PhoneVerificationApiTest extends ApiTestSupport {
    static final String PHONE = "13912345678";
    static final Pattern CODE = Pattern.compile("验证码为(\\d{6})");

    @TempDir
    Path dir;

    LocalOutbox outbox;

    @BeforeEach
    void setUp() {
        setUpApp("2021-07-01T10:00");
        outbox = new LocalOutbox(dir.resolve("outbox/messages.txt"), clock);
        app.useSms(outbox);
    }

    APIGatewayV2HTTPResponse requestCode(String phone, String ip) {
        return call(
                new VerificationCodesHandler(app),
                Events.post(
                                "/api/v1/towns/{town}/verification-codes",
                                "/api/v1/towns/dingshu/verification-codes",
                                Json.write(Json.object().put("phone", phone)))
                        .sourceIp(ip));
    }

    /** Asks for a code and reads it from the outbox (the last SMS). */
    String codeFor(String phone, String ip) {
        APIGatewayV2HTTPResponse r = requestCode(phone, ip);
        assertEquals(202, r.getStatusCode(), r.getBody());
        List<String> codes = sentCodes();
        return codes.get(codes.size() - 1);
    }

    List<String> sentCodes() {
        List<String> codes = new ArrayList<>();
        try {
            if (!Files.exists(outbox.file())) return codes;
            Matcher m = CODE.matcher(Files.readString(outbox.file()));
            while (m.find()) codes.add(m.group(1));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return codes;
    }

    static ObjectNode petition(String code) {
        ObjectNode body = complaint()
                .put("type", "petition")
                .put("category", "petition-rural-affairs")
                .put("village", "dingshan");
        ((ObjectNode) body.get("submitter")).put("phone", PHONE);
        if (code != null) body.putObject("verification").put("code", code);
        return body;
    }

    APIGatewayV2HTTPResponse submit(ObjectNode body, String idempotencyKey) {
        Events event = Events.post(
                        "/api/v1/towns/{town}/complaints", "/api/v1/towns/dingshu/complaints", Json.write(body))
                .sourceIp("198.51.100.20");
        if (idempotencyKey != null) event.header("idempotency-key", idempotencyKey);
        return call(new SubmissionHandler(app), event);
    }

    static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Test
    void aPetitionNeedsTheCodeSentToTheSubmittersPhoneWhichWorksOnce() {
        APIGatewayV2HTTPResponse sent = requestCode(PHONE, "198.51.100.20");
        assertEquals(202, sent.getStatusCode());
        assertEquals(300, json(sent).get("validSeconds").asInt());
        assertEquals(60, json(sent).get("resendAfterSeconds").asInt());
        String code = sentCodes().get(0);
        String outboxText = readOutbox();
        assertTrue(outboxText.contains("【丁蜀镇人民政府】您的验证码为" + code), outboxText);
        assertTrue(outboxText.contains("139****5678") && !outboxText.contains(PHONE), "recipient masked");

        // missing, malformed, wrong: refused, and no case written
        assertError(submit(petition(null), "k-1"), 400, "VERIFICATION_REQUIRED", "verification");
        assertError(submit(petition("12345"), "k-1"), 400, "INVALID_FORMAT", "verification.code");
        assertError(submit(petition(wrong(code)), "k-1"), 400, "VERIFICATION_FAILED", "verification.code");
        assertEquals(0, caseCount());

        // the right code files the case; a retry with the same key replays the first answer
        APIGatewayV2HTTPResponse filed = submit(petition(code), "k-2");
        assertEquals(201, filed.getStatusCode(), filed.getBody());
        APIGatewayV2HTTPResponse replay = submit(petition(code), "k-2");
        assertEquals(201, replay.getStatusCode(), replay.getBody());
        assertEquals(json(filed).get("trackingNo"), json(replay).get("trackingNo"));
        assertEquals(1, caseCount());

        // reuse for another submission fails, with or without a key
        assertError(submit(petition(code), "k-3"), 400, "VERIFICATION_EXPIRED", "verification.code");
        assertError(submit(petition(code), null), 400, "VERIFICATION_EXPIRED", "verification.code");
        assertEquals(1, caseCount());
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        String code = codeFor(PHONE, "198.51.100.21");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertError(submit(petition(code), null), 400, "VERIFICATION_EXPIRED", "verification.code");
        assertEquals(0, caseCount());
        // a new one (the minute has passed) works
        String fresh = codeFor(PHONE, "198.51.100.21");
        assertEquals(201, submit(petition(fresh), null).getStatusCode());
    }

    @Test
    void aCodeDiesAfterFiveWrongAttempts() {
        String code = codeFor(PHONE, "198.51.100.22");
        for (int i = 0; i < VerificationCodes.MAX_ATTEMPTS; i++) {
            assertError(submit(petition(wrong(code)), null), 400, "VERIFICATION_FAILED", "verification.code");
        }
        assertError(submit(petition(code), null), 400, "VERIFICATION_EXPIRED", "verification.code");
        assertEquals(0, caseCount());
    }

    @Test
    void parallelGuessesGetNoMoreThanFiveTries() throws Exception {
        String code = codeFor(PHONE, "198.51.100.24");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> outcomes = new ArrayList<>();
        try {
            List<Future<String>> guesses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                // eleven wrong guesses and the right code, all at once
                String guess = String.format("%06d", (Integer.parseInt(code) + i) % 1_000_000);
                guesses.add(pool.submit(() -> {
                    APIGatewayV2HTTPResponse r = submit(petition(guess), null);
                    return r.getStatusCode() == 201
                            ? "FILED"
                            : json(r).at("/error/code").asText();
                }));
            }
            for (Future<String> g : guesses) outcomes.add(g.get());
        } finally {
            pool.shutdown();
        }
        // each try is counted before it is compared: at most five were compared, whatever the order (fewer when the
        // right code came early: after it the code is used); the rest were refused as expired
        long compared = outcomes.stream()
                .filter(o -> o.equals("FILED") || o.equals("VERIFICATION_FAILED"))
                .count();
        assertTrue(compared <= VerificationCodes.MAX_ATTEMPTS, outcomes.toString());
        assertTrue(compared == VerificationCodes.MAX_ATTEMPTS || outcomes.contains("FILED"), outcomes.toString());
        assertEquals(12 - compared, Collections.frequency(outcomes, "VERIFICATION_EXPIRED"), outcomes.toString());
        assertTrue(Collections.frequency(outcomes, "FILED") <= 1, outcomes.toString());
        assertEquals(Collections.frequency(outcomes, "FILED"), caseCount());
    }

    @Test
    void aCodeForAnotherNumberOrTownDoesNotCount() {
        String code = codeFor("13800001111", "198.51.100.23");
        assertError(submit(petition(code), null), 400, "VERIFICATION_EXPIRED", "verification.code");
        assertEquals(0, caseCount());
    }

    @Test
    void oneCodeAMinuteAndFiveADayPerNumber() {
        assertEquals(202, requestCode(PHONE, "198.51.100.30").getStatusCode());
        clock.advance(Duration.ofSeconds(20));
        APIGatewayV2HTTPResponse soon = requestCode(PHONE, "198.51.100.31");
        assertError(soon, 429, "RATE_LIMITED", "phone");
        assertEquals("40", soon.getHeaders().get("retry-after"));
        for (int i = 2; i <= VerificationCodes.PER_DAY; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertEquals(202, requestCode(PHONE, "198.51.100." + (31 + i)).getStatusCode(), "code " + i);
        }
        clock.advance(Duration.ofSeconds(61));
        APIGatewayV2HTTPResponse sixth = requestCode(PHONE, "198.51.100.50");
        assertError(sixth, 429, "RATE_LIMITED", "phone");
        // until Beijing midnight
        long untilMidnight = Duration.between(clock.instant(), Instant.parse("2021-07-01T16:00:00Z"))
                .toSeconds();
        assertEquals(Long.toString(untilMidnight), sixth.getHeaders().get("retry-after"));
        assertEquals(VerificationCodes.PER_DAY, sentCodes().size(), "refused requests send nothing");
        clock.advance(Duration.ofSeconds(untilMidnight));
        assertEquals(202, requestCode(PHONE, "198.51.100.51").getStatusCode(), "a new day");
    }

    @Test
    void oneCodeAMinuteAndFiveADayPerClient() {
        String ip = "198.51.100.60";
        assertEquals(202, requestCode("13800000001", ip).getStatusCode());
        assertError(requestCode("13800000002", ip), 429, "RATE_LIMITED", "phone");
        assertEquals(202, requestCode("13800000002", "198.51.100.61").getStatusCode(), "another client");
        for (int i = 2; i <= VerificationCodes.PER_DAY; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertEquals(202, requestCode("1380000001" + i, ip).getStatusCode());
        }
        clock.advance(Duration.ofSeconds(61));
        assertError(requestCode("13800000099", ip), 429, "RATE_LIMITED", "phone");
        assertEquals(VerificationCodes.PER_DAY + 1, sentCodes().size());
    }

    @Test
    void onlyAHashIsStoredAndNeitherCodeNorPhoneIsLogged() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String code;
        try {
            code = codeFor(PHONE, "198.51.100.70");
            submit(petition(wrong(code)), null);
            assertEquals(201, submit(petition(code), "k-log").getStatusCode());
        } finally {
            Log.redirect(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("verification code sent"), log);
        assertFalse(log.contains(code), "the code is never logged");
        // nor the number, whole or masked (139****5678); a bare "5678" may be any random digits (a latency, an id)
        assertFalse(
                log.contains(PHONE) || log.contains("*" + PHONE.substring(7)) || log.contains(PHONE.substring(0, 7)),
                "nor the number: " + log);

        List<String> items = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(Tables.physical(Tables.EPHEMERAL)))
                .items()
                .forEach(item -> items.add(item.toString()));
        assertTrue(items.stream().anyMatch(i -> i.contains("verify#code#dingshu#")), items.toString());
        for (String item : items) {
            assertFalse(item.contains("\"" + code) || item.contains("S=" + code), "no plaintext code: " + item);
            assertFalse(item.contains(PHONE), "no plaintext number: " + item);
        }
    }

    @Test
    void nothingIsAskedOfStaffIntakeOtherTypesOrOtherTowns() {
        // dingshu: complaints need no code
        ObjectNode complaint = complaint().put("category", "environment").put("village", "dingshan");
        assertEquals(201, submit(complaint, null).getStatusCode(), "complaint in dingshu");
        // gaocheng asks for no code
        submitOnline("complaints", complaint().put("type", "petition").put("category", "petition-other"));
        // staff intake of a dingshu petition
        ObjectNode entered = petition(null).put("receivedOn", "2021-07-01").put("channel", "phone");
        APIGatewayV2HTTPResponse staff = call(
                new StaffIntakeHandler(app),
                Events.post(
                                "/api/v1/admin/towns/{town}/complaints",
                                "/api/v1/admin/towns/dingshu/complaints",
                                Json.write(entered))
                        .claims("town-admin@dingshu", "dingshu", ADMIN, null));
        assertEquals(201, staff.getStatusCode(), staff.getBody());
        assertEquals(3, caseCount());
        assertEquals(List.of(), sentCodes());
    }

    @Test
    void codesGoToMobilesOnly() {
        assertError(requestCode("0510-87654321", "198.51.100.80"), 400, "NOT_MOBILE", "phone");
        assertError(requestCode("12345", "198.51.100.80"), 400, "INVALID_PHONE", "phone");
        ObjectNode landline = petition(null);
        ((ObjectNode) landline.get("submitter")).put("phone", "0510-87654321");
        assertError(submit(landline, null), 400, "NOT_MOBILE", "submitter.phone");
    }

    String readOutbox() {
        try {
            return Files.readString(outbox.file());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
