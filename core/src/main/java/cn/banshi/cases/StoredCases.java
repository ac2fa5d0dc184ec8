package cn.banshi.cases;

import cn.banshi.cases.Personal.Person;
import cn.banshi.personaldata.Beacons;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.ProtectedAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A case as stored: {@link CaseItems}' item with its personal data sealed ({@link PersonalData}), and the beacons
 * under which the people index files it (its phones, ID number and credit code).
 */
public final class StoredCases {
    private final PersonalData personalData;

    public StoredCases(PersonalData personalData) {
        this.personalData = personalData;
    }

    /**
     * Cases whose personal data passes through unopened: read into {@link CaseRecord#sealedPersonal()} and written
     * back as it was read, without any key (the functions that may not decrypt; docs/personal-data.md).
     */
    public static StoredCases unopened() {
        return new StoredCases(null);
    }

    /** Whether this reads and writes personal data without opening it. */
    public boolean isUnopened() {
        return personalData == null;
    }

    public Map<String, AttributeValue> toItem(CaseRecord record) {
        Map<String, AttributeValue> item = CaseItems.toItem(record);
        return personalData == null ? item : personalData.seal(ProtectedAttributes.CASES, item);
    }

    /** The record of a stored item, sealed or (before the migration) plaintext. */
    public CaseRecord fromItem(Map<String, AttributeValue> item) {
        return CaseItems.fromItem(personalData == null ? item : personalData.open(ProtectedAttributes.CASES, item));
    }

    /** The beacons of the phones and ID numbers in the case (submitter, parties, applicant). */
    public List<String> beacons(CaseRecord record) {
        return beacons(record.town(), record.personal());
    }

    /** The beacons of a case's personal data in its town. */
    public List<String> beacons(String town, Personal p) {
        if (personalData == null) throw new IllegalStateException("cases read unopened have no beacons");
        Beacons b = personalData.beacons();
        List<String> out = new ArrayList<>();
        if (p == null) return out;
        if (p.submitter() != null) add(out, b.phone(town, p.submitter().phone()));
        if (p.parties() != null) for (Person party : p.parties()) add(out, b.phone(town, party.phone()));
        if (p.applicant() != null) {
            add(out, b.phone(town, p.applicant().phone()));
            add(out, b.id(town, p.applicant().idNumber()));
            add(out, b.id(town, p.applicant().creditCode()));
        }
        return out;
    }

    private static void add(List<String> out, String beacon) {
        if (beacon != null && !out.contains(beacon)) out.add(beacon);
    }
}
