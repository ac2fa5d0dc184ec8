package cn.banshi.workflow;

import cn.banshi.cases.TrackingNumbers;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;

/**
 * The fields that refer to an earlier case: a petition refused on the repeat-petition ground, an information request
 * answered {@code not-processed:duplicate}. The workflow checks the field's form; whether the earlier case qualifies
 * (exists, same town and type, handled as the rule says) is checked against the store by
 * {@code cn.banshi.duplicates.EarlierCases}.
 */
public final class EarlierCase {
    public static final String FIELD = "earlierCase";
    public static final String GROUND = "ground";
    public static final String REPEAT_PETITION = "repeat-petition";
    public static final String REPEAT_PETITION_ZH = "同一事实和理由的信访事项已经办理并经复查、复核，不再受理";
    public static final String OGI_DUPLICATE = "not-processed:duplicate";

    private EarlierCase() {}

    static String required(Fields f) {
        String raw = f.requiredString(FIELD, 5, 40);
        return TrackingNumbers.normalizeTrackingNo(raw)
                .orElseThrow(() -> Errors.earlierCaseInvalid(f.path(FIELD), "查询号格式不正确", "Not a tracking number"));
    }
}
