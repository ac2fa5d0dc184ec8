package cn.banshi.reports;

/**
 * Starts a report run outside the request that asked for it (the staff route only triggers): in AWS by an
 * asynchronous invocation of the report function ({@link LambdaReportRunner}); under {@code ./banshi up} in a
 * background thread of that process ({@code cn.banshi.local.LocalReportRunner}).
 */
public interface ReportRunner {
    /** Hands the run over and returns; throws if it could not be started. */
    void start(ReportRunRequest run);

    /** Where no runner is configured (tests that do not run reports): every start fails. */
    ReportRunner UNAVAILABLE = run -> {
        throw new IllegalStateException("no report runner configured (" + LambdaReportRunner.FUNCTION_ENV + ")");
    };
}
