package cn.banshi.local;

import cn.banshi.api.AppContext;
import cn.banshi.auth.Role;
import cn.banshi.store.DynamoClients;
import cn.banshi.store.TableSetup;
import cn.banshi.store.local.Dynalite;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code ./banshi token} and {@code ./banshi sweep}. */
public final class Cli {
    private Cli() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path data = Path.of(options.getOrDefault("data", ".banshi/data"));
        switch (args[0]) {
            case "token" -> token(options, data);
            case "sweep" -> sweep(data);
            default -> fail("unknown command " + args[0]);
        }
    }

    static void token(Map<String, String> o, Path data) throws Exception {
        String town = o.get("town");
        String role = o.get("role");
        if (town == null || role == null || Role.fromCode(role).isEmpty()) {
            fail(
                    "用法 usage: ./banshi token --town T --role town-admin|village-staff|auditor [--village V] [--sub NAME] [--hours 8]");
        }
        if (role.equals("village-staff") && o.get("village") == null)
            fail("village-staff 需要 --village / needs --village");
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", o.getOrDefault("sub", role + "@" + town));
        claims.put("town", town);
        claims.put("role", role);
        if (o.get("village") != null) claims.put("village", o.get("village"));
        Duration lifetime = Duration.ofHours(Long.parseLong(o.getOrDefault("hours", "8")));
        System.out.println(LocalJwt.forDataDir(data, Clock.systemUTC()).issue(claims, lifetime));
    }

    static void sweep(Path data) {
        String running = DynamoClients.configuredEndpoint();
        try (Dynalite dynalite =
                running == null ? Dynalite.start(Dynalite.repoRoot(), data.resolve("dynamodb")) : null) {
            String endpoint = running != null ? running : dynalite.endpoint();
            DynamoDbClient dynamo = DynamoClients.forEndpoint(endpoint, ClientOverrideConfiguration.builder());
            TableSetup.ensureTables(dynamo);
            AppContext app = new AppContext(dynamo, Clock.systemUTC());
            for (String town : app.catalogs().townIds()) {
                System.out.println(town + ": " + app.sweep().sweep(town) + " 件新逾期 / newly overdue");
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) fail("bad option " + args[i]);
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
