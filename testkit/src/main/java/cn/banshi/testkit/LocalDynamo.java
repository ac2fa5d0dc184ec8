package cn.banshi.testkit;

import cn.banshi.store.DynamoClients;
import cn.banshi.store.TableSetup;
import cn.banshi.store.local.Dynalite;
import cn.banshi.testkit.atrest.TablesAtRest;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One in-memory dynalite per test JVM (or LocalStack in a container with -Dbanshi.dynamodb.backend=localstack, which
 * the Maven profile {@code localstack} sets), started on first use and stopped at JVM exit. Each call to
 * {@link #freshTables()} gives the caller its own table prefix, so test classes never see each other's data.
 */
public final class LocalDynamo {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static Dynalite dynalite;

    private LocalDynamo() {}

    /** System property choosing the DynamoDB the tests use: dynalite (default) or localstack (mvn -Plocalstack). */
    public static final String BACKEND = "banshi.dynamodb.backend";

    public static synchronized String endpoint() {
        String backend = System.getProperty(BACKEND, "dynalite");
        if (backend.equals("localstack")) return LocalStackDynamo.endpoint();
        if (!backend.equals("dynalite"))
            throw new IllegalStateException(BACKEND + " is dynalite or localstack, not " + backend);
        if (dynalite == null || !dynalite.isAlive()) {
            dynalite = Dynalite.start(Dynalite.repoRoot(), null);
            Dynalite started = dynalite;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return dynalite.endpoint();
    }

    public static DynamoDbClient client() {
        return client(ClientOverrideConfiguration.builder());
    }

    public static DynamoDbClient client(ClientOverrideConfiguration.Builder overrides) {
        return DynamoClients.forEndpoint(endpoint(), overrides);
    }

    /**
     * Switches this JVM to a new table prefix and creates the tables under it. Tests in one JVM run one
     * class at a time (Surefire's default), so a per-class prefix isolates them. After the test class, its tables are
     * scanned for personal data in plaintext ({@link TablesAtRest}).
     */
    public static synchronized DynamoDbClient freshTables() {
        String prefix = "t" + ProcessHandle.current().pid() + "-" + PREFIXES.incrementAndGet() + "-";
        System.setProperty("banshi.tablePrefix", prefix);
        TablesAtRest.made(prefix);
        DynamoDbClient client = client();
        TableSetup.ensureTables(client);
        return client;
    }
}
