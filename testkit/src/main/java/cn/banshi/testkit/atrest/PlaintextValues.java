package cn.banshi.testkit.atrest;

import cn.banshi.personaldata.FieldCipher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The text a reader of a raw item sees: attribute names, strings, numbers, map keys, and binary values that are not
 * sealed, read as UTF-8 (inflated first where they are deflated, like the batch job repository's contexts). Sealed
 * values are ciphertext and give no text.
 */
final class PlaintextValues {
    private PlaintextValues() {}

    /**
     * Each text of {@code item} with where it is ({@code "detail.notes[1]"}; {@code ""} for an attribute's name), or
     * with {@code null} for where when {@code withPaths} is false (cheaper: no path is built).
     */
    static void of(Map<String, AttributeValue> item, boolean withPaths, BiConsumer<String, String> out) {
        item.forEach((name, v) -> {
            out.accept(withPaths ? "" : null, name);
            walk(v, withPaths ? name : null, out);
        });
    }

    private static void walk(AttributeValue v, String path, BiConsumer<String, String> out) {
        switch (v.type()) {
            case S -> out.accept(path, v.s());
            case N -> out.accept(path, v.n());
            case B -> {
                if (!FieldCipher.isSealed(v)) out.accept(path, binaryText(v.b()));
            }
            case SS -> v.ss().forEach(s -> out.accept(path, s));
            case NS -> v.ns().forEach(n -> out.accept(path, n));
            case BS -> v.bs().forEach(b -> out.accept(path, binaryText(b)));
            case M ->
                v.m().forEach((k, e) -> {
                    out.accept(path, k);
                    walk(e, path == null ? null : path + "." + k, out);
                });
            case L -> {
                for (int i = 0; i < v.l().size(); i++)
                    walk(v.l().get(i), path == null ? null : path + "[" + i + "]", out);
            }
            default -> {
                // BOOL, NUL: nothing personal
            }
        }
    }

    private static String binaryText(SdkBytes bytes) {
        byte[] b = bytes.asByteArrayUnsafe();
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                out.write(buffer, 0, n);
            }
            if (inflater.finished()) b = out.toByteArray();
        } catch (DataFormatException notDeflated) {
            // read as it is
        } finally {
            inflater.end();
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
