package cn.banshi.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check refuses what the contract does not declare, and passes what it does. */
class ApiContractTest {
    static final Map<String, String> JSON = Map.of("content-type", "application/json; charset=utf-8");

    static ApiExchange health(int status, String body) {
        return new ApiExchange("GET", "/api/v1/health", Map.of(), Map.of(), null, status, JSON, body, false);
    }

    static ApiExchange track(String query, String accessCode, int status, String body) {
        Map<String, List<String>> q = query == null ? Map.of() : Map.of(query, List.of("x"));
        Map<String, String> headers = accessCode == null ? Map.of() : Map.of("x-access-code", accessCode);
        return new ApiExchange("GET", "/api/v1/track/7K3M-9QXD-T4W2-H8PZ", q, headers, null, status, JSON, body, false);
    }

    static final String ERROR =
            "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"未找到\",\"messageEn\":\"Not found\",\"field\":\"trackingNo\"}}";

    @Test
    void declaredResponsePasses() {
        assertDoesNotThrow(() -> ApiContract.check(health(200, "{\"status\":\"ok\"}")));
        assertDoesNotThrow(() -> ApiContract.check(track(null, "4F7QK-M2X9D", 404, ERROR)));
    }

    @Test
    void anUndeclaredResponseFieldFails() {
        AssertionError e = assertThrows(
                AssertionError.class, () -> ApiContract.check(health(200, "{\"status\":\"ok\",\"uptime\":3}")));
        assertTrue(e.getMessage().contains("uptime"), e.getMessage());
        assertThrows(
                AssertionError.class,
                () -> ApiContract.check(track(
                        null,
                        "4F7QK-M2X9D",
                        404,
                        ERROR.replace("\"field\":\"trackingNo\"", "\"field\":\"trackingNo\",\"hint\":\"x\""))));
    }

    @Test
    void anUndeclaredStatusOrErrorCodeFails() {
        assertThrows(AssertionError.class, () -> ApiContract.check(health(418, "{\"status\":\"ok\"}")));
        assertThrows(
                AssertionError.class,
                () -> ApiContract.check(track(null, "4F7QK-M2X9D", 404, ERROR.replace("NOT_FOUND", "GONE"))));
    }

    @Test
    void aRequestTheContractRefusesMustNotBeAccepted() {
        // X-Access-Code is required: without it only a 4xx is a right answer
        String tracking = "{\"trackingNo\":\"7K3M-9QXD-T4W2-H8PZ\",\"status\":\"submitted\",\"timeline\":[]}";
        assertThrows(AssertionError.class, () -> ApiContract.check(track(null, null, 200, tracking)));
        assertDoesNotThrow(() -> ApiContract.check(track(null, null, 404, ERROR)));
        assertDoesNotThrow(() -> ApiContract.check(track(null, "4F7QK-M2X9D", 200, tracking)));
    }
}
