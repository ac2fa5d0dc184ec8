package cn.banshi.batch.repository;

import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * Which job repository the batch jobs use, from {@code banshi.batch.repository} (system property or Spring
 * property; environment variable {@code BANSHI_BATCH_REPOSITORY}): {@code dynamodb}, the default, or
 * {@code embedded} (an in-process repository that dies with the process, for a one-off local run).
 */
public enum JobRepositoryKind {
    DYNAMODB, EMBEDDED;

    public static final String PROPERTY = "banshi.batch.repository";
    public static final String ENV = "BANSHI_BATCH_REPOSITORY";

    /** From the system property, else the environment variable, else {@link #DYNAMODB}. */
    public static JobRepositoryKind configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) value = System.getenv(ENV);
        return parse(value);
    }

    /** From a Spring environment (which includes system properties and environment variables). */
    public static JobRepositoryKind configured(Environment environment) {
        String value = environment.getProperty(PROPERTY);
        if (value == null || value.isBlank()) value = environment.getProperty(ENV);
        return parse(value);
    }

    static JobRepositoryKind parse(String value) {
        if (value == null || value.isBlank()) return DYNAMODB;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "dynamodb" -> DYNAMODB;
            case "embedded" -> EMBEDDED;
            default -> throw new IllegalArgumentException(
                    PROPERTY + " must be 'dynamodb' or 'embedded', not '" + value + "'");
        };
    }
}
