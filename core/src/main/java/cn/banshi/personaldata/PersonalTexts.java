package cn.banshi.personaldata;

import cn.banshi.auth.Staff;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.FreeText;
import cn.banshi.cases.PendingNotice;
import cn.banshi.errors.Errors;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Free text marked as personal (issue 18): staff give a citizen's text ({@link FreeText}) with the personal parts
 * replaced; the case shows that text from then on, everywhere (lists, export, similar cases, reports, messages), and the
 * citizen's words move into the sealed personal attributes ({@code personal.markedTexts}), which only staff who see
 * personal data and the citizen's own copy show, and the erasure removes. Staff who may act on the case (town admins,
 * the village's staff), any family and state, while the personal data is not erased.
 */
public final class PersonalTexts {
    /** How many characters longer than the current text the replacement may be ("［电话已隐去］" for a short number). */
    public static final int MARGIN = 20;

    private final CaseStore cases;
    private final Clock clock;
    private final Consumer<CaseRecord> titleChanged;

    /** {@code titleChanged}: after a title was marked, brings the copies of the title kept elsewhere up to date. */
    public PersonalTexts(CaseStore cases, Clock clock, Consumer<CaseRecord> titleChanged) {
        this.cases = cases;
        this.clock = clock;
        this.titleChanged = titleChanged;
    }

    /** What a staff member asks: the part, its text with the personal parts replaced, the version they saw. */
    public record Mark(FreeText part, String text, long expectedVersion) {}

    /** The parts {@code staff} may mark on {@code c} now (the console shows the control for these), in order. */
    public static List<FreeText> markable(Staff staff, CaseRecord c) {
        if (!staff.canAct() || c.isPersonalErased()) return List.of();
        return Arrays.stream(FreeText.values()).filter(p -> p.of(c) != null).toList();
    }

    /**
     * Stores the next version of {@code c} (which the caller loaded within the staff member's scope, at the version
     * they saw) with the part's text replaced and the citizen's words kept as personal data; one history entry, whose
     * note names the part only.
     */
    public CaseRecord mark(Staff staff, CaseRecord c, Mark mark) {
        if (c.isPersonalErased()) throw Errors.personalDataErased();
        FreeText part = mark.part();
        String current = part.of(c);
        if (current == null) {
            throw Errors.invalidValue(
                    "field",
                    String.join(
                            ", ",
                            markable(staff, c).stream().map(FreeText::code).toList()));
        }
        String text = mark.text();
        int limit = Math.min(part.maxLength(), current.codePointCount(0, current.length()) + MARGIN);
        if (text.codePointCount(0, text.length()) > limit) throw Errors.tooLong("text", limit);
        if (text.equals(current)) throw Errors.textUnchanged("text");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String note = "已将" + part.nameZh() + "中的个人信息隐去，原文作为个人信息保存";
        CaseRecord next = part.with(c, text)
                .nextStep(now, staff.sub(), CaseAction.MARK_PERSONAL_TEXT, null, note)
                .personal(c.personal().withMarkedText(part, current))
                .outbox(
                        part == FreeText.TITLE
                                ? c.outbox().stream()
                                        .map(n -> retitled(n, current, text))
                                        .toList()
                                : c.outbox())
                .build();
        // the overdue alert's copy of the title first: if that fails nothing is stored and the mark can be sent again;
        // if the case's write then fails, the alert shows the redacted title a little early, never the other way round
        if (part == FreeText.TITLE) titleChanged.accept(next);
        try {
            cases.update(next);
        } catch (CaseStore.VersionConflictException changed) {
            long latest = cases.find(c.trackingNo()).map(CaseRecord::version).orElse(c.version());
            throw Errors.versionConflict(latest);
        }
        return next;
    }

    /** A waiting message that quotes the case's old title (parameter {@code title}) quotes the new one. */
    private static PendingNotice retitled(PendingNotice n, String old, String title) {
        if (!old.equals(n.params().get("title"))) return n;
        Map<String, String> params = new HashMap<>(n.params());
        params.put("title", title);
        return new PendingNotice(n.id(), n.kind(), n.channel(), n.at(), params, n.follower());
    }
}
