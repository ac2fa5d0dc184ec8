package cn.banshi.intake;

import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.CaseType;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Validates {@code POST /towns/{town}/complaints}: complaints, help, enquiries, suggestions, disputes and
 * petitions. Anonymous submissions are allowed except for disputes and petitions, which need a party
 * the town can contact; only disputes carry the other {@code parties}.
 */
public final class ComplaintForms {
    public static final Set<String> TYPES = Set.of("complaint", "help", "enquiry", "suggestion", "dispute", "petition");
    static final String[] PUBLIC_FIELDS = {"type", "category", "village", "title", "description", "location", "submitter", "parties"};

    private ComplaintForms() {}

    public static CaseForm parse(JsonNode body, Catalog catalog, String... extraFields) {
        Fields f = Fields.root(body).allowOnly(concat(PUBLIC_FIELDS, extraFields));
        CaseType type = CaseType.fromCode(f.requiredCode("type", TYPES));
        String category = f.requiredString("category", 1, 64);
        if (catalog.limitFor(category, type).isEmpty()) throw Errors.unknownCategory("category");
        String village = f.optionalString("village", 1, 64).orElse(null);
        if (village != null && catalog.village(village).isEmpty()) throw Errors.unknownVillage("village");
        String title = f.requiredString("title", 2, 100);
        String description = f.requiredText("description", 5, 5000);

        ObjectNode personal = Json.object();
        f.optionalObject("location").ifPresent(location -> {
            location.allowOnly("address", "lat", "lng");
            ObjectNode out = personal.putObject("location");
            location.optionalString("address", 2, 200).ifPresent(a -> out.put("address", a));
            var lat = location.optionalNumber("lat", -90, 90);
            var lng = location.optionalNumber("lng", -180, 180);
            if (lat.isPresent() != lng.isPresent()) {
                throw Errors.required(location.path(lat.isPresent() ? "lng" : "lat"));
            }
            lat.ifPresent(v -> out.put("lat", v));
            lng.ifPresent(v -> out.put("lng", v));
        });

        Fields submitter = f.requiredObject("submitter").allowOnly("name", "phone", "anonymous");
        boolean anonymous = submitter.optionalBoolean("anonymous").orElse(false);
        boolean mustIdentify = type == CaseType.DISPUTE || type == CaseType.PETITION;
        if (anonymous && mustIdentify) {
            throw Errors.notAllowed(submitter.path("anonymous"), "矛盾纠纷调解申请和信访事项不能匿名提交",
                    "Dispute mediation requests and petitions cannot be anonymous");
        }
        ObjectNode person = personal.putObject("submitter");
        person.put("anonymous", anonymous);
        var name = anonymous ? submitter.optionalString("name", 1, 50) : java.util.Optional.of(submitter.requiredString("name", 1, 50));
        var phone = anonymous ? submitter.optionalPhone("phone") : java.util.Optional.of(submitter.requiredPhone("phone"));
        name.ifPresent(n -> person.put("name", n));
        phone.ifPresent(p -> person.put("phone", p));

        if (type == CaseType.DISPUTE) {
            List<Fields> parties = f.objectArray("parties", 1, 20);
            ArrayNode out = personal.putArray("parties");
            for (Fields party : parties) {
                party.allowOnly("name", "phone", "role");
                ObjectNode p = out.addObject();
                p.put("name", party.requiredString("name", 1, 50));
                party.optionalPhone("phone").ifPresent(v -> p.put("phone", v));
                party.optionalString("role", 1, 50).ifPresent(v -> p.put("role", v));
            }
        } else {
            f.forbid("parties", "只有矛盾纠纷调解申请需要填写其他当事人", "Only dispute mediation requests have other parties");
        }
        return new CaseForm(type, category, village, title, description, personal, Json.object());
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
