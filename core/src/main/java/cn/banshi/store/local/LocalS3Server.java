package cn.banshi.store.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts the local S3 API server (s3rver, the npm package pinned in infra/s3rver, behind infra/s3rver/server.js,
 * which also checks browser POST policies) as a child process on a free loopback port. Objects live on disk under
 * the data directory, or in a temporary directory deleted at close when none is given. Used by ./banshi up and by
 * the tests ({@code cn.banshi.testkit.LocalS3}); clients for it: {@link LocalS3Clients}. The server accepts the key
 * pair {@value #ACCESS_KEY}/{@value #SECRET_KEY} only.
 */
public final class LocalS3Server extends LoopbackServer {
    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";

    private final Path temporaryDirectory;

    private LocalS3Server(Process process, int port, Path temporaryDirectory) {
        super(process, port);
        this.temporaryDirectory = temporaryDirectory;
    }

    /**
     * @param dataDir where the objects are kept, or null for a temporary directory emptied at close
     * @param buckets created at start (kept when they exist), each with a CORS rule for the origins
     * @param origins the pages' origins allowed to GET and POST (browser uploads); {@code *} for any
     */
    public static LocalS3Server start(Path repoRoot, Path dataDir, List<String> buckets, List<String> origins) {
        Path server = repoRoot.resolve("infra/s3rver/server.js");
        Path installed = repoRoot.resolve("infra/s3rver/node_modules/s3rver/lib/s3rver.js");
        if (!Files.isRegularFile(installed)) {
            throw new IllegalStateException("s3rver is not installed: run `npm ci --prefix infra/s3rver` "
                    + "(./banshi up and ./banshi test do it for you). Looked for " + installed);
        }
        boolean temporary = dataDir == null;
        Path directory;
        try {
            directory = temporary ? Files.createTempDirectory("banshi-s3") : Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the S3 data directory " + dataDir, e);
        }
        int port = Loopback.freePort();
        List<String> command = new ArrayList<>(List.of(
                "node",
                server.toString(),
                "--port",
                String.valueOf(port),
                "--directory",
                directory.toAbsolutePath().toString()));
        if (!buckets.isEmpty()) command.addAll(List.of("--buckets", String.join(",", buckets)));
        if (!origins.isEmpty()) command.addAll(List.of("--origins", String.join(",", origins)));
        Process process = Loopback.startListening(command, port, "s3rver");
        return new LocalS3Server(process, port, temporary ? directory : null);
    }

    @Override
    public void close() {
        super.close();
        if (temporaryDirectory != null) deleteTree(temporaryDirectory);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system's clean-up takes what is left
        }
    }
}
