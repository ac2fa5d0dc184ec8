package cn.banshi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.store.local.Dynalite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI file and the handlers declare the same routes, and no route is served twice. */
class OpenApiRoutesTest {

    /** The routes of the deployed API: without the paths marked {@code x-banshi-local-only} (the local sign-in). */
    static Set<String> openApiRoutes() throws Exception {
        return openApiRoutes(false);
    }

    /** The deployed routes, or ({@code localOnly}) only the local gateway's own ones. */
    public static Set<String> openApiRoutes(boolean localOnly) throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory())
                .readTree(Dynalite.repoRoot().resolve("infra/openapi.yaml").toFile());
        assertEquals("3.1.0", doc.get("openapi").asText());
        Set<String> routes = new TreeSet<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (path.getValue().path("x-banshi-local-only").asBoolean(false) != localOnly) return;
                    if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                        routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return routes;
    }

    @Test
    void openApiRoutesEqualHandlerRoutes() throws Exception {
        Set<String> handlerRoutes = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        for (Class<? extends ApiHandler> type : Handlers.all()) {
            ApiHandler handler = instantiate(type);
            for (String key : handler.routeKeys()) {
                assertTrue(seen.add(key), key + " is served by two handlers");
                handlerRoutes.add(key);
            }
        }
        assertEquals(openApiRoutes(), handlerRoutes);
    }

    private static ApiHandler instantiate(Class<? extends ApiHandler> type) throws Exception {
        // every handler has the no-argument constructor Lambda uses; here the one tests use
        for (var ctor : type.getConstructors()) {
            if (ctor.getParameterCount() == 1 && ctor.getParameterTypes()[0] == AppContext.class) {
                // handlers take their parts at construction: over no client, which reading routes never calls
                return (ApiHandler) ctor.newInstance(new AppContext(null, Clock.systemUTC()));
            }
        }
        return type.getConstructor().newInstance();
    }
}
