package cn.banshi.staff;

import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.FreeText;
import cn.banshi.cases.Personal;
import cn.banshi.catalog.Catalog;
import java.time.LocalDate;
import java.util.List;

/**
 * One case as a staff member may see it: the record, its personal data as shown to them ({@code personal} is masked
 * unless {@code personalMasked} is false), the actions they may take, and the town's catalog and today's date the
 * view names and judges it by. {@code otherActions} are the actions outside the workflow the staff member may take in
 * any state (marking as spam, town admins). {@code markableTexts} are the free-text parts they may mark as personal
 * ({@link cn.banshi.personaldata.PersonalTexts}).
 */
public record StaffCaseView(
        CaseRecord record,
        Personal personal,
        boolean personalMasked,
        List<CaseAction> allowedActions,
        List<CaseAction> otherActions,
        Catalog catalog,
        LocalDate today,
        List<FreeText> markableTexts) {
    public StaffCaseView {
        allowedActions = List.copyOf(allowedActions);
        otherActions = List.copyOf(otherActions);
        markableTexts = markableTexts == null ? List.of() : List.copyOf(markableTexts);
    }
}
