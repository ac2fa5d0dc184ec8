package cn.banshi.store.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts dynalite (the npm package pinned in infra/dynalite) as a child process on a free loopback port.
 * In memory when no data directory is given, on disk otherwise. Used by ./banshi up and by the tests.
 */
public final class Dynalite extends LoopbackServer {
    private Dynalite(Process process, int port) {
        super(process, port);
    }

    public static Dynalite start(Path repoRoot, Path dataDir) {
        Path cli = repoRoot.resolve("infra/dynalite/node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: run `npm ci --prefix infra/dynalite` "
                    + "(./banshi up and ./banshi test do it for you). Looked for " + cli);
        }
        int port = Loopback.freePort();
        List<String> command = new ArrayList<>(List.of("node"));
        Path exitWithParent = repoRoot.resolve("infra/dynalite/exit-with-parent.js");
        if (Files.isRegularFile(exitWithParent)) command.addAll(List.of("-r", exitWithParent.toString()));
        command.addAll(List.of(
                cli.toString(),
                "--port",
                String.valueOf(port),
                "--host",
                "127.0.0.1",
                "--createTableMs",
                "0",
                "--deleteTableMs",
                "0",
                "--updateTableMs",
                "0"));
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create data directory " + dataDir, e);
            }
            command.add("--path");
            command.add(dataDir.toAbsolutePath().toString());
        }
        return new Dynalite(Loopback.startListening(command, port, "dynalite"), port);
    }

    /** Finds the repository root: -Dbanshi.root, else the first parent of the working directory with infra/dynalite. */
    public static Path repoRoot() {
        String configured = System.getProperty("banshi.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "infra", "dynalite"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/dynalite"))) return dir;
        }
        throw new IllegalStateException("Cannot find the banshi repository root (infra/dynalite)");
    }
}
