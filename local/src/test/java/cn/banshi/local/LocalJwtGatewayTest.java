package cn.banshi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.api.AppContext;
import cn.banshi.api.Handlers;
import cn.banshi.json.Json;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.testkit.MutableClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local gateway verifies staff tokens as API Gateway's JWT authorizer does; forged tokens are 401. */
class LocalJwtGatewayTest {
    final HttpClient http = HttpClient.newHttpClient();
    final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    MutableClock clock;
    LocalJwt jwt;
    LocalGateway gateway;

    @BeforeEach
    void start() throws Exception {
        clock = MutableClock.at("2021-06-01T09:00");
        jwt = new LocalJwt(key, clock);
        AppContext app = new AppContext(LocalDynamo.freshTables(), clock);
        gateway = new LocalGateway(Handlers.create(app), clock, null, jwt, 0).start();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    int get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path));
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            assertEquals(
                    "UNAUTHORIZED",
                    Json.parse(response.body()).get("error").get("code").asText());
            // refused by the authorizer (not the handler): API Gateway's own body shape as well
            if (token == null
                    || !token.contains(".")
                    || response.headers().firstValue("www-authenticate").isPresent()) {
                assertEquals(
                        "Unauthorized",
                        Json.parse(response.body()).get("message").asText());
            }
        }
        return response.statusCode();
    }

    static final Map<String, String> ADMIN = Map.of("sub", "zhang", "town", "gaocheng", "role", "town-admin");

    static String forge(String headerJson, String payloadJson, String signature) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    @Test
    void validTokenReachesTheHandlerWithItsClaims() throws Exception {
        assertEquals(200, get("/api/v1/admin/cases", jwt.issue(ADMIN, Duration.ofHours(1))));
        assertEquals(
                200,
                get(
                        "/api/v1/admin/cases",
                        jwt.issue(
                                Map.of("sub", "li", "town", "gaocheng", "role", "village-staff", "village", "meijiadu"),
                                Duration.ofHours(1))));
        assertEquals(200, get("/api/v1/health", null), "public routes need no token");
    }

    @Test
    void missingForgedExpiredWrongAudienceWrongIssuerAndAlgNoneAre401() throws Exception {
        long now = clock.instant().getEpochSecond();
        String good = jwt.issue(ADMIN, Duration.ofHours(1));
        String[] parts = good.split("\\.");
        ObjectNode payload =
                (ObjectNode) Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));

        assertEquals(401, get("/api/v1/admin/cases", null));
        assertEquals(401, get("/api/v1/admin/cases", "not-a-token"));
        // forged: another key
        assertEquals(
                401, get("/api/v1/admin/cases", new LocalJwt(new byte[32], clock).issue(ADMIN, Duration.ofHours(1))));
        // tampered payload, original signature: a village clerk making herself town admin
        ObjectNode escalated = payload.deepCopy().put("role", "town-admin").put("town", "dingshu");
        assertEquals(
                401,
                get(
                        "/api/v1/admin/cases",
                        forge("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", Json.write(escalated), parts[2])));
        // alg none, no signature
        assertEquals(
                401, get("/api/v1/admin/cases", forge("{\"alg\":\"none\",\"typ\":\"JWT\"}", Json.write(payload), "")));
        assertEquals(401, get("/api/v1/admin/cases", forge("{\"alg\":\"none\"}", Json.write(payload), parts[2])));
        // expired (beyond the 60 s leeway)
        String expiring = jwt.issue(ADMIN, Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(12));
        assertEquals(401, get("/api/v1/admin/cases", expiring));
        // wrong audience and wrong issuer, correctly signed
        LocalJwt signer = new LocalJwt(key, clock);
        assertEquals(
                401,
                get(
                        "/api/v1/admin/cases",
                        resign(
                                signer,
                                payload.deepCopy().put("aud", "someone-else").put("exp", now + 99999))));
        assertEquals(
                401,
                get(
                        "/api/v1/admin/cases",
                        resign(
                                signer,
                                payload.deepCopy()
                                        .put("iss", "https://evil.example")
                                        .put("exp", now + 99999))));
        // a genuine token whose claims lack a role is refused by the handler itself
        assertEquals(
                401,
                get("/api/v1/admin/cases", jwt.issue(Map.of("sub", "x", "town", "gaocheng"), Duration.ofHours(1))));
    }

    /** Signs an arbitrary payload with the right key, to test the claim checks beyond the signature. */
    static String resign(LocalJwt signer, ObjectNode payload) throws Exception {
        var method = LocalJwt.class.getDeclaredMethod("hmac", String.class);
        method.setAccessible(true);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8));
        return input + "." + b64.encodeToString((byte[]) method.invoke(signer, input));
    }
}
