package cn.banshi.staff;

import cn.banshi.cases.Personal;
import cn.banshi.cases.Personal.Applicant;
import cn.banshi.cases.Personal.Location;
import cn.banshi.cases.Personal.Person;
import cn.banshi.validation.ChineseIds;
import java.util.List;

/** Personal data as auditors see it: names to the surname, phones and ID numbers to their ends, addresses hidden. */
public final class PersonalMasks {
    private PersonalMasks() {}

    public static Personal mask(Personal p) {
        List<Person> parties = p.parties() == null
                ? null
                : p.parties().stream().map(PersonalMasks::mask).toList();
        return new Personal(
                p.submitter() == null ? null : mask(p.submitter()),
                parties,
                p.applicant() == null ? null : mask(p.applicant()),
                p.location() == null ? null : new Location(hidden(p.location().address()), null, null));
    }

    private static Person mask(Person p) {
        return new Person(maskName(p.name()), maskPhone(p.phone()), p.anonymous(), p.role());
    }

    private static Applicant mask(Applicant a) {
        return new Applicant(
                a.kind(),
                maskName(a.name()),
                a.idType(),
                a.idNumber() == null ? null : ChineseIds.maskIdNumber(a.idNumber()),
                a.organization(),
                a.creditCode(),
                maskPhone(a.phone()),
                a.email() == null ? null : a.email().replaceAll("^(.).*(@.*)$", "$1***$2"),
                hidden(a.address()));
    }

    private static String maskName(String name) {
        return name == null ? null : ChineseIds.maskName(name);
    }

    private static String maskPhone(String phone) {
        return phone == null ? null : ChineseIds.maskPhone(phone);
    }

    private static String hidden(String address) {
        return address == null ? null : "***";
    }
}
