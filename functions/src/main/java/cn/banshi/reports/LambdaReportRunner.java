package cn.banshi.reports;

import cn.banshi.api.AsyncInvoker;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Starts a run by invoking the report function asynchronously ({@link AsyncInvoker}); the run then takes its own
 * minutes. The function is env {@value #FUNCTION_ENV}: the ARN of the report function's alias (the template's
 * {@code !Ref ReportJobFunction.Alias}), the only function this role may invoke.
 */
public final class LambdaReportRunner implements ReportRunner {
    public static final String FUNCTION_ENV = "BANSHI_REPORT_FUNCTION";

    private final AsyncInvoker invoker;

    public LambdaReportRunner(LambdaClient lambda, String function) {
        this(new AsyncInvoker(lambda, function));
    }

    private LambdaReportRunner(AsyncInvoker invoker) {
        this.invoker = invoker;
    }

    /** The configured function, or {@link ReportRunner#UNAVAILABLE} where none is (locally, in tests). */
    public static ReportRunner fromEnvironment() {
        AsyncInvoker invoker = AsyncInvoker.of(System.getenv(FUNCTION_ENV));
        return invoker == null ? UNAVAILABLE : new LambdaReportRunner(invoker);
    }

    @Override
    public void start(ReportRunRequest run) {
        invoker.invoke(run.toMap());
    }
}
