package cn.banshi.local;

import cn.banshi.api.ApiHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matches a request to a route key as API Gateway does: path templates with {param} segments. */
final class RouteTable {
    record Match(String routeKey, ApiHandler handler, Map<String, String> pathParameters) {}

    private record Route(String method, String routeKey, Pattern pattern, List<String> names, ApiHandler handler) {}

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
    private final List<Route> routes = new ArrayList<>();

    RouteTable(List<ApiHandler> handlers) {
        for (ApiHandler handler : handlers) {
            for (String routeKey : handler.routeKeys()) {
                String[] parts = routeKey.split(" ", 2);
                List<String> names = new ArrayList<>();
                Matcher m = PARAM.matcher(parts[1]);
                StringBuilder regex = new StringBuilder();
                int last = 0;
                while (m.find()) {
                    regex.append(Pattern.quote(parts[1].substring(last, m.start())))
                            .append("([^/]+)");
                    names.add(m.group(1));
                    last = m.end();
                }
                regex.append(Pattern.quote(parts[1].substring(last)));
                routes.add(new Route(parts[0], routeKey, Pattern.compile(regex.toString()), names, handler));
            }
        }
        // literal routes before templated ones, as API Gateway prefers the most specific match
        routes.sort((a, b) -> Integer.compare(a.names().size(), b.names().size()));
    }

    Optional<Match> match(String method, String decodedPath) {
        for (Route route : routes) {
            if (!route.method().equals(method)) continue;
            Matcher m = route.pattern().matcher(decodedPath);
            if (!m.matches()) continue;
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < route.names().size(); i++)
                params.put(route.names().get(i), m.group(i + 1));
            return Optional.of(new Match(route.routeKey(), route.handler(), params));
        }
        return Optional.empty();
    }

    List<String> routeKeys() {
        return routes.stream().map(Route::routeKey).toList();
    }
}
