package cn.banshi.disclosure;

import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.math.BigDecimal;

/** Reads {@code PUT /admin/disclosure-figures/{year}}: every figure is required; a given total must add up. */
public final class DisclosureForms {
    private static final int MAX_COUNT = 1_000_000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

    private DisclosureForms() {}

    public static DisclosureFigures read(Fields body, int year) {
        Fields root = body.allowOnly("proactive", "reviewLitigation", "otherMatters");
        Fields p = root.requiredObject("proactive")
                .allowOnly("rules", "normativeDocuments", "licensing", "penalties", "enforcement", "feeAmount");
        DisclosureFigures.Proactive proactive = new DisclosureFigures.Proactive(
                documents(p.requiredObject("rules")), documents(p.requiredObject("normativeDocuments")),
                p.requiredInt("licensing", 0, MAX_COUNT), p.requiredInt("penalties", 0, MAX_COUNT),
                p.requiredInt("enforcement", 0, MAX_COUNT), p.requiredDecimal("feeAmount", MAX_AMOUNT, 4));
        Fields r = root.requiredObject("reviewLitigation")
                .allowOnly("review", "litigationDirect", "litigationAfterReview");
        DisclosureFigures.ReviewLitigation review = new DisclosureFigures.ReviewLitigation(
                outcomes(r.requiredObject("review")),
                outcomes(r.requiredObject("litigationDirect")),
                outcomes(r.requiredObject("litigationAfterReview")));
        String other = root.optionalString("otherMatters", 1, 2000).orElse(null);
        return new DisclosureFigures(year, proactive, review, other);
    }

    private static DisclosureFigures.Documents documents(Fields f) {
        f.allowOnly("issued", "repealed", "inForce");
        return new DisclosureFigures.Documents(
                f.requiredInt("issued", 0, MAX_COUNT),
                f.requiredInt("repealed", 0, MAX_COUNT),
                f.requiredInt("inForce", 0, MAX_COUNT));
    }

    private static DisclosureFigures.Outcomes outcomes(Fields f) {
        f.allowOnly("upheld", "corrected", "other", "pending", "total");
        DisclosureFigures.Outcomes o = new DisclosureFigures.Outcomes(
                f.requiredInt("upheld", 0, MAX_COUNT),
                f.requiredInt("corrected", 0, MAX_COUNT),
                f.requiredInt("other", 0, MAX_COUNT),
                f.requiredInt("pending", 0, MAX_COUNT));
        if (f.has("total") && f.requiredInt("total", 0, 4 * MAX_COUNT) != o.total()) {
            throw Errors.invalidFormat(
                    f.path("total"),
                    "总计应等于各项之和（" + o.total() + "）",
                    "total must equal the sum of the other columns (" + o.total() + ")");
        }
        return o;
    }
}
