package cn.banshi.batch.repository;

import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * Which job repository the batch jobs use: the property {@code banshi.batch.repository} (a Spring property,
 * so also {@code -Dbanshi.batch.repository} or the environment variable {@code BANSHI_BATCH_REPOSITORY}).
 * {@code dynamodb}, the default, survives the process that runs the job (a function, a container);
 * {@code h2} is the report jobs' embedded H2 file under the data directory, for a machine without DynamoDB.
 */
public enum JobRepositoryKind {
    DYNAMODB,
    H2;

    public static final String PROPERTY = "banshi.batch.repository";

    public static JobRepositoryKind configured(Environment environment) {
        return parse(environment.getProperty(PROPERTY));
    }

    static JobRepositoryKind parse(String value) {
        if (value == null || value.isBlank()) return DYNAMODB;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "dynamodb" -> DYNAMODB;
            case "h2" -> H2;
            default ->
                throw new IllegalArgumentException(PROPERTY + " must be 'dynamodb' or 'h2', not '" + value + "'");
        };
    }
}
