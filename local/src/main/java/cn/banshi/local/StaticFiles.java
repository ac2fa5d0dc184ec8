package cn.banshi.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the web pages (S3/CloudFront in AWS) from a directory, refusing anything outside it, plus the API reference
 * page's contract and Swagger UI files from the repository ({@link ApiDocsFiles}).
 */
public final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "css",
            "text/css; charset=utf-8",
            "svg",
            "image/svg+xml",
            "png",
            "image/png",
            "json",
            "application/json; charset=utf-8",
            "ico",
            "image/x-icon",
            "webmanifest",
            "application/manifest+json",
            "yaml",
            "application/yaml; charset=utf-8");

    /**
     * The local S3 server (any loopback port): the pages POST uploads to it and show attachments from presigned links
     * (docs/attachments.md); blob: for the picker's previews of photos before upload.
     */
    private static final String LOCAL_S3 = "http://127.0.0.1:* http://localhost:*";

    private final Path root;

    public StaticFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    boolean serve(HttpExchange exchange, String path) throws IOException {
        if (path.contains("..") || path.contains("\\") || path.indexOf('\0') >= 0) return false;
        Path file = ApiDocsFiles.overlay(root.getParent(), path)
                .orElse(root.resolve(path.substring(1)).normalize());
        if (!file.startsWith(root) && !ApiDocsFiles.isDocsPath(path)) return false;
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        if (!Files.isRegularFile(file)) return false;
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        byte[] body = Files.readAllBytes(file);
        exchange.getResponseHeaders().set("content-type", TYPES.getOrDefault(ext, "application/octet-stream"));
        exchange.getResponseHeaders().set("x-content-type-options", "nosniff");
        exchange.getResponseHeaders()
                .set(
                        "content-security-policy",
                        "default-src 'self'; img-src 'self' data: blob: " + LOCAL_S3 + "; connect-src 'self' "
                                + LOCAL_S3 + "; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("cache-control", "no-cache");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return true;
    }
}
