package cn.banshi.notifications;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of every message, kept as data in {@code templates.json} (one file, reviewed like code): an SMS template
 * as registered with the provider (the town's signature 【…人民政府】 in front) and an e-mail subject and body.
 */
public final class MessageTemplates {
    private static final String RESOURCE = "/cn/banshi/notifications/templates.json";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z]+)}");
    /** One SMS holds 70 characters, signature included; a longer text goes in segments of 67. */
    public static final int SINGLE_SEGMENT = 70;

    public static final int MULTI_SEGMENT = 67;

    private static volatile MessageTemplates bundled;

    private final Map<String, Template> templates;
    private final Map<String, Integer> smsVariables;

    /** One message kind: the SMS template (as registered) and the e-mail's subject and body. */
    public record Template(String kind, String sms, String subject, String body) {}

    /** A rendered e-mail. */
    public record EmailText(String subject, String body) {}

    MessageTemplates(JsonNode root) {
        Map<String, Template> t = new LinkedHashMap<>();
        root.get("templates")
                .fields()
                .forEachRemaining(e -> t.put(
                        e.getKey(),
                        new Template(
                                e.getKey(),
                                e.getValue().get("sms").asText(),
                                e.getValue().get("subject").asText(),
                                e.getValue().get("body").asText())));
        Map<String, Integer> v = new LinkedHashMap<>();
        root.get("smsVariables")
                .fields()
                .forEachRemaining(e -> v.put(e.getKey(), e.getValue().asInt()));
        this.templates = Map.copyOf(t);
        this.smsVariables = Map.copyOf(v);
    }

    public static MessageTemplates bundled() {
        MessageTemplates t = bundled;
        if (t == null) {
            try (InputStream in = MessageTemplates.class.getResourceAsStream(RESOURCE)) {
                t = new MessageTemplates(Json.parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = t;
        }
        return t;
    }

    public Template template(String kind) {
        Template t = templates.get(kind);
        if (t == null) throw new IllegalArgumentException("No message template " + kind);
        return t;
    }

    public Set<String> kinds() {
        return templates.keySet();
    }

    /** The variables an SMS template may use, with the longest value each can have. */
    public Map<String, Integer> smsVariables() {
        return smsVariables;
    }

    /** The signature a town registers: 【高塍镇人民政府】. */
    public static String signature(String townName) {
        return "【" + townName + "人民政府】";
    }

    /** The SMS as the phone shows it: the signature, then the template filled in. */
    public String sms(String kind, String townName, Map<String, String> params) {
        return signature(townName) + fill(template(kind).sms(), params);
    }

    public EmailText email(String kind, String townName, Map<String, String> params) {
        Template t = template(kind);
        String body = fill(t.body(), params) + "\n" + townName + "人民政府\n\n（本邮件由系统自动发送，请勿直接回复。）\n";
        return new EmailText(fill(t.subject(), params), body);
    }

    /** The SMS segments a text is billed as: one up to 70 characters, else one per 67. */
    public static int segments(String text) {
        int length = text.codePointCount(0, text.length());
        if (length <= SINGLE_SEGMENT) return 1;
        return (length + MULTI_SEGMENT - 1) / MULTI_SEGMENT;
    }

    /** The variables a text uses, in order. */
    public static Set<String> variables(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    static String fill(String text, Map<String, String> params) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) throw new IllegalArgumentException("Message variable " + m.group(1) + " missing");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
