package cn.banshi.disclosure;

import static cn.banshi.api.ApiTestSupport.assertError;
import static cn.banshi.api.ApiTestSupport.call;
import static cn.banshi.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DisclosureFiguresApiTest extends ApiTestSupport {
    static final String ROUTE = "/api/v1/admin/disclosure-figures/{year}";
    private DisclosureFiguresHandler handler;

    @BeforeEach
    void setUp() {
        setUpApp("2022-01-10T09:00");
        handler = new DisclosureFiguresHandler(app);
    }

    public static ObjectNode figures() {
        ObjectNode body = Json.object();
        ObjectNode p = body.putObject("proactive");
        p.putObject("rules").put("issued", 0).put("repealed", 0).put("inForce", 0);
        p.putObject("normativeDocuments").put("issued", 4).put("repealed", 1).put("inForce", 17);
        p.put("licensing", 126).put("penalties", 38).put("enforcement", 2).put("feeAmount", 12.35);
        ObjectNode r = body.putObject("reviewLitigation");
        r.putObject("review")
                .put("upheld", 1)
                .put("corrected", 0)
                .put("other", 0)
                .put("pending", 1);
        r.putObject("litigationDirect")
                .put("upheld", 0)
                .put("corrected", 0)
                .put("other", 1)
                .put("pending", 0)
                .put("total", 1);
        r.putObject("litigationAfterReview")
                .put("upheld", 0)
                .put("corrected", 0)
                .put("other", 0)
                .put("pending", 0);
        return body;
    }

    private APIGatewayV2HTTPResponse put(String year, JsonNode body) {
        return call(
                handler,
                Events.put(ROUTE, "/api/v1/admin/disclosure-figures/" + year, Json.write(body))
                        .claims("admin-1", "gaocheng", "town-admin", null));
    }

    @Test
    void givenFiguresWhenPutThenGetReturnsThemWithTotals() {
        APIGatewayV2HTTPResponse saved = put("2021", figures());
        assertEquals(200, saved.getStatusCode(), saved.getBody());
        APIGatewayV2HTTPResponse read = call(
                handler,
                Events.get(ROUTE, "/api/v1/admin/disclosure-figures/2021").claims("a", "gaocheng", "auditor", null));
        assertEquals(200, read.getStatusCode(), read.getBody());
        JsonNode f = json(read);
        assertEquals(2021, f.get("year").asInt());
        assertEquals(17, f.at("/proactive/normativeDocuments/inForce").asInt());
        assertEquals("12.35", f.at("/proactive/feeAmount").decimalValue().toPlainString());
        assertEquals(2, f.at("/reviewLitigation/review/total").asInt());
        assertEquals(1, f.at("/reviewLitigation/litigationDirect/total").asInt());
        assertError(
                call(
                        handler,
                        Events.get(ROUTE, "/api/v1/admin/disclosure-figures/2020")
                                .claims("a", "gaocheng", "auditor", null)),
                404,
                "NOT_FOUND",
                "year");
    }

    @Test
    void givenBadFiguresThenA400NamesTheFieldAndNothingIsStored() {
        ObjectNode negative = figures();
        ((ObjectNode) negative.at("/proactive")).put("licensing", -1);
        assertError(put("2021", negative), 400, "OUT_OF_RANGE", "proactive.licensing");
        ObjectNode fraction = figures();
        ((ObjectNode) fraction.at("/reviewLitigation/review")).put("upheld", 1.5);
        assertError(put("2021", fraction), 400, "WRONG_TYPE", "reviewLitigation.review.upheld");
        ObjectNode badTotal = figures();
        ((ObjectNode) badTotal.at("/reviewLitigation/review")).put("total", 5);
        assertError(put("2021", badTotal), 400, "INVALID_FORMAT", "reviewLitigation.review.total");
        ObjectNode missing = figures();
        ((ObjectNode) missing.at("/proactive")).remove("feeAmount");
        assertError(put("2021", missing), 400, "REQUIRED", "proactive.feeAmount");
        ObjectNode tooPrecise = figures();
        ((ObjectNode) tooPrecise.at("/proactive")).put("feeAmount", 1.123456);
        assertError(put("2021", tooPrecise), 400, "INVALID_FORMAT", "proactive.feeAmount");
        assertError(put("1999", figures()), 400, "OUT_OF_RANGE", "year");
        assertError(
                call(
                        handler,
                        Events.get(ROUTE, "/api/v1/admin/disclosure-figures/2021")
                                .claims("a", "gaocheng", "auditor", null)),
                404,
                "NOT_FOUND",
                "year");
    }
}
