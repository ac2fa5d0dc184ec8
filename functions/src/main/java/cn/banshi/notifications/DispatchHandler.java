package cn.banshi.notifications;

import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.DeployedTowns;
import cn.banshi.logging.RequestIds;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The message dispatcher, started every minute by EventBridge Scheduler: takes over the deployed towns' case outboxes
 * and sends what is due ({@link Dispatcher}). The senders are chosen by configuration ({@link Senders}).
 */
public final class DispatchHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Dispatcher dispatcher;
    private final Set<String> towns;

    /** Lambda's: the senders of the environment over the deployed towns. */
    public DispatchHandler() {
        AppContext app = ExecutionEnvironment.context();
        this.dispatcher = app.dispatcher(Senders.sms(), Senders.email(), DispatchSettings.fromEnvironment());
        this.towns = DeployedTowns.fromEnvironment(Catalogs.bundled());
    }

    public DispatchHandler(Dispatcher dispatcher, Set<String> towns) {
        this.dispatcher = dispatcher;
        this.towns = towns;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        RequestIds.set(context == null ? "dispatch" : context.getAwsRequestId());
        try {
            Dispatcher.Report report = dispatcher.run(towns);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("takenOver", report.takenOver());
            result.put("sent", report.sent());
            result.put("deferred", report.deferred());
            result.put("failed", report.failed());
            return result;
        } finally {
            RequestIds.clear();
        }
    }
}
