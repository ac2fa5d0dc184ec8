package cn.banshi.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the API reference page's files come from. The page itself is in web/api/docs/; the contract and Swagger UI's
 * bundle (npm, infra/apidocs) are served beside it under the same paths the site upload puts them at
 * (./banshi site, docs/api-contract.md).
 */
final class ApiDocsFiles {
    static final String PREFIX = "/api/docs";
    private static final String SWAGGER_UI = "infra/apidocs/node_modules/swagger-ui-dist/";
    private static final Map<String, String> OVERLAY = Map.of(
            PREFIX + "/openapi.yaml", "infra/openapi.yaml",
            PREFIX + "/swagger-ui/swagger-ui.css", SWAGGER_UI + "swagger-ui.css",
            PREFIX + "/swagger-ui/swagger-ui-bundle.js", SWAGGER_UI + "swagger-ui-bundle.js");

    private ApiDocsFiles() {}

    static boolean isDocsPath(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** The repository file for a path outside web/ (the contract, Swagger UI), if it is one. */
    static Optional<Path> overlay(Path repoRoot, String path) {
        return Optional.ofNullable(OVERLAY.get(path)).map(repoRoot::resolve);
    }
}
