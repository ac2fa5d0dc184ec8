package cn.banshi.bench;

import cn.banshi.store.DynamoClients;
import cn.banshi.store.TableSetup;
import cn.banshi.store.local.Dynalite;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A dynalite for one benchmark, its tables under a prefix, and the facts about this machine. */
public final class BenchEnv implements AutoCloseable {
    public final Path root;
    public final Dynalite dynalite;
    public final String prefix;

    public BenchEnv(String prefix, Path dataDir) {
        this.root = Dynalite.repoRoot();
        this.dynalite = Dynalite.start(root, dataDir);
        this.prefix = prefix;
        System.setProperty("banshi.tablePrefix", prefix);
        TableSetup.ensureTables(client(ClientOverrideConfiguration.builder()));
    }

    public DynamoDbClient client(ClientOverrideConfiguration.Builder overrides) {
        return DynamoClients.forEndpoint(dynalite.endpoint(), overrides);
    }

    @Override
    public void close() {
        dynalite.close();
    }

    public static String machine() {
        long memBytes = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse(cpu);
        } catch (Exception ignored) {
            // not Linux
        }
        String load = "";
        try {
            load = ", load average "
                    + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception ignored) {
            // not Linux
        }
        return String.format(
                "nproc %d (%s), %.1f GiB memory, JDK %s (%s)%s",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memBytes / 1024.0 / 1024 / 1024,
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                load);
    }
}
