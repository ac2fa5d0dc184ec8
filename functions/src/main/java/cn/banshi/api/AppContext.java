package cn.banshi.api;

import cn.banshi.abuse.BotCheck;
import cn.banshi.abuse.SubmitterBlocks;
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
import cn.banshi.staff.SpamMarking;
import cn.banshi.staff.StaffCaseService;
import cn.banshi.staff.StatsService;
import cn.banshi.tracking.AttemptLimiter;
import cn.banshi.tracking.TrackingService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The handlers' parts, wired by hand (no DI framework: cold start), each built at its first use. A handler takes
 * the parts it needs from a context when it is constructed, so constructing it builds and loads those and nothing
 * else: the submission function never builds the report, audit, stats or sweep services. Lambda's no-argument handler
 * constructors use {@link ExecutionEnvironment#context()} (one DynamoDB client per execution environment); tests,
 * the local server and the benchmarks build one context over their own client and clock, shared by all handlers.
 *
 * <p>Plain synchronized getters rather than lambdas: a lambda per part would load every part's class when the
 * context is built.
 */
public final class AppContext {
    private final DynamoDbClient dynamo;
    private final Clock clock;
    private SecureRandom random;
    private CaseStore cases;
    private CalendarService calendars;
    private IntakeService intake;
    private SubmitterBlocks blocks;
    private BotCheck botCheck;
    private TrackingService tracking;
    private AuditLog audit;
    private StaffCaseService staffCases;
    private StatsService stats;
    private CsvExport export;
    private DeadlineRecompute recompute;
    private OverdueSweep sweep;
    private ActivityStore activities;
    private PlanItemStore planItems;
    private DisclosureStore disclosure;
    private ReportStore reports;
    private ReportRuns reportRuns;
    private ReportRunner reportRunner;
    private Set<String> deployedTowns;
    private RecomputeRunner recomputeRunner;

    /**
     * With the report store and runner of the environment: S3 and the report function in AWS, else the data
     * directory and none. Only the report routes need an S3 or a Lambda client, and the other functions' package does
     * not even contain them (see functions/pom.xml).
     */
    public AppContext(DynamoDbClient dynamo, Clock clock) {
        this(dynamo, clock, null, null, null);
    }

    public AppContext(DynamoDbClient dynamo, Clock clock, ReportStore reports) {
        this(dynamo, clock, reports, null, null);
    }

    public AppContext(DynamoDbClient dynamo, Clock clock, ReportStore reports, ReportRunner reportRunner) {
        this(dynamo, clock, reports, reportRunner, null);
    }

    /** With the runner a calendar load hands its recompute to (tests that stand in for the recompute function). */
    public AppContext(DynamoDbClient dynamo, Clock clock, RecomputeRunner recomputeRunner) {
        this(dynamo, clock, null, null, recomputeRunner);
    }

    private AppContext(
            DynamoDbClient dynamo,
            Clock clock,
            ReportStore reports,
            ReportRunner reportRunner,
            RecomputeRunner recomputeRunner) {
        this.dynamo = dynamo;
        this.clock = clock;
        this.reports = reports;
        this.reportRunner = reportRunner;
        this.recomputeRunner = recomputeRunner;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public Clock clock() {
        return clock;
    }

    public Catalogs catalogs() {
        return Catalogs.bundled();
    }

    /** The one SecureRandom of this context (tracking numbers, access codes); reseeded after a SnapStart restore. */
    public synchronized SecureRandom random() {
        if (random == null) random = new SecureRandom();
        return random;
    }

    public synchronized CaseStore cases() {
        if (cases == null) cases = new DynamoCaseStore(dynamo);
        return cases;
    }

    public synchronized CalendarService calendars() {
        if (calendars == null) calendars = new CalendarService(dynamo, clock);
        return calendars;
    }

    public synchronized IntakeService intake() {
        if (intake == null) {
            intake = new IntakeService(
                    cases(), new IdempotencyStore(dynamo, clock, random()), calendars()::deadlines, clock, random());
        }
        return intake;
    }

    /** Phones and clients blocked after spam ({@code mark-spam}). */
    public synchronized SubmitterBlocks blocks() {
        if (blocks == null) blocks = new SubmitterBlocks(dynamo, clock);
        return blocks;
    }

    /** The citizen form's honeypot and minimum fill time ({@link BotCheck#MIN_FILL_ENV}). */
    public synchronized BotCheck botCheck() {
        if (botCheck == null) botCheck = BotCheck.fromEnvironment();
        return botCheck;
    }

    /** Another minimum fill time (tests whose browser fills the form faster than a person; before building handlers). */
    public synchronized AppContext useBotCheck(BotCheck check) {
        this.botCheck = check;
        return this;
    }

    public synchronized TrackingService tracking() {
        if (tracking == null) tracking = new TrackingService(cases(), new AttemptLimiter(dynamo, clock), clock);
        return tracking;
    }

    public synchronized AuditLog audit() {
        if (audit == null) audit = new AuditLog(dynamo, clock);
        return audit;
    }

    public synchronized StaffCaseService staffCases() {
        if (staffCases == null)
            staffCases = new StaffCaseService(
                    cases(), audit(), calendars(), catalogs(), clock, new SpamMarking(cases(), blocks(), clock));
        return staffCases;
    }

    public synchronized StatsService stats() {
        if (stats == null) stats = new StatsService(cases(), clock);
        return stats;
    }

    public synchronized CsvExport export() {
        if (export == null) export = new CsvExport(cases(), audit());
        return export;
    }

    public synchronized DeadlineRecompute recompute() {
        if (recompute == null) {
            recompute = new DeadlineRecompute(dynamo, cases(), calendars()::deadlines, catalogs(), clock);
        }
        return recompute;
    }

    public synchronized OverdueSweep sweep() {
        if (sweep == null) sweep = new OverdueSweep(dynamo, cases(), clock, recompute());
        return sweep;
    }

    public synchronized ActivityStore activities() {
        if (activities == null) activities = new ActivityStore(dynamo);
        return activities;
    }

    public synchronized PlanItemStore planItems() {
        if (planItems == null) planItems = new PlanItemStore(dynamo);
        return planItems;
    }

    public synchronized DisclosureStore disclosure() {
        if (disclosure == null) disclosure = new DisclosureStore(dynamo);
        return disclosure;
    }

    public synchronized ReportStore reports() {
        if (reports == null) reports = ReportStores.fromEnvironment();
        return reports;
    }

    public synchronized ReportRuns reportRuns() {
        if (reportRuns == null) reportRuns = new ReportRuns(dynamo);
        return reportRuns;
    }

    public synchronized ReportRunner reportRunner() {
        if (reportRunner == null) reportRunner = LambdaReportRunner.fromEnvironment();
        return reportRunner;
    }

    /** The towns this deployment serves (env BANSHI_TOWNS, else every town of the catalog). */
    public synchronized Set<String> deployedTowns() {
        if (deployedTowns == null) deployedTowns = DeployedTowns.fromEnvironment(catalogs());
        return deployedTowns;
    }

    /** In AWS it needs the Lambda client, which only the calendar and report routes ship. */
    public synchronized RecomputeRunner recomputeRunner() {
        if (recomputeRunner == null) recomputeRunner = RecomputeRunner.fromEnvironment(this, deployedTowns());
        return recomputeRunner;
    }
}
