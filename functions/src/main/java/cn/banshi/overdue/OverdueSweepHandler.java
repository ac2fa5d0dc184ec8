package cn.banshi.overdue;

import cn.banshi.api.AppContext;
import cn.banshi.logging.RequestIds;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** The daily overdue sweep, started by EventBridge Scheduler; sweeps every town in the catalog. */
public final class OverdueSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final AppContext app;

    public OverdueSweepHandler() {
        this(AppContext.shared());
    }

    public OverdueSweepHandler(AppContext app) {
        this.app = app;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        RequestIds.set(context == null ? "sweep" : context.getAwsRequestId());
        try {
            Map<String, Object> result = new LinkedHashMap<>();
            for (String town : app.catalogs().townIds()) result.put(town, app.sweep().sweep(town));
            return result;
        } finally {
            RequestIds.clear();
        }
    }
}
