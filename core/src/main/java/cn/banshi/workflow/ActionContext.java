package cn.banshi.workflow;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.calendar.Deadlines;
import cn.banshi.catalog.Catalog;
import java.time.Instant;
import java.time.LocalDate;

/** Who acts, when, and the town's catalog and deadline calculator the rules need. */
public record ActionContext(String actor, Instant now, Deadlines deadlines, Catalog catalog) {
    public LocalDate today() {
        return now.atZone(ChinaTime.ZONE).toLocalDate();
    }
}
