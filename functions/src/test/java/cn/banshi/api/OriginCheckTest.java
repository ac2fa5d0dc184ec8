package cn.banshi.api;

import static cn.banshi.api.ApiTestSupport.assertError;
import static cn.banshi.api.ApiTestSupport.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A request that did not come through CloudFront (no or a wrong origin header) is refused before any route runs. */
class OriginCheckTest {
    /** Any route: the check runs before routing (this one's contract declares the 403). */
    static final String ROUTE = "/api/v1/admin/alerts";

    static final class Guarded extends ApiHandler {
        int ran;
        private final OriginCheck check;

        Guarded(OriginCheck check) {
            this.check = check;
        }

        @Override
        protected OriginCheck originCheck() {
            return check;
        }

        @Override
        protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
            return Map.of("GET " + ROUTE, request -> {
                ran++;
                ObjectNode body = Json.object();
                body.putArray("items");
                return ApiResponse.json(200, body);
            });
        }
    }

    @Test
    void directRequestsToTheApiEndpointAreRefused() {
        Guarded handler = new Guarded(new OriginCheck("0123456789abcdef0123456789abcdef"));
        assertError(
                call(handler, ApiTestSupport.as(Events.get(ROUTE, ROUTE), ApiTestSupport.ADMIN, null)),
                403,
                "FORBIDDEN",
                null);
        assertError(
                call(
                        handler,
                        ApiTestSupport.as(Events.get(ROUTE, ROUTE), ApiTestSupport.ADMIN, null)
                                .header(OriginCheck.HEADER, "0123456789abcdef0123456789abcdeX")),
                403,
                "FORBIDDEN",
                null);
        assertEquals(0, handler.ran, "no route ran");
        var through = call(
                handler,
                ApiTestSupport.as(Events.get(ROUTE, ROUTE), ApiTestSupport.ADMIN, null)
                        .header(OriginCheck.HEADER, "0123456789abcdef0123456789abcdef"));
        assertEquals(200, through.getStatusCode());
        assertEquals(1, handler.ran);
    }

    @Test
    void withoutASecretNothingIsChecked() {
        assertTrue(new OriginCheck(null).allows(null));
        assertTrue(new OriginCheck("").allows("anything"));
        assertFalse(new OriginCheck("s").allows(null));
        Guarded local = new Guarded(new OriginCheck(null));
        assertEquals(
                200,
                call(local, ApiTestSupport.as(Events.get(ROUTE, ROUTE), ApiTestSupport.ADMIN, null))
                        .getStatusCode());
    }
}
