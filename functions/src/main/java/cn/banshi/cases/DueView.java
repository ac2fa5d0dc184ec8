package cn.banshi.cases;

import cn.banshi.calendar.Due;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * The due date as every view shows it: {@code dueDate} (null while a statutory clock is stopped),
 * {@code dueDateProvisional}, and for a provisional date {@code provisionalYear} and the remark
 * {@code dueDateNote} “（暂定：2027年节假日安排公布后确定）”.
 */
public final class DueView {
    private DueView() {}

    public static void put(ObjectNode body, LocalDate dueDate, int provisionalYear) {
        if (dueDate == null) body.putNull("dueDate");
        else body.put("dueDate", dueDate.toString());
        body.put("dueDateProvisional", dueDate != null && provisionalYear != 0);
        if (dueDate != null && provisionalYear != 0) {
            body.put("provisionalYear", provisionalYear);
            body.put("dueDateNote", Due.remarkZh(provisionalYear));
        }
    }

    public static void put(ObjectNode body, CaseRecord c) {
        put(body, c.dueDate(), c.dueProvisionalYear());
    }
}
