package cn.banshi.workflow;

import cn.banshi.cases.CaseRecord;
import cn.banshi.validation.Fields;
import java.util.List;

/** The statutory workflow of one family of case types. */
interface Workflow {

    /** The actions the case's current state allows, in the order a clerk would usually take them. */
    List<String> allowedActions(CaseRecord c, ActionContext context);

    /**
     * Validates the action's fields and records the change. Called only for an allowed action; throws
     * {@link cn.banshi.errors.ApiException} for invalid fields.
     */
    void apply(CaseRecord c, String action, Fields fields, CaseEdit edit, ActionContext context);
}
