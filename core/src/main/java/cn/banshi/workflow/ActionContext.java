package cn.banshi.workflow;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.calendar.Deadlines;
import cn.banshi.catalog.Catalog;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Who acts, when, and the town's catalog and deadline calculator the rules need. {@code effectiveOn} is the day the
 * action took effect when it is recorded after the fact (the request's {@code effectiveOn}), else null: the clocks
 * count from {@link #on()}.
 */
public record ActionContext(String actor, Instant now, Deadlines deadlines, Catalog catalog, LocalDate effectiveOn) {

    public ActionContext(String actor, Instant now, Deadlines deadlines, Catalog catalog) {
        this(actor, now, deadlines, catalog, null);
    }

    /** Today in China (when the action is typed). */
    public LocalDate today() {
        return now.atZone(ChinaTime.ZONE).toLocalDate();
    }

    /** The day the action takes effect: {@code effectiveOn} if given, else today. */
    public LocalDate on() {
        return effectiveOn != null ? effectiveOn : today();
    }

    ActionContext effectiveOn(LocalDate day) {
        return new ActionContext(actor, now, deadlines, catalog, day);
    }
}
