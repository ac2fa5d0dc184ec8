package cn.banshi.testkit;

import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * DynamoDB of LocalStack in a container (Testcontainers), one per test JVM, for {@code mvn -Plocalstack verify} on a
 * machine with Docker. {@link LocalDynamo} uses it instead of dynalite when -Dbanshi.dynamodb.backend=localstack.
 * The image is -Dbanshi.localstack.image (default below); LOCALSTACK_AUTH_TOKEN is passed on when set, for images
 * that need one. Testcontainers removes the container when the JVM exits.
 */
final class LocalStackDynamo {
    static final String DEFAULT_IMAGE = "localstack/localstack:4.4";
    private static LocalStackContainer container;

    private LocalStackDynamo() {}

    static synchronized String endpoint() {
        if (container == null || !container.isRunning()) {
            String image = System.getProperty("banshi.localstack.image", DEFAULT_IMAGE);
            LocalStackContainer started = new LocalStackContainer(
                            DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
                    .withServices("dynamodb");
            String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
            if (token != null && !token.isBlank()) started.withEnv("LOCALSTACK_AUTH_TOKEN", token);
            started.start();
            container = started;
        }
        return container.getEndpoint().toString();
    }
}
