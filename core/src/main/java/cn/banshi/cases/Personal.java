package cn.banshi.cases;

import cn.banshi.notifications.NotifyChoice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything in a case that identifies a person; only authorised roles see it unmasked. Hotline cases, disputes and
 * petitions have a {@code submitter} (disputes also the other {@code parties}), information requests an
 * {@code applicant}; a {@code location} is optional. Absent parts are null, so that the stored item keeps its shape.
 * {@code followers} are the other citizens who follow the case instead of filing the same matter again (issue 19),
 * empty for most cases. {@code markedTexts} are the citizen's own words that staff marked as personal: for each
 * free-text part ({@link FreeText}) the text as it was before staff replaced the personal parts in the case's visible
 * copy (docs/personal-data.md); empty for most cases.
 */
public record Personal(
        Person submitter,
        List<Person> parties,
        Applicant applicant,
        Location location,
        Contact contact,
        List<Follower> followers,
        Map<FreeText, String> markedTexts) {

    public Personal {
        parties = parties == null ? null : List.copyOf(parties);
        followers = followers == null ? List.of() : List.copyOf(followers);
        markedTexts = markedTexts == null || markedTexts.isEmpty() ? Map.of() : Map.copyOf(markedTexts);
    }

    public Personal(
            Person submitter,
            List<Person> parties,
            Applicant applicant,
            Location location,
            Contact contact,
            List<Follower> followers) {
        this(submitter, parties, applicant, location, contact, followers, Map.of());
    }

    public Personal(Person submitter, List<Person> parties, Applicant applicant, Location location, Contact contact) {
        this(submitter, parties, applicant, location, contact, List.of());
    }

    public Personal(Person submitter, List<Person> parties, Applicant applicant, Location location) {
        this(submitter, parties, applicant, location, null);
    }

    public Personal withContact(Contact next) {
        return new Personal(submitter, parties, applicant, location, next, followers, markedTexts);
    }

    public Personal withFollowers(List<Follower> next) {
        return new Personal(submitter, parties, applicant, location, contact, next, markedTexts);
    }

    public static Personal ofSubmitter(Person submitter) {
        return new Personal(submitter, null, null, null);
    }

    public static Personal ofApplicant(Applicant applicant) {
        return new Personal(null, null, applicant, null);
    }

    public Personal withParties(List<Person> next) {
        return new Personal(submitter, next, applicant, location, contact, followers, markedTexts);
    }

    public Personal withLocation(Location next) {
        return new Personal(submitter, parties, applicant, next, contact, followers, markedTexts);
    }

    /**
     * With {@code original} kept as the citizen's words of {@code part}, unless an earlier mark of that part kept them
     * already (a second mark redacts the visible copy further; the words kept stay the citizen's).
     */
    public Personal withMarkedText(FreeText part, String original) {
        if (markedTexts.containsKey(part)) return this;
        Map<FreeText, String> next = new EnumMap<>(FreeText.class);
        next.putAll(markedTexts);
        next.put(part, original);
        return new Personal(submitter, parties, applicant, location, contact, followers, next);
    }

    /**
     * What is kept when the personal attributes are erased: that there was a submitter and whether they were anonymous,
     * how many parties and their roles, the applicant's kind; no name, phone, e-mail, address, ID or credit-code number,
     * organisation, location, contact choice or marked text. Applied to itself it changes nothing.
     */
    public Personal erased() {
        Person keptSubmitter = submitter == null ? null : submitter.erased();
        List<Person> keptParties =
                parties == null ? null : parties.stream().map(Person::erased).toList();
        Applicant keptApplicant = applicant == null
                ? null
                : new Applicant(applicant.kind(), null, null, null, null, null, null, null, null);
        return new Personal(keptSubmitter, keptParties, keptApplicant, null, null);
    }

    /** The submitter's or applicant's phone, the one messages go to (null when there is none). */
    public String contactPhone() {
        if (applicant != null) return applicant.phone();
        return submitter == null ? null : submitter.phone();
    }

    /** The e-mail address messages go to: the one given with the choice, else the applicant's (null when none). */
    public String contactEmail() {
        if (contact != null && contact.email() != null) return contact.email();
        return applicant == null ? null : applicant.email();
    }

    /**
     * A submitter or another party of a dispute. {@code anonymous} is set for submitters (and, in the demo data, for
     * parties too); {@code role} only for parties. Name and phone may be missing for an anonymous submitter.
     */
    public record Person(String name, String phone, Boolean anonymous, String role) {
        Person erased() {
            return new Person(null, null, anonymous, role);
        }
    }

    /**
     * The applicant of an information request: a natural person ({@code name}, {@code idType}, {@code idNumber}) or an
     * organisation ({@code organization}, {@code creditCode}, optionally a contact {@code name}).
     */
    public record Applicant(
            String kind,
            String name,
            String idType,
            String idNumber,
            String organization,
            String creditCode,
            String phone,
            String email,
            String address) {}

    /**
     * How the submitter (or applicant) chose to be told about the case's steps, and the submitter's e-mail address (an
     * applicant's is in {@link Applicant}). Absent on cases stored before the choice existed: they get nothing.
     */
    public record Contact(NotifyChoice choice, String email) {}

    /**
     * Where the matter is. Coordinates keep the stored number exactly ({@code 31.45} stays {@code 31.45}); both or
     * neither are set.
     */
    public record Location(String address, BigDecimal lat, BigDecimal lng) {}

    /**
     * A citizen who follows the case (issue 19): told the case's public steps like its filer, on the channels of
     * {@code choice}. {@code id} ({@code f1}, {@code f2}…) names the follower in the messages' ids; {@code phone} is
     * canonical (or null), {@code email} may be null; {@code since} is when they began to follow.
     */
    public record Follower(String id, NotifyChoice choice, String phone, String email, Instant since) {}
}
