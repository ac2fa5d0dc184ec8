package cn.banshi.api;

import cn.banshi.activities.ActivityStore;
import cn.banshi.audit.AuditLog;
import cn.banshi.calendar.CalendarService;
import cn.banshi.calendar.RecomputeRunner;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.DynamoCaseStore;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.DeployedTowns;
import cn.banshi.disclosure.DisclosureStore;
import cn.banshi.idempotency.IdempotencyStore;
import cn.banshi.intake.IntakeService;
import cn.banshi.overdue.DeadlineRecompute;
import cn.banshi.overdue.OverdueSweep;
import cn.banshi.plans.PlanItemStore;
import cn.banshi.reports.LambdaReportRunner;
import cn.banshi.reports.ReportRunner;
import cn.banshi.reports.ReportRuns;
import cn.banshi.reports.ReportStore;
import cn.banshi.reports.ReportStores;
import cn.banshi.staff.CsvExport;
import cn.banshi.staff.StaffCaseService;
import cn.banshi.staff.StatsService;
import cn.banshi.store.DynamoClients;
import cn.banshi.tracking.AttemptLimiter;
import cn.banshi.tracking.TrackingService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The handlers' ports, wired by hand (no DI framework: cold start). Lambda's no-argument handler
 * constructors use {@link #shared()}, created once per execution environment; tests build their own
 * with a dynalite client and a settable clock.
 */
public final class AppContext {
    private static volatile AppContext shared;

    private final DynamoDbClient dynamo;
    private final Clock clock;
    private final SecureRandom random;
    private final CaseStore cases;
    private final CalendarService calendars;
    private final IntakeService intake;
    private final TrackingService tracking;
    private final AuditLog audit;
    private final StaffCaseService staffCases;
    private final StatsService stats;
    private final CsvExport export;
    private final DeadlineRecompute recompute;
    private final OverdueSweep sweep;
    private final ActivityStore activities;
    private final PlanItemStore planItems;
    private final DisclosureStore disclosure;
    private final Supplier<ReportStore> reports;
    private final ReportRuns reportRuns;
    private final Supplier<ReportRunner> reportRunner;
    private final Set<String> deployedTowns;
    private final Supplier<RecomputeRunner> recomputeRunner;

    /**
     * The report store and runner of the environment: S3 and the report function in AWS, else the data directory
     * and none. Both are built at their first use: only the report routes need an S3 or a Lambda client, and the
     * other functions' cold starts should not build them (their package does not even contain them, see
     * functions/pom.xml).
     */
    public AppContext(DynamoDbClient dynamo, Clock clock) {
        this(dynamo, clock, once(ReportStores::fromEnvironment), once(LambdaReportRunner::fromEnvironment));
    }

    public AppContext(DynamoDbClient dynamo, Clock clock, ReportStore reports) {
        this(dynamo, clock, () -> reports, once(LambdaReportRunner::fromEnvironment));
    }

    public AppContext(DynamoDbClient dynamo, Clock clock, ReportStore reports, ReportRunner reportRunner) {
        this(dynamo, clock, () -> reports, () -> reportRunner, null);
    }

    /** With the runner a calendar load hands its recompute to (tests that stand in for the recompute function). */
    public AppContext(DynamoDbClient dynamo, Clock clock, RecomputeRunner recomputeRunner) {
        this(dynamo, clock, once(ReportStores::fromEnvironment), once(LambdaReportRunner::fromEnvironment), recomputeRunner);
    }

    private AppContext(DynamoDbClient dynamo, Clock clock, Supplier<ReportStore> reports, Supplier<ReportRunner> reportRunner) {
        this(dynamo, clock, reports, reportRunner, null);
    }

    private AppContext(DynamoDbClient dynamo, Clock clock, Supplier<ReportStore> reports, Supplier<ReportRunner> reportRunner,
                       RecomputeRunner recomputeRunner) {
        this.dynamo = dynamo;
        this.clock = clock;
        this.random = new SecureRandom();
        this.cases = new DynamoCaseStore(dynamo);
        this.calendars = new CalendarService(dynamo, clock);
        this.intake = new IntakeService(cases, new IdempotencyStore(dynamo, clock, random), calendars::deadlines, clock, random);
        this.tracking = new TrackingService(cases, new AttemptLimiter(dynamo, clock), clock);
        this.audit = new AuditLog(dynamo, clock);
        this.staffCases = new StaffCaseService(cases, audit, calendars, Catalogs.bundled(), clock);
        this.stats = new StatsService(cases, clock);
        this.export = new CsvExport(cases, audit);
        this.recompute = new DeadlineRecompute(dynamo, cases, calendars::deadlines, Catalogs.bundled(), clock);
        this.sweep = new OverdueSweep(dynamo, cases, clock, recompute);
        this.activities = new ActivityStore(dynamo);
        this.planItems = new PlanItemStore(dynamo);
        this.disclosure = new DisclosureStore(dynamo);
        this.reports = reports;
        this.reportRuns = new ReportRuns(dynamo);
        this.reportRunner = reportRunner;
        this.deployedTowns = DeployedTowns.fromEnvironment(Catalogs.bundled());
        this.recomputeRunner = recomputeRunner != null ? () -> recomputeRunner
                : once(() -> RecomputeRunner.fromEnvironment(this, deployedTowns));
    }

    public static AppContext shared() {
        AppContext context = shared;
        if (context == null) {
            synchronized (AppContext.class) {
                if (shared == null) shared = new AppContext(DynamoClients.fromEnvironment(), Clock.systemUTC());
                context = shared;
            }
        }
        return context;
    }

    public DynamoDbClient dynamo() { return dynamo; }
    public Clock clock() { return clock; }
    /** The one SecureRandom of this context (tracking numbers, access codes); reseeded after a SnapStart restore. */
    public SecureRandom random() { return random; }
    public CaseStore cases() { return cases; }
    public CalendarService calendars() { return calendars; }
    public IntakeService intake() { return intake; }
    public TrackingService tracking() { return tracking; }
    public AuditLog audit() { return audit; }
    public StaffCaseService staffCases() { return staffCases; }
    public StatsService stats() { return stats; }
    public CsvExport export() { return export; }
    public OverdueSweep sweep() { return sweep; }
    public DeadlineRecompute recompute() { return recompute; }
    public Catalogs catalogs() { return Catalogs.bundled(); }
    public ActivityStore activities() { return activities; }
    public PlanItemStore planItems() { return planItems; }
    public DisclosureStore disclosure() { return disclosure; }
    public ReportStore reports() { return reports.get(); }
    public ReportRuns reportRuns() { return reportRuns; }
    public ReportRunner reportRunner() { return reportRunner.get(); }
    /** The towns this deployment serves (env BANSHI_TOWNS, else every town of the catalog). */
    public Set<String> deployedTowns() { return deployedTowns; }
    /** Built at first use: in AWS it needs the Lambda client, which only the calendar and report routes ship. */
    public RecomputeRunner recomputeRunner() { return recomputeRunner.get(); }

    /** Builds the value at the first get(), once, also when threads ask at the same time. */
    private static <T> Supplier<T> once(Supplier<T> build) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) value = build.get();
                        v = value;
                    }
                }
                return v;
            }
        };
    }
}
