package cn.banshi.workflow;

import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.validation.Fields;
import java.util.List;
import java.util.Set;

/** The statutory workflow of one family of case types. */
interface Workflow {

    /**
     * The actions that start or stop a statutory clock and so may be recorded after the fact with {@code effectiveOn}
     * (the workflow then counts from {@link ActionContext#on()}).
     */
    Set<CaseAction> datedActions();

    /** The actions the case's current state allows, in the order a clerk would usually take them. */
    List<CaseAction> allowedActions(CaseRecord c, ActionContext context);

    /**
     * Validates the action's fields and records the change. Called only for an allowed action; throws
     * {@link cn.banshi.errors.ApiException} for invalid fields.
     */
    void apply(CaseRecord c, CaseAction action, Fields fields, CaseEdit edit, ActionContext context);
}
