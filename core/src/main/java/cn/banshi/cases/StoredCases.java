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

    public Map<String, AttributeValue> toItem(CaseRecord record) {
        return personalData.seal(ProtectedAttributes.CASES, CaseItems.toItem(record));
    }

    /** The record of a stored item, sealed or (before the migration) plaintext. */
    public CaseRecord fromItem(Map<String, AttributeValue> item) {
        return CaseItems.fromItem(personalData.open(ProtectedAttributes.CASES, item));
    }

    /** The beacons of the phones and ID numbers in the case (submitter, parties, applicant). */
    public List<String> beacons(CaseRecord record) {
        return beacons(record.town(), record.personal());
    }

    /** The beacons of a case's personal data in its town. */
    public List<String> beacons(String town, Personal p) {
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
