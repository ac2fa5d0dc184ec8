package cn.banshi.cases;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything in a case that identifies a person; only authorised roles see it unmasked. Hotline cases, disputes and
 * petitions have a {@code submitter} (disputes also the other {@code parties}), information requests an
 * {@code applicant}; a {@code location} is optional. Absent parts are null, so that the stored item keeps its shape.
 */
public record Personal(Person submitter, List<Person> parties, Applicant applicant, Location location) {

    public Personal {
        parties = parties == null ? null : List.copyOf(parties);
    }

    public static Personal ofSubmitter(Person submitter) {
        return new Personal(submitter, null, null, null);
    }

    public static Personal ofApplicant(Applicant applicant) {
        return new Personal(null, null, applicant, null);
    }

    public Personal withParties(List<Person> next) {
        return new Personal(submitter, next, applicant, location);
    }

    public Personal withLocation(Location next) {
        return new Personal(submitter, parties, applicant, next);
    }

    /**
     * A submitter or another party of a dispute. {@code anonymous} is set for submitters (and, in the demo data, for
     * parties too); {@code role} only for parties. Name and phone may be missing for an anonymous submitter.
     */
    public record Person(String name, String phone, Boolean anonymous, String role) {}

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
     * Where the matter is. Coordinates keep the stored number exactly ({@code 31.45} stays {@code 31.45}); both or
     * neither are set.
     */
    public record Location(String address, BigDecimal lat, BigDecimal lng) {}
}
