package cn.banshi.workflow;

import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.time.LocalDate;
import java.util.Arrays;

/** Field rules shared by the workflows. */
final class Actions {
    static final String ACTION = "action";
    static final String EXPECTED_VERSION = "expectedVersion";

    private Actions() {}

    /** Allows the action's own fields plus {@code action}, {@code expectedVersion} and an internal {@code note}. */
    static Fields only(Fields f, String... names) {
        String[] all = Arrays.copyOf(names, names.length + 3);
        all[names.length] = ACTION;
        all[names.length + 1] = EXPECTED_VERSION;
        all[names.length + 2] = "note";
        return f.allowOnly(all);
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
