package cn.banshi.staff;

import cn.banshi.abuse.SubmitterBlocks;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.SpamMark;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code mark-spam}: a town admin marks a case as junk, with a reason. The case keeps its status and history (one
 * entry more, not public) but leaves every list, queue, export, figure and report count; its submitter's phone and
 * online client are refused new online submissions for {@code blockDays} (default {@value #DEFAULT_BLOCK_DAYS}, 0 for
 * no block). The audit log records the action like any other.
 */
public final class SpamMarking {
    public static final String ACTION = CaseAction.MARK_SPAM.code();
    public static final int DEFAULT_BLOCK_DAYS = 30;
    static final int MAX_BLOCK_DAYS = 365;

    private final CaseStore cases;
    private final SubmitterBlocks blocks;
    private final Clock clock;

    public SpamMarking(CaseStore cases, SubmitterBlocks blocks, Clock clock) {
        this.cases = cases;
        this.blocks = blocks;
        this.clock = clock;
    }

    /** Whether {@code staff} may mark {@code c} (the console shows the action then). */
    static boolean allowed(Staff staff, CaseRecord c) {
        return staff.role() == Role.TOWN_ADMIN && !c.isSpam();
    }

    public CaseRecord mark(Staff staff, CaseRecord c, Fields arguments) {
        if (staff.role() != Role.TOWN_ADMIN) {
            throw Errors.forbidden("只有镇管理员可以标记垃圾信息", "Only town admins mark cases as spam");
        }
        Fields f = arguments.allowOnly("action", "expectedVersion", "reason", "blockDays");
        String reason = f.requiredString("reason", 2, 200);
        int blockDays = f.has("blockDays") ? f.requiredInt("blockDays", 0, MAX_BLOCK_DAYS) : DEFAULT_BLOCK_DAYS;
        if (c.isSpam()) throw Errors.actionNotAllowed(ACTION, List.of());
        Instant now = clock.instant();
        Instant until = blockDays == 0 ? null : now.plus(Duration.ofDays(blockDays));
        HistoryEntry entry = new HistoryEntry(
                c.history().size() + 1, now, staff.sub(), CaseAction.MARK_SPAM, c.status(), c.status(), null, reason);
        CaseRecord next = c.markedSpam(new SpamMark(reason, staff.sub(), now, until), entry);
        cases.update(next);
        if (until != null) blocks.block(SubmitterBlocks.phoneOf(c.personal()), c.clientKey(), until);
        return next;
    }
}
