package cn.banshi.workflow;

import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Field rules shared by the workflows. */
final class Actions {
    static final String ACTION = "action";
    static final String EXPECTED_VERSION = "expectedVersion";
    static final String EFFECTIVE_ON = "effectiveOn";
    /** How far back an action may be recorded after the fact. */
    static final int MAX_DAYS_BACK = 30;

    private Actions() {}

    /**
     * Allows the action's own fields plus {@code action}, {@code expectedVersion}, an internal {@code note} and
     * {@code effectiveOn} (which {@link Workflows#apply} has checked is allowed for the action).
     */
    static Fields only(Fields f, String... names) {
        String[] all = Arrays.copyOf(names, names.length + 4);
        all[names.length] = ACTION;
        all[names.length + 1] = EXPECTED_VERSION;
        all[names.length + 2] = "note";
        all[names.length + 3] = EFFECTIVE_ON;
        return f.allowOnly(all);
    }

    /**
     * The request's {@code effectiveOn}, if any: not in the future, at most {@value #MAX_DAYS_BACK} days back, and not
     * before the day the case's previous step (by a person) took effect.
     */
    static LocalDate effectiveOn(
            Fields f, CaseRecord c, Set<CaseAction> datedActions, Optional<CaseAction> action, ActionContext context) {
        Optional<LocalDate> given = f.optionalDate(EFFECTIVE_ON);
        if (given.isEmpty()) return null;
        if (action.isEmpty() || !datedActions.contains(action.get())) {
            throw Errors.notAllowed(
                    f.path(EFFECTIVE_ON),
                    "该操作不计时，不能补录生效日期",
                    "Only actions that start or stop a statutory clock take effectiveOn");
        }
        LocalDate date = given.get();
        LocalDate today = context.today();
        if (date.isAfter(today)) {
            throw Errors.outOfRange(f.path(EFFECTIVE_ON), "生效日期不能晚于今天", "must not be in the future");
        }
        if (date.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            throw Errors.outOfRange(
                    f.path(EFFECTIVE_ON),
                    "最多补录 " + MAX_DAYS_BACK + " 日内的操作",
                    "at most " + MAX_DAYS_BACK + " days back");
        }
        LocalDate previous = previousStep(c);
        if (date.isBefore(previous)) {
            throw Errors.outOfRange(
                    f.path(EFFECTIVE_ON),
                    "不能早于上一办理步骤的日期 " + previous,
                    "must not be before the previous step's day " + previous);
        }
        return date;
    }

    /** The day the last step taken by a person (not the system's bookkeeping) took effect. */
    static LocalDate previousStep(CaseRecord c) {
        List<HistoryEntry> history = c.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry h = history.get(i);
            if (!Workflows.SYSTEM.equals(h.actor())) return h.effectiveDay();
        }
        return c.receivedOn();
    }

    static void note(Fields f, CaseEdit edit) {
        f.optionalString("note", 1, 2000).ifPresent(edit::note);
    }

    /** A date that is not in the future and not before {@code notBefore}. */
    static LocalDate pastDate(Fields f, String name, LocalDate notBefore, ActionContext context) {
        LocalDate date = f.optionalDate(name).orElse(context.today());
        if (date.isAfter(context.today())) {
            throw Errors.outOfRange(f.path(name), "不能晚于今天", "must not be in the future");
        }
        if (date.isBefore(notBefore)) {
            throw Errors.outOfRange(f.path(name), "不能早于 " + notBefore, "must not be before " + notBefore);
        }
        return date;
    }
}
