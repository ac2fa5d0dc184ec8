package cn.banshi.bench;

import cn.banshi.api.Events;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The benchmarks' requests: payload-2.0 events from the one builder ({@link Events}), a staff token, a complaint. */
public final class ApiEvents {
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
        Events e = Events.request(method, routePath, path).pathParameters(pathParams);
        headers.forEach(e::header);
        if (!query.isEmpty()) e.query(query);
        if (body != null) e.body(body);
        if (claims != null) e.claims(claims);
        return e.build();
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
