package cn.banshi.cases;

import cn.banshi.cases.Personal.Applicant;
import cn.banshi.cases.Personal.Contact;
import cn.banshi.cases.Personal.Follower;
import cn.banshi.cases.Personal.Location;
import cn.banshi.cases.Personal.Person;
import cn.banshi.notifications.NotifyChoice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps {@link Personal} to the item's {@code personal} map and back. {@code markedTexts} ({@value #MARKED_TEXTS}: part
 * code → the citizen's words) is written only when staff marked a text, so other items keep their shape.
 */
public final class PersonalItems {
    public static final String MARKED_TEXTS = "markedTexts";

    private PersonalItems() {}

    public static AttributeValue toAttribute(Personal p) {
        List<AttributeValue> parties = null;
        if (p.parties() != null) {
            parties = new ArrayList<>();
            for (Person party : p.parties()) parties.add(person(party));
        }
        List<AttributeValue> followers = null;
        if (!p.followers().isEmpty()) {
            followers = new ArrayList<>();
            for (Follower f : p.followers()) followers.add(follower(f));
        }
        return new ItemWriter()
                .put("submitter", p.submitter() == null ? null : person(p.submitter()))
                .put("parties", parties)
                .put("applicant", p.applicant() == null ? null : applicant(p.applicant()))
                .put("location", p.location() == null ? null : location(p.location()))
                .put("contact", p.contact() == null ? null : contact(p.contact()))
                .put("followers", followers)
                .put(MARKED_TEXTS, markedTexts(p.markedTexts()))
                .build();
    }

    private static AttributeValue markedTexts(Map<FreeText, String> texts) {
        if (texts.isEmpty()) return null;
        ItemWriter w = new ItemWriter();
        for (FreeText part : FreeText.values()) w.put(part.code(), texts.get(part));
        return w.build();
    }

    private static Map<FreeText, String> markedTexts(ItemReader r) {
        Map<FreeText, String> texts = new EnumMap<>(FreeText.class);
        if (r == null) return texts;
        for (FreeText part : FreeText.values()) {
            if (r.has(part.code())) texts.put(part, r.string(part.code()));
        }
        return texts;
    }

    public static Personal fromAttribute(AttributeValue value) {
        ItemReader r = ItemReader.of(value);
        List<Person> parties = null;
        if (r.has("parties")) {
            parties = new ArrayList<>();
            for (AttributeValue v : r.list("parties")) parties.add(person(ItemReader.of(v)));
        }
        ItemReader submitter = r.object("submitter");
        ItemReader applicant = r.object("applicant");
        ItemReader location = r.object("location");
        ItemReader contact = r.object("contact");
        List<Follower> followers = new ArrayList<>();
        if (r.has("followers")) {
            for (AttributeValue v : r.list("followers")) followers.add(follower(ItemReader.of(v)));
        }
        return new Personal(
                submitter == null ? null : person(submitter),
                parties,
                applicant == null ? null : applicant(applicant),
                location == null
                        ? null
                        : new Location(location.string("address"), location.decimal("lat"), location.decimal("lng")),
                contact == null
                        ? null
                        : new Contact(NotifyChoice.fromCode(contact.string("notify")), contact.string("email")),
                followers,
                markedTexts(r.object(MARKED_TEXTS)));
    }

    private static AttributeValue follower(Follower f) {
        return new ItemWriter()
                .put("id", f.id())
                .put("notify", f.choice().code())
                .put("phone", f.phone())
                .put("email", f.email())
                .put("since", f.since().toString())
                .build();
    }

    private static Follower follower(ItemReader r) {
        return new Follower(
                r.string("id"),
                NotifyChoice.fromCode(r.string("notify")),
                r.string("phone"),
                r.string("email"),
                Instant.parse(r.string("since")));
    }

    private static AttributeValue contact(Contact n) {
        return new ItemWriter()
                .put("notify", n.choice().code())
                .put("email", n.email())
                .build();
    }

    private static AttributeValue person(Person p) {
        return new ItemWriter()
                .put("name", p.name())
                .put("phone", p.phone())
                .put("anonymous", p.anonymous())
                .put("role", p.role())
                .build();
    }

    private static Person person(ItemReader r) {
        return new Person(r.string("name"), r.string("phone"), r.bool("anonymous"), r.string("role"));
    }

    private static AttributeValue applicant(Applicant a) {
        return new ItemWriter()
                .put("kind", a.kind())
                .put("name", a.name())
                .put("idType", a.idType())
                .put("idNumber", a.idNumber())
                .put("organization", a.organization())
                .put("creditCode", a.creditCode())
                .put("phone", a.phone())
                .put("email", a.email())
                .put("address", a.address())
                .build();
    }

    private static Applicant applicant(ItemReader r) {
        return new Applicant(
                r.string("kind"),
                r.string("name"),
                r.string("idType"),
                r.string("idNumber"),
                r.string("organization"),
                r.string("creditCode"),
                r.string("phone"),
                r.string("email"),
                r.string("address"));
    }

    private static AttributeValue location(Location l) {
        return new ItemWriter()
                .put("address", l.address())
                .put("lat", l.lat())
                .put("lng", l.lng())
                .build();
    }
}
