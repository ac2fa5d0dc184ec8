package cn.banshi.cases;

import java.time.LocalDate;

/**
 * Marks every case family carries besides its own facts: {@code overdueSince} (set by the overdue sweep, cleared when
 * the due date moves), {@code dueDatePending} (set by earlier versions on cases stored without a due date; cleared when
 * one is counted) and {@code demo} (generated demo data). Null means absent from the item.
 */
public record Supervision(LocalDate overdueSince, Boolean dueDatePending, Boolean demo) {
    public static final Supervision NONE = new Supervision(null, null, null);

    public Supervision withOverdueSince(LocalDate day) {
        return new Supervision(day, dueDatePending, demo);
    }

    public Supervision withoutPending() {
        return new Supervision(overdueSince, null, demo);
    }
}
