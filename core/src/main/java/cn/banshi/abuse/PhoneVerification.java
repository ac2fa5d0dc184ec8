package cn.banshi.abuse;

import cn.banshi.cases.Personal;
import cn.banshi.catalog.Catalog;
import cn.banshi.errors.Errors;
import cn.banshi.intake.CaseForm;
import cn.banshi.validation.ChineseIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The {@value #FIELD} part of an online submission ({@code {"code": "123456"}}) and the rule of when it is needed: the
 * town's catalog lists the type under {@code phoneVerification} and the submission is not anonymous. Staff intake never
 * calls this.
 */
public final class PhoneVerification {
    public static final String FIELD = "verification";
    static final String CODE_FIELD = FIELD + ".code";
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");

    private PhoneVerification() {}

    /** Takes the field out of {@code body} (the case forms never see it) and validates its shape. */
    public static Optional<String> strip(JsonNode body) {
        if (!(body instanceof ObjectNode object)) return Optional.empty();
        JsonNode v = object.remove(FIELD);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isObject()) throw Errors.wrongType(FIELD, "对象", "object");
        for (Iterator<String> names = v.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("code")) throw Errors.unknownField(FIELD + "." + name);
        }
        JsonNode code = v.get("code");
        if (code == null || code.isNull()) throw Errors.required(CODE_FIELD);
        if (!code.isTextual()) throw Errors.wrongType(CODE_FIELD, "字符串", "string");
        if (!CODE.matcher(code.asText()).matches()) {
            throw Errors.invalidFormat(CODE_FIELD, "验证码为 6 位数字", "The code is 6 digits");
        }
        return Optional.of(code.asText());
    }

    /**
     * What the submission must pass before its case is written (given the idempotency reference): nothing when the
     * town does not ask for a code for this type or the submission is anonymous; else the code must be there and
     * match the submitter's (applicant's) mobile number, and is consumed.
     */
    public static Consumer<String> guard(
            VerificationCodes codes, Catalog catalog, CaseForm form, Optional<String> code) {
        if (!catalog.requiresVerification(form.type()) || anonymous(form.personal())) return ref -> {};
        String phone = SubmitterBlocks.phoneOf(form.personal());
        String phoneField = form.personal().submitter() != null ? "submitter.phone" : "applicant.phone";
        if (phone == null) throw Errors.verificationRequired(phoneField);
        if (!ChineseIds.isMobile(phone)) throw Errors.notMobile(phoneField);
        if (code.isEmpty()) throw Errors.verificationRequired(FIELD);
        String town = catalog.town().id();
        String normalized = ChineseIds.normalizePhone(phone);
        return ref -> codes.consume(town, normalized, code.get(), ref, CODE_FIELD);
    }

    private static boolean anonymous(Personal personal) {
        return personal != null
                && personal.submitter() != null
                && personal.submitter().anonymous();
    }
}
