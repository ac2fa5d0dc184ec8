package cn.banshi.intake;

import cn.banshi.cases.CaseDetails;
import cn.banshi.cases.Personal;
import cn.banshi.cases.Personal.Location;
import cn.banshi.cases.Personal.Person;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalog;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates {@code POST /towns/{town}/complaints}: complaints, help, enquiries, suggestions, disputes and
 * petitions. Anonymous submissions are allowed except for disputes and petitions, which need a party
 * the town can contact; only disputes carry the other {@code parties}.
 */
public final class ComplaintForms {
    public static final Set<String> TYPES = Set.of("complaint", "help", "enquiry", "suggestion", "dispute", "petition");
    static final String[] PUBLIC_FIELDS = {
        "type", "category", "village", "title", "description", "location", "submitter", "parties"
    };

    private ComplaintForms() {}

    public static CaseForm parse(Fields body, Catalog catalog, String... extraFields) {
        Fields f = body.allowOnly(concat(PUBLIC_FIELDS, extraFields));
        CaseType type = CaseType.fromCode(f.requiredCode("type", TYPES));
        String category = f.requiredString("category", 1, 64);
        if (catalog.limitFor(category, type).isEmpty()) throw Errors.unknownCategory("category");
        String village = f.optionalString("village", 1, 64).orElse(null);
        if (village != null && catalog.village(village).isEmpty()) throw Errors.unknownVillage("village");
        String title = f.requiredString("title", 2, 100);
        String description = f.requiredText("description", 5, 5000);

        Location place =
                f.optionalObject("location").map(ComplaintForms::location).orElse(null);

        Fields submitter = f.requiredObject("submitter").allowOnly("name", "phone", "email", "notify", "anonymous");
        boolean anonymous = submitter.optionalBoolean("anonymous").orElse(false);
        boolean mustIdentify = type == CaseType.DISPUTE || type == CaseType.PETITION;
        if (anonymous && mustIdentify) {
            throw Errors.notAllowed(
                    submitter.path("anonymous"),
                    "矛盾纠纷调解申请和信访事项不能匿名提交",
                    "Dispute mediation requests and petitions cannot be anonymous");
        }
        Optional<String> name = anonymous
                ? submitter.optionalString("name", 1, 50)
                : Optional.of(submitter.requiredString("name", 1, 50));
        Optional<String> phone =
                anonymous ? submitter.optionalPhone("phone") : Optional.of(submitter.requiredPhone("phone"));
        String email = submitter.optionalEmail("email").orElse(null);
        Personal personal = Personal.ofSubmitter(new Person(name.orElse(null), phone.orElse(null), anonymous, null))
                .withLocation(place)
                .withContact(ContactForms.parse(submitter, phone.orElse(null), email, anonymous, true));

        if (type == CaseType.DISPUTE) {
            List<Person> parties = new ArrayList<>();
            for (Fields party : f.objectArray("parties", 1, 20)) {
                party.allowOnly("name", "phone", "role");
                String partyName = party.requiredString("name", 1, 50);
                parties.add(new Person(
                        partyName,
                        party.optionalPhone("phone").orElse(null),
                        null,
                        party.optionalString("role", 1, 50).orElse(null)));
            }
            personal = personal.withParties(parties);
        } else {
            f.forbid("parties", "只有矛盾纠纷调解申请需要填写其他当事人", "Only dispute mediation requests have other parties");
        }
        return new CaseForm(type, category, village, title, description, personal, CaseDetails.empty(type));
    }

    /** Address and coordinates; coordinates keep the number as given (both or neither). */
    private static Location location(Fields location) {
        location.allowOnly("address", "lat", "lng");
        String address = location.optionalString("address", 2, 200).orElse(null);
        Optional<Double> lat = location.optionalNumber("lat", -90, 90);
        Optional<Double> lng = location.optionalNumber("lng", -180, 180);
        if (lat.isPresent() != lng.isPresent()) {
            throw Errors.required(location.path(lat.isPresent() ? "lng" : "lat"));
        }
        return new Location(
                address,
                lat.map(BigDecimal::valueOf).orElse(null),
                lng.map(BigDecimal::valueOf).orElse(null));
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
