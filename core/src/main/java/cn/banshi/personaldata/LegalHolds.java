package cn.banshi.personaldata;

import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.LegalHold;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code legal-hold} and {@code release-hold}: a town admin holds a case (litigation, administrative review) so that
 * nothing of it is erased, and releases it; each with a reason, in the history (internal note) and the audit log. Any
 * state, any family; through the case's actions route like {@code mark-spam}, with the version the admin saw.
 */
public final class LegalHolds {
    public static final String HOLD = CaseAction.LEGAL_HOLD.code();
    public static final String RELEASE = CaseAction.RELEASE_HOLD.code();

    private final CaseStore cases;
    private final Clock clock;

    public LegalHolds(CaseStore cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    public static boolean handles(String action) {
        return HOLD.equals(action) || RELEASE.equals(action);
    }

    /** The hold action {@code staff} may take on {@code c} (the console shows it), if any. */
    public static List<CaseAction> allowed(Staff staff, CaseRecord c) {
        if (staff.role() != Role.TOWN_ADMIN || c.isSpam()) return List.of();
        return List.of(c.isHeld() ? CaseAction.RELEASE_HOLD : CaseAction.LEGAL_HOLD);
    }

    /** Holds or releases {@code c} (at the version the admin saw: a stale one fails with a version conflict). */
    public CaseRecord apply(Staff staff, CaseRecord c, String action, Fields arguments) {
        if (staff.role() != Role.TOWN_ADMIN) {
            throw Errors.forbidden("只有镇管理员可以冻结或解除冻结案件", "Only town admins hold cases and release them");
        }
        Fields f = arguments.allowOnly("action", "expectedVersion", "reason");
        String reason = f.requiredString("reason", 2, 200);
        boolean hold = HOLD.equals(action);
        if (hold == c.isHeld()) {
            throw Errors.actionNotAllowed(
                    action, allowed(staff, c).stream().map(CaseAction::code).toList());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        CaseRecord next = c.nextStep(
                        now, staff.sub(), hold ? CaseAction.LEGAL_HOLD : CaseAction.RELEASE_HOLD, null, reason)
                .legalHold(hold ? new LegalHold(reason, staff.sub(), now) : null)
                .build();
        try {
            cases.update(next);
        } catch (CaseStore.VersionConflictException changed) {
            long current = cases.find(c.trackingNo()).map(CaseRecord::version).orElse(c.version());
            throw Errors.versionConflict(current);
        }
        return next;
    }
}
