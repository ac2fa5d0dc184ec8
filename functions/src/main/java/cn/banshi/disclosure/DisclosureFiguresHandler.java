package cn.banshi.disclosure;

import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.records.YearDocumentHandler;

/**
 * The year's disclosure figures that only staff know ({@code /api/v1/admin/disclosure-figures/{year}}): the
 * proactive-disclosure table and the review and litigation table of the annual report. PUT replaces them.
 */
public final class DisclosureFiguresHandler extends YearDocumentHandler<DisclosureFigures> {
    /** Lambda's: builds the disclosure store, and nothing else. */
    public DisclosureFiguresHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public DisclosureFiguresHandler(AppContext app) {
        super(
                app.disclosure(),
                app.clock(),
                "/api/v1/admin/disclosure-figures/{year}",
                "disclosure figures",
                DisclosureForms::read,
                DisclosureFiguresJson::write);
    }
}
