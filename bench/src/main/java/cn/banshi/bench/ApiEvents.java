package cn.banshi.bench;

import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;

/** Payload-2.0 events as API Gateway delivers them, deserialised by the Lambda runtime's serializer. */
public final class ApiEvents {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ApiEvents.class.getClassLoader());

    private ApiEvents() {}

    public static APIGatewayV2HTTPEvent event(
            String method,
            String routePath,
            String path,
            Map<String, String> pathParams,
            Map<String, String> headers,
            Map<String, String> query,
            String body,
            Map<String, String> claims) {
        ObjectNode e = Json.object();
        String routeKey = method + " " + routePath;
        e.put("version", "2.0").put("routeKey", routeKey).put("rawPath", path);
        ObjectNode h = e.putObject("headers");
        h.put("host", "api.banshi.example");
        headers.forEach(h::put);
        if (body != null) h.put("content-type", "application/json");
        if (!query.isEmpty()) {
            ObjectNode q = e.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        ObjectNode rc = e.putObject("requestContext");
        rc.put("routeKey", routeKey)
                .put("stage", "$default")
                .put("requestId", UUID.randomUUID().toString());
        rc.putObject("http").put("method", method).put("path", path).put("sourceIp", "203.0.113.7");
        if (claims != null) {
            ObjectNode jwt = rc.putObject("authorizer").putObject("jwt");
            ObjectNode c = jwt.putObject("claims");
            claims.forEach(c::put);
            jwt.putArray("scopes");
        }
        if (!pathParams.isEmpty()) {
            ObjectNode p = e.putObject("pathParameters");
            pathParams.forEach(p::put);
        }
        if (body != null) e.put("body", body);
        e.put("isBase64Encoded", false);
        return SERIALIZER.fromJson(Json.write(e));
    }

    public static Map<String, String> admin(String town) {
        return Map.of("sub", "admin@" + town, "town", town, "role", "town-admin");
    }

    public static String complaintBody(String title) {
        ObjectNode body = Json.object();
        body.put("type", "complaint")
                .put("category", "environment")
                .put("village", "meijiadu")
                .put("title", title);
        body.put("description", "梅家渎村东侧河道漂浮大量生活垃圾，已有一周无人清理。");
        body.putObject("location").put("address", "梅家渎村东河桥边");
        body.putObject("submitter")
                .put("name", "王小明")
                .put("phone", "13912345678")
                .put("anonymous", false);
        return Json.write(body);
    }
}
