package cn.banshi.validation;

import cn.banshi.errors.Errors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one validation approach: a reader over a JSON object that checks each field as it is read and throws
 * an {@link cn.banshi.errors.ApiException} naming the offending field (dotted path, e.g.
 * {@code submitter.phone}). Unknown fields are refused so that a typo is never silently dropped.
 */
public final class Fields {
    private final ObjectNode node;
    private final String path;

    private Fields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static Fields root(JsonNode body) {
        if (body == null || !body.isObject()) throw Errors.wrongType("body", "JSON 对象", "a JSON object");
        return new Fields((ObjectNode) body, "");
    }

    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public Fields allowOnly(String... names) {
        Set<String> allowed = Set.of(names);
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (!allowed.contains(name)) throw Errors.unknownField(path(name));
        }
        return this;
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** Refuses a field that this kind of request must not carry. */
    public void forbid(String name, String whyZh, String whyEn) {
        if (has(name)) throw Errors.notAllowed(path(name), whyZh, whyEn);
    }

    public String requiredString(String name, int min, int max) {
        return optionalString(name, min, max, false).orElseThrow(() -> Errors.required(path(name)));
    }

    public Optional<String> optionalString(String name, int min, int max) {
        return optionalString(name, min, max, false);
    }

    public String requiredText(String name, int min, int max) {
        return optionalString(name, min, max, true).orElseThrow(() -> Errors.required(path(name)));
    }

    private Optional<String> optionalString(String name, int min, int max, boolean multiline) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isTextual()) throw Errors.wrongType(path(name), "字符串", "a string");
        String text = value.textValue().strip();
        if (text.isEmpty()) throw Errors.blank(path(name));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowedControl = multiline && (c == '\n' || c == '\r' || c == '\t');
            if ((Character.isISOControl(c) && !allowedControl)
                    || c == '\u2028'
                    || c == '\u2029'
                    || (Character.isSurrogate(c) && !validSurrogateAt(text, i))) {
                throw Errors.invalidFormat(path(name), "包含不允许的控制字符", "Contains control characters");
            }
        }
        int length = text.codePointCount(0, text.length());
        if (length > max) throw Errors.tooLong(path(name), max);
        if (length < min) throw Errors.tooShort(path(name), min);
        return Optional.of(text);
    }

    private static boolean validSurrogateAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    public String requiredCode(String name, Set<String> allowed) {
        return optionalCode(name, allowed).orElseThrow(() -> Errors.required(path(name)));
    }

    public Optional<String> optionalCode(String name, Set<String> allowed) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isTextual()) throw Errors.wrongType(path(name), "字符串", "a string");
        if (!allowed.contains(value.textValue())) {
            throw Errors.invalidValue(path(name), String.join(", ", new TreeSet<>(allowed)));
        }
        return Optional.of(value.textValue());
    }

    public Optional<Boolean> optionalBoolean(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isBoolean()) throw Errors.wrongType(path(name), "布尔值 true/false", "a boolean");
        return Optional.of(value.booleanValue());
    }

    public Optional<Double> optionalNumber(String name, double min, double max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isNumber()) throw Errors.wrongType(path(name), "数字", "a number");
        double d = value.doubleValue();
        if (!Double.isFinite(d) || d < min || d > max) {
            throw Errors.outOfRange(path(name), min + " ~ " + max, min + " to " + max);
        }
        return Optional.of(d);
    }

    public int requiredInt(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) throw Errors.required(path(name));
        if (!value.isIntegralNumber()) throw Errors.wrongType(path(name), "整数", "an integer");
        if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            throw Errors.outOfRange(path(name), min + " ~ " + max, min + " to " + max);
        }
        return value.intValue();
    }

    /** An ISO date (yyyy-MM-dd), between the years 2000 and 2100. */
    public Optional<LocalDate> optionalDate(String name) {
        Optional<String> raw = optionalString(name, 10, 10);
        if (raw.isEmpty()) return Optional.empty();
        try {
            LocalDate date = LocalDate.parse(raw.get());
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                throw Errors.outOfRange(path(name), "2000 ~ 2100 年", "years 2000 to 2100");
            }
            return Optional.of(date);
        } catch (DateTimeParseException e) {
            throw Errors.invalidFormat(path(name), "日期格式应为 YYYY-MM-DD", "Date must be YYYY-MM-DD");
        }
    }

    public LocalDate requiredDate(String name) {
        return optionalDate(name).orElseThrow(() -> Errors.required(path(name)));
    }

    /** A non-negative decimal with at most {@code maxScale} decimal places (amounts such as 万元). */
    public BigDecimal requiredDecimal(String name, BigDecimal max, int maxScale) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) throw Errors.required(path(name));
        if (!value.isNumber()) throw Errors.wrongType(path(name), "数字", "a number");
        BigDecimal d = value.decimalValue().stripTrailingZeros();
        if (d.signum() < 0 || d.compareTo(max) > 0) {
            throw Errors.outOfRange(path(name), "0 ~ " + max.toPlainString(), "0 to " + max.toPlainString());
        }
        if (d.scale() > maxScale) {
            throw Errors.invalidFormat(
                    path(name), "最多保留 " + maxScale + " 位小数", "At most " + maxScale + " decimal places");
        }
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** An integer from a path or query parameter (not JSON); {@code field} names it in the error. */
    /**
     * The one way a year is read from a path or query parameter: four digits ({@code INVALID_FORMAT} otherwise), then
     * within {@code min}..{@code max} ({@code OUT_OF_RANGE}).
     */
    public static int yearParam(String field, String raw, int min, int max) {
        if (raw == null || !raw.matches("[0-9]{4}")) {
            throw Errors.invalidFormat(field, "年份应为四位数字", "year must be a four-digit number");
        }
        int year = Integer.parseInt(raw);
        if (year < min || year > max) throw Errors.outOfRange(field, min + " ~ " + max, min + " to " + max);
        return year;
    }

    public static int intParam(String field, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) throw Errors.required(field);
        if (!raw.matches("[0-9]{1,9}")) throw Errors.wrongType(field, "整数", "an integer");
        int value = Integer.parseInt(raw);
        if (value < min || value > max) throw Errors.outOfRange(field, min + " ~ " + max, min + " to " + max);
        return value;
    }

    public Optional<Fields> optionalObject(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isObject()) throw Errors.wrongType(path(name), "JSON 对象", "an object");
        return Optional.of(new Fields((ObjectNode) value, path(name)));
    }

    public Fields requiredObject(String name) {
        return optionalObject(name).orElseThrow(() -> Errors.required(path(name)));
    }

    public List<Fields> objectArray(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (min > 0) throw Errors.required(path(name));
            return List.of();
        }
        if (!value.isArray()) throw Errors.wrongType(path(name), "数组", "an array");
        if (value.size() > max) {
            throw Errors.outOfRange(path(name), "最多 " + max + " 项", "at most " + max + " entries");
        }
        if (value.size() < min) throw Errors.required(path(name));
        List<Fields> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = path(name) + "[" + i + "]";
            if (!element.isObject()) throw Errors.wrongType(elementPath, "JSON 对象", "an object");
            result.add(new Fields((ObjectNode) element, elementPath));
        }
        return result;
    }

    /** A mainland mobile or landline number, returned in canonical form. */
    public Optional<String> optionalPhone(String name) {
        Optional<String> raw = optionalString(name, 5, 32);
        if (raw.isEmpty()) return raw;
        if (!ChineseIds.isPhone(raw.get())) throw Errors.invalidPhone(path(name));
        return Optional.of(ChineseIds.normalizePhone(raw.get()));
    }

    public String requiredPhone(String name) {
        return optionalPhone(name).orElseThrow(() -> Errors.required(path(name)));
    }

    public Optional<String> optionalEmail(String name) {
        Optional<String> raw = optionalString(name, 3, 254);
        if (raw.isPresent() && !EMAIL.matcher(raw.get()).matches()) throw Errors.invalidEmail(path(name));
        return raw;
    }

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}");

    public static Set<String> setOf(String... values) {
        return Set.copyOf(Arrays.asList(values));
    }
}
