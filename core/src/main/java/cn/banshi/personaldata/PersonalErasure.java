package cn.banshi.personaldata;

import cn.banshi.attachments.Attachment;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import java.time.Instant;

/**
 * The erased form of a case: {@link cn.banshi.cases.Personal#erased()} in place of the personal attributes, no client
 * key, the erasure time, and one history entry (public: the citizen is told their data is gone). Everything the
 * reports read stays as it was: type, category, village, channel, dates, status, outcome, on-time, title, description,
 * details, rating and the history's notes. The citizen's files ({@link Attachment#isPersonalData()}) leave the
 * attachment list (their objects are deleted by {@link PersonalFiles} first); staff documents stay.
 */
public final class PersonalErasure {
    /** The public note of the entry: shown on the tracking page. */
    public static final String RETENTION_NOTE = "保存期限已满，本案的个人信息已删除。";

    public static final String ACTION = CaseAction.ERASE_PERSONAL.code();

    public static final String REQUEST_NOTE = "应本人请求，本案的个人信息已删除。";

    private PersonalErasure() {}

    /** The next version of {@code c}, erased at {@code at} by {@code actor}, with {@code publicNote} in the history. */
    public static CaseRecord erase(CaseRecord c, Instant at, String actor, String publicNote, String note) {
        return c.nextStep(at, actor, CaseAction.ERASE_PERSONAL, publicNote, note)
                .personal(c.personal().erased())
                .clientKey(null)
                .personalErasedAt(at)
                .attachments(c.attachments().stream()
                        .filter(a -> !a.isPersonalData())
                        .toList())
                .build();
    }
}
