package cn.banshi.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.banshi.errors.ApiException;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.function.Executable;

/** Request bodies written with single quotes, and the error assertion of the intake tests. */
final class IntakeFixtures {
    private IntakeFixtures() {}

    /** {@code text} with ' for " parsed as a JSON object. */
    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.parse(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code call} fails with a 400 of {@code code} on {@code field}. */
    static ApiException assertRefused(String code, String field, Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(400, e.status(), e.getMessage());
        return e;
    }
}
