package cn.banshi.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.activities.ActivitiesHandler;
import cn.banshi.api.ApiHandler;
import cn.banshi.api.AppContext;
import cn.banshi.disclosure.DisclosureFiguresHandler;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import cn.banshi.plans.PlanItemsHandler;
import cn.banshi.staff.StaffCasesHandler;
import cn.banshi.testkit.MutableClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Staff inputs entered through the real Lambda handlers, as a town admin of the given town. */
public final class StaffApi {
    private final AppContext app;
    private final String town;
    private final MutableClock clock;

    /** Each call happens a second after the previous one, so items keep the order they were entered in. */
    public StaffApi(DynamoDbClient dynamo, MutableClock clock, String town) {
        this.app = new AppContext(dynamo, clock);
        this.clock = clock;
        this.town = town;
    }

    public JsonNode activity(String json) {
        return call(
                new ActivitiesHandler(app),
                "POST",
                "/api/v1/admin/activities",
                "/api/v1/admin/activities",
                Map.of(),
                json,
                201);
    }

    public JsonNode planItem(String json) {
        return call(
                new PlanItemsHandler(app),
                "POST",
                "/api/v1/admin/plan-items",
                "/api/v1/admin/plan-items",
                Map.of(),
                json,
                201);
    }

    public JsonNode planStatus(String id, String status) {
        return call(
                new PlanItemsHandler(app),
                "PUT",
                "/api/v1/admin/plan-items/{id}",
                "/api/v1/admin/plan-items/" + id,
                Map.of("id", id),
                "{\"status\":\"" + status + "\"}",
                200);
    }

    public JsonNode planItems(int year) {
        APIGatewayV2HTTPEvent e = event("GET", "/api/v1/admin/plan-items", "/api/v1/admin/plan-items", Map.of(), null);
        e.setQueryStringParameters(Map.of("year", Integer.toString(year)));
        return send(new PlanItemsHandler(app), e, 200);
    }

    public JsonNode disclosureFigures(int year, String json) {
        return call(
                new DisclosureFiguresHandler(app),
                "PUT",
                "/api/v1/admin/disclosure-figures/{year}",
                "/api/v1/admin/disclosure-figures/" + year,
                Map.of("year", Integer.toString(year)),
                json,
                200);
    }

    /** A citizen's online information request (the public route), as it would arrive today. */
    public JsonNode submitInfoRequest(String json) {
        return call(
                new SubmissionHandler(app),
                "POST",
                "/api/v1/towns/{town}/info-requests",
                "/api/v1/towns/" + town + "/info-requests",
                Map.of("town", town),
                json,
                201);
    }

    /** A town admin's action on a case, at its current version. */
    public JsonNode act(String trackingNo, String json) {
        long version = app.cases().find(trackingNo).orElseThrow().version();
        String body = json.replaceFirst("\\{", "{\"expectedVersion\":" + version + ",");
        return call(
                new StaffCasesHandler(app),
                "POST",
                "/api/v1/admin/cases/{trackingNo}/actions",
                "/api/v1/admin/cases/" + trackingNo + "/actions",
                Map.of("trackingNo", trackingNo),
                body,
                200);
    }

    private JsonNode call(
            ApiHandler handler,
            String method,
            String route,
            String path,
            Map<String, String> params,
            String body,
            int expected) {
        return send(handler, event(method, route, path, params, body), expected);
    }

    private APIGatewayV2HTTPEvent event(
            String method, String route, String path, Map<String, String> params, String body) {
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setRouteKey(method + " " + route);
        e.setRawPath(path);
        e.setPathParameters(new HashMap<>(params));
        Map<String, String> headers = new HashMap<>();
        if (body != null) {
            headers.put("content-type", "application/json");
            e.setBody(body);
        }
        e.setHeaders(headers);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.of("sub", "admin-1", "town", town, "role", "town-admin"));
        authorizer.setJwt(jwt);
        context.setAuthorizer(authorizer);
        context.setRequestId("test");
        e.setRequestContext(context);
        return e;
    }

    private JsonNode send(ApiHandler handler, APIGatewayV2HTTPEvent e, int expected) {
        clock.advance(Duration.ofSeconds(1));
        APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
        assertEquals(expected, r.getStatusCode(), r.getBody());
        try {
            return Json.parse(r.getBody());
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }
}
