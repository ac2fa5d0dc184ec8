package cn.banshi.personaldata;

import cn.banshi.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;

/**
 * The bytes an attribute value is encrypted as: DynamoDB's own typed JSON ({@code {"M":{"name":{"S":"…"}}}}),
 * map keys sorted, so that a value decrypts to exactly the attribute it was (a number stays a number with its
 * digits, a string that looks like one stays a string).
 */
final class AttributeCodec {
    private static final JsonFactory FACTORY = Json.factory();

    private AttributeCodec() {}

    static byte[] encode(AttributeValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static AttributeValue decode(byte[] bytes) {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            p.nextToken();
            return read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator g, AttributeValue v) throws IOException {
        g.writeStartObject();
        switch (v.type()) {
            case S -> g.writeStringField("S", v.s());
            case N -> g.writeStringField("N", v.n());
            case BOOL -> g.writeBooleanField("BOOL", v.bool());
            case NUL -> g.writeBooleanField("NULL", true);
            case L -> {
                g.writeArrayFieldStart("L");
                for (AttributeValue e : v.l()) write(g, e);
                g.writeEndArray();
            }
            case M -> {
                g.writeObjectFieldStart("M");
                for (Map.Entry<String, AttributeValue> e : new TreeMap<>(v.m()).entrySet()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case SS -> {
                g.writeArrayFieldStart("SS");
                for (String s : v.ss()) g.writeString(s);
                g.writeEndArray();
            }
            default -> throw new IllegalArgumentException("not an encryptable attribute type: " + v.type());
        }
        g.writeEndObject();
    }

    private static AttributeValue read(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) throw new IOException("expected an object");
        String type = p.nextFieldName();
        p.nextToken();
        AttributeValue value = switch (type) {
            case "S" -> AttributeValue.fromS(p.getText());
            case "N" -> AttributeValue.fromN(p.getText());
            case "BOOL" -> AttributeValue.fromBool(p.getBooleanValue());
            case "NULL" -> AttributeValue.fromNul(true);
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(read(p));
                yield AttributeValue.fromL(list);
            }
            case "M" -> {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                String name;
                while ((name = p.nextFieldName()) != null) {
                    p.nextToken();
                    map.put(name, read(p));
                }
                yield AttributeValue.fromM(map);
            }
            case "SS" -> {
                List<String> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(p.getText());
                yield AttributeValue.fromSs(list);
            }
            default -> throw new IOException("unknown attribute type " + type);
        };
        p.nextToken(); // END_OBJECT of the typed wrapper
        return value;
    }
}
