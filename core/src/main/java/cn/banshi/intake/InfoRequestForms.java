package cn.banshi.intake;

import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.cases.Personal;
import cn.banshi.catalog.CaseType;
import cn.banshi.errors.Errors;
import cn.banshi.validation.ChineseIds;
import cn.banshi.validation.Fields;
import java.util.Locale;
import java.util.Set;

/**
 * Validates {@code POST /towns/{town}/info-requests}, the statutory application form for government
 * information (政府信息公开申请表): natural persons give name and ID; organisations give their name and
 * unified social credit code (with a contact person's name optional).
 */
public final class InfoRequestForms {
    public static final String NATURAL_PERSON = "natural-person";
    public static final Set<String> APPLICANT_KINDS = Set.of(
            NATURAL_PERSON,
            "commercial-enterprise",
            "research-institution",
            "public-interest-org",
            "legal-service-org",
            "other-org");
    public static final Set<String> ID_TYPES = Set.of(
            "resident-id", "passport", "hk-macao-permit", "taiwan-permit", "foreign-permanent-resident", "other");
    public static final Set<String> FORMS = Set.of("electronic", "paper");
    public static final Set<String> DELIVERIES = Set.of("online", "email", "post", "pickup");
    /** The category under which information requests are filed (the catalog has no categories for them). */
    public static final String CATEGORY = "government-information";

    static final String[] PUBLIC_FIELDS = {"applicant", "description", "form", "delivery"};

    private InfoRequestForms() {}

    public static CaseForm parse(Fields body, String... extraFields) {
        Fields f = body.allowOnly(ComplaintForms.concat(PUBLIC_FIELDS, extraFields));
        Fields a = f.requiredObject("applicant");
        String kind = a.requiredCode("kind", APPLICANT_KINDS);
        String name = null;
        String idType = null;
        String idNumber = null;
        String organization = null;
        String creditCode = null;
        if (NATURAL_PERSON.equals(kind)) {
            a.allowOnly("kind", "name", "idType", "idNumber", "phone", "email", "notify", "address");
            name = a.requiredString("name", 1, 50);
            idType = a.requiredCode("idType", ID_TYPES);
            idNumber = a.requiredString("idNumber", 3, 32);
            if ("resident-id".equals(idType)) {
                if (!ChineseIds.isResidentIdNumber(idNumber)) throw Errors.invalidIdNumber(a.path("idNumber"));
                idNumber = idNumber.toUpperCase(Locale.ROOT);
            } else if (!idNumber.matches("[A-Za-z0-9()（）-]{3,32}")) {
                throw Errors.invalidFormat(
                        a.path("idNumber"),
                        "证件号码只能包含字母、数字和连字符",
                        "ID number may contain only letters, digits and dashes");
            }
        } else {
            a.allowOnly("kind", "organization", "creditCode", "name", "phone", "email", "notify", "address");
            organization = a.requiredString("organization", 2, 100);
            creditCode = a.requiredString("creditCode", 18, 18).toUpperCase(Locale.ROOT);
            if (!ChineseIds.isUnifiedSocialCreditCode(creditCode)) throw Errors.invalidCreditCode(a.path("creditCode"));
            name = a.optionalString("name", 1, 50).orElse(null);
        }
        String phone = a.requiredPhone("phone");
        String email = a.optionalEmail("email").orElse(null);
        String address = a.optionalString("address", 2, 200).orElse(null);

        String description = f.requiredText("description", 5, 5000);
        String form = f.requiredCode("form", FORMS);
        String delivery = f.requiredCode("delivery", DELIVERIES);
        if ("email".equals(delivery) && email == null) throw Errors.required(a.path("email"));
        if ("post".equals(delivery) && address == null) throw Errors.required(a.path("address"));

        Personal personal = Personal.ofApplicant(new Personal.Applicant(
                        kind, name, idType, idNumber, organization, creditCode, phone, email, address))
                .withContact(ContactForms.parse(a, phone, email, false, false));
        InfoRequestDetails details = InfoRequestDetails.of(kind, form, delivery);
        String title = "政府信息公开申请";
        return new CaseForm(CaseType.INFO_REQUEST, CATEGORY, null, title, description, personal, details);
    }
}
