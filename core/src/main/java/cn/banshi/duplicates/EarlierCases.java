package cn.banshi.duplicates;

import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.PetitionDetails;
import cn.banshi.catalog.CaseType;
import cn.banshi.errors.Errors;
import cn.banshi.workflow.EarlierCase;

/**
 * Checks the earlier case a step newly refers to (docs/duplicates.md): it exists, is another case of the same town and
 * type; for a repeat petition it was handled, reviewed (复查) and re-reviewed (复核) (信访工作条例: the same facts and
 * grounds are then not accepted again); for a repeated information request it was answered.
 */
public final class EarlierCases {
    private final CaseStore cases;

    public EarlierCases(CaseStore cases) {
        this.cases = cases;
    }

    /** Throws EARLIER_CASE_INVALID when {@code next} newly refers to an earlier case that does not qualify. */
    public void check(CaseRecord before, CaseRecord next) {
        String earlier = next.linksOrNone().earlierCase();
        if (earlier == null || earlier.equals(before.linksOrNone().earlierCase())) return;
        String field = EarlierCase.FIELD;
        CaseRecord e = cases.find(earlier)
                .filter(c -> c.town().equals(next.town()) && !c.isSpam())
                .orElseThrow(
                        () -> Errors.earlierCaseInvalid(field, "本镇没有该查询号的事项", "No case of this town has that number"));
        if (e.trackingNo().equals(next.trackingNo()))
            throw Errors.earlierCaseInvalid(field, "不能引用本件自身", "A case cannot refer to itself");
        if (e.type() != next.type())
            throw Errors.earlierCaseInvalid(field, "在先事项的类型不同", "The earlier case is of another type");
        if (!e.receivedAt().isBefore(next.receivedAt()))
            throw Errors.earlierCaseInvalid(field, "在先事项须早于本件收到", "The earlier case must have been received first");
        if (next.type() == CaseType.PETITION) {
            boolean reReviewed = e.status() == CaseStatus.RESOLVED
                    && e.details(PetitionDetails.class).reviewCount() >= 2;
            if (!reReviewed)
                throw Errors.earlierCaseInvalid(
                        field,
                        "在先信访事项尚未办结并经复查、复核，不能以重复信访为由不予受理",
                        "The earlier petition has not been handled, reviewed and re-reviewed");
        } else if (e.status() != CaseStatus.ANSWERED) {
            throw Errors.earlierCaseInvalid(field, "在先申请尚未答复", "The earlier request has not been answered");
        }
    }
}
