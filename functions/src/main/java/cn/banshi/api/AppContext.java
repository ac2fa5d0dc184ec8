package cn.banshi.api;

import cn.banshi.abuse.BotCheck;
import cn.banshi.abuse.SubmitterBlocks;
import cn.banshi.abuse.VerificationCodes;
import cn.banshi.accounts.CognitoIdentities;
import cn.banshi.accounts.ExternalIdentities;
import cn.banshi.accounts.LocalIdentities;
import cn.banshi.accounts.Passwords;
import cn.banshi.accounts.StaffAccountStore;
import cn.banshi.accounts.StaffIdentities;
import cn.banshi.accounts.StaffManagement;
import cn.banshi.activities.ActivityStore;
import cn.banshi.attachments.AttachmentErasure;
import cn.banshi.attachments.BucketAccess;
import cn.banshi.attachments.UploadProcessing;
import cn.banshi.attachments.UploadService;
import cn.banshi.attachments.UploadStore;
import cn.banshi.audit.AuditLog;
import cn.banshi.calendar.CalendarService;
import cn.banshi.calendar.RecomputeRunner;
import cn.banshi.cases.CaseCandidates;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.DynamoCaseStore;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.DeployedTowns;
import cn.banshi.disclosure.DisclosureStore;
import cn.banshi.duplicates.DuplicateMerges;
import cn.banshi.duplicates.FollowService;
import cn.banshi.duplicates.MergeFollowers;
import cn.banshi.duplicates.SimilarService;
import cn.banshi.duty.LeadersDutyStore;
import cn.banshi.idempotency.IdempotencyStore;
import cn.banshi.intake.IntakeService;
import cn.banshi.notifications.DispatchSettings;
import cn.banshi.notifications.Dispatcher;
import cn.banshi.notifications.EmailSender;
import cn.banshi.notifications.MessageStore;
import cn.banshi.notifications.Senders;
import cn.banshi.notifications.SmsSender;
import cn.banshi.notifications.StaffAccountContacts;
import cn.banshi.notifications.StaffDigest;
import cn.banshi.overdue.DeadlineRecompute;
import cn.banshi.overdue.OverdueSweep;
import cn.banshi.personaldata.DataKeys;
import cn.banshi.personaldata.DataRequestStore;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.PersonalDataRights;
import cn.banshi.personaldata.PersonalFiles;
import cn.banshi.personaldata.PersonalTexts;
import cn.banshi.personaldata.RetentionJob;
import cn.banshi.plans.PlanItemStore;
import cn.banshi.reports.LambdaReportRunner;
import cn.banshi.reports.ReportRunner;
import cn.banshi.reports.ReportRuns;
import cn.banshi.reports.ReportStore;
import cn.banshi.reports.ReportStores;
import cn.banshi.reports.drafts.DraftStore;
import cn.banshi.reports.drafts.Publications;
import cn.banshi.reports.drafts.ReportDrafts;
import cn.banshi.reports.drafts.ReportReminder;
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
    private CaseStore unopenedCases;
    private ReportReminder reportReminder;
    private PersonalData personalData;
    private CalendarService calendars;
    private IntakeService intake;
    private SubmitterBlocks blocks;
    private BotCheck botCheck;
    private VerificationCodes verificationCodes;
    private SmsSender sms;
    private TrackingService tracking;
    private AuditLog audit;
    private StaffCaseService staffCases;
    private DuplicateMerges merges;
    private StatsService stats;
    private CsvExport export;
    private DeadlineRecompute recompute;
    private OverdueSweep sweep;
    private ActivityStore activities;
    private PlanItemStore planItems;
    private DisclosureStore disclosure;
    private LeadersDutyStore leadersDuty;
    private ReportStore reports;
    private ReportRuns reportRuns;
    private ReportRunner reportRunner;
    private Publications publications;
    private SimilarService similarCases;
    private FollowService follow;
    private ReportDrafts reportDrafts;
    private Set<String> deployedTowns;
    private RecomputeRunner recomputeRunner;
    private MessageStore messages;
    private StaffDigest staffDigest;
    private StaffAccountStore staffAccounts;
    private Passwords passwords;
    private StaffIdentities staffIdentities;
    private StaffManagement staffManagement;
    private UploadService uploads;
    private UploadStore uploadStore;
    private BucketAccess uploadBucket;
    private UploadProcessing uploadProcessing;
    private DataRequestStore dataRequests;
    private PersonalFiles personalFiles;
    private RetentionJob retention;
    private PersonalDataRights personalDataRights;

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

    /**
     * The field encryption of this execution environment (issue 18): its own key cache, so each function reads and
     * unwraps the data keys itself, as in AWS.
     */
    public synchronized PersonalData personalData() {
        if (personalData == null) {
            personalData = new PersonalData(new DataKeys(dynamo, PersonalData.wrapperFromEnvironment(), clock));
        }
        return personalData;
    }

    /** Field encryption over other keys (tests: a function whose key cannot unwrap the data keys). */
    public synchronized AppContext usePersonalData(PersonalData personalData) {
        this.personalData = personalData;
        return this;
    }

    public synchronized CaseStore cases() {
        if (cases == null) cases = new DynamoCaseStore(dynamo, personalData());
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
        if (blocks == null) blocks = new SubmitterBlocks(dynamo, personalData().pseudonyms(), clock);
        return blocks;
    }

    /** Phone verification codes (docs/abuse.md). */
    public synchronized VerificationCodes verificationCodes() {
        if (verificationCodes == null)
            verificationCodes = new VerificationCodes(dynamo, personalData().pseudonyms(), clock, random());
        return verificationCodes;
    }

    /** The SMS sender for codes sent at once (verification codes): the configured one ({@link Senders#sms()}). */
    public synchronized SmsSender sms() {
        if (sms == null) sms = Senders.sms();
        return sms;
    }

    /** Another SMS sender (tests and the local gateway's outbox; before building handlers). */
    public synchronized AppContext useSms(SmsSender sender) {
        this.sms = sender;
        return this;
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

    public synchronized SimilarService similarCases() {
        if (similarCases == null) similarCases = new SimilarService(new CaseCandidates(dynamo), clock);
        return similarCases;
    }

    public synchronized FollowService follow() {
        if (follow == null) follow = new FollowService(cases(), verificationCodes(), clock);
        return follow;
    }

    public synchronized AuditLog audit() {
        if (audit == null) audit = new AuditLog(dynamo, clock);
        return audit;
    }

    public synchronized StaffCaseService staffCases() {
        if (staffCases == null)
            staffCases = new StaffCaseService(
                    cases(),
                    audit(),
                    calendars(),
                    catalogs(),
                    clock,
                    new SpamMarking(cases(), blocks(), clock),
                    merges(),
                    new PersonalTexts(cases(), clock, c -> OverdueSweep.retitleAlert(dynamo, c)));
        return staffCases;
    }

    /** merge-as-duplicate and unmerge, and their repair (docs/duplicates.md). */
    public synchronized DuplicateMerges merges() {
        if (merges == null)
            merges = new DuplicateMerges(cases(), calendars(), catalogs(), clock, new MergeFollowers(clock::instant));
        return merges;
    }

    public synchronized StatsService stats() {
        if (stats == null) stats = new StatsService(cases(), clock);
        return stats;
    }

    public synchronized CsvExport export() {
        if (export == null) export = new CsvExport(cases(), audit());
        return export;
    }

    /**
     * The case store of the work that never opens personal data (deadline recompute, overdue sweep): the {@code
     * personal} attribute passes through sealed, so those functions hold no decrypt right (docs/personal-data.md).
     */
    public synchronized CaseStore unopenedCases() {
        if (unopenedCases == null) unopenedCases = DynamoCaseStore.unopened(dynamo);
        return unopenedCases;
    }

    public synchronized DeadlineRecompute recompute() {
        if (recompute == null) {
            recompute = new DeadlineRecompute(dynamo, unopenedCases(), calendars()::deadlines, catalogs(), clock);
        }
        return recompute;
    }

    /** The daily overdue sweep; it never opens personal data ({@link #unopenedCases()}). */
    public synchronized OverdueSweep sweep() {
        if (sweep == null) sweep = new OverdueSweep(dynamo, unopenedCases(), clock, recompute());
        return sweep;
    }

    /** The unpublished disclosure report's alert and reminder to the town's admins (the daily upkeep). */
    public synchronized ReportReminder reportReminder() {
        if (reportReminder == null)
            reportReminder = new ReportReminder(
                    dynamo,
                    publications(),
                    clock,
                    (town, title, deadline) -> staffDigest().queueReportReminder(town, title, deadline));
        return reportReminder;
    }

    /** The personal-data requests of citizens (records table). */
    public synchronized DataRequestStore dataRequests() {
        if (dataRequests == null) dataRequests = new DataRequestStore(dynamo, personalData());
        return dataRequests;
    }

    /**
     * The attachments' personal files, erased with a case's personal data: the citizen's files in the uploads bucket
     * ({@link AttachmentErasure}, presigned DELETEs without the S3 SDK), or none when no bucket is configured.
     */
    public synchronized PersonalFiles personalFiles() {
        if (personalFiles == null) {
            BucketAccess bucket = uploadBucket();
            personalFiles = bucket == null ? PersonalFiles.NONE : new AttachmentErasure(uploadStore(), bucket);
        }
        return personalFiles;
    }

    /** Another store of personal files (the attachments feature; before building handlers or the sweep). */
    public synchronized AppContext usePersonalFiles(PersonalFiles files) {
        this.personalFiles = files;
        return this;
    }

    /** The daily erasure of personal data whose retention has passed (run by the daily upkeep after the sweep). */
    public synchronized RetentionJob retention() {
        if (retention == null)
            retention = new RetentionJob(cases(), catalogs(), dataRequests(), personalFiles(), clock);
        return retention;
    }

    /** The citizen's copy and requests, and the town admins' answers (docs/personal-data.md). */
    public synchronized PersonalDataRights personalDataRights() {
        if (personalDataRights == null)
            personalDataRights = new PersonalDataRights(
                    tracking(), cases(), dataRequests(), audit(), calendars()::deadlines, personalFiles(), clock);
        return personalDataRights;
    }

    /** The message log and send queue (notifications). */
    public synchronized MessageStore messages() {
        if (messages == null) messages = new MessageStore(dynamo, personalData());
        return messages;
    }

    /** The daily sweep's staff digest, to the contacts of the per-town configuration item. */
    public synchronized StaffDigest staffDigest() {
        if (staffDigest == null) {
            staffDigest = new StaffDigest(
                    cases(), messages(), new StaffAccountContacts(staffAccounts()), calendars()::deadlines, clock);
        }
        return staffDigest;
    }

    /** A dispatcher over this context's tables and clock, sending through {@code sms} and {@code email}. */
    public Dispatcher dispatcher(SmsSender sms, EmailSender email, DispatchSettings settings) {
        return new Dispatcher(
                dynamo, cases(), messages(), personalData().pseudonyms(), catalogs(), sms, email, settings, clock);
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

    public synchronized LeadersDutyStore leadersDuty() {
        if (leadersDuty == null) leadersDuty = new LeadersDutyStore(dynamo);
        return leadersDuty;
    }

    public synchronized ReportStore reports() {
        if (reports == null) reports = ReportStores.fromEnvironment();
        return reports;
    }

    public synchronized ReportRuns reportRuns() {
        if (reportRuns == null) reportRuns = new ReportRuns(dynamo);
        return reportRuns;
    }

    public synchronized Publications publications() {
        if (publications == null) publications = new Publications(dynamo);
        return publications;
    }

    /** The drafts and publications; the report store (S3 client in AWS) is built at first use. */
    public synchronized ReportDrafts reportDrafts() {
        if (reportDrafts == null) {
            reportDrafts = new ReportDrafts(
                    new DraftStore(dynamo),
                    publications(),
                    this::reports,
                    new ReportReminder(dynamo, publications(), clock),
                    clock);
        }
        return reportDrafts;
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

    public synchronized StaffAccountStore staffAccounts() {
        if (staffAccounts == null) staffAccounts = new StaffAccountStore(dynamo, personalData());
        return staffAccounts;
    }

    /** Argon2id hashing of local accounts (never built in AWS, where Cognito keeps the passwords). */
    public synchronized Passwords passwords() {
        if (passwords == null) passwords = new Passwords(random());
        return passwords;
    }

    /**
     * The Cognito user pool when BANSHI_USER_POOL_ID names one; in Lambda without it the county's own identity
     * provider (the directory only); else (locally) the accounts' own credentials, hashed at first use (the Lambda
     * packages leave the hashing library out).
     */
    public synchronized StaffIdentities staffIdentities() {
        if (staffIdentities == null) {
            staffIdentities = CognitoIdentities.fromEnvironment()
                    .<StaffIdentities>map(c -> c)
                    .orElseGet(() -> System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null
                            ? new ExternalIdentities()
                            : new LocalIdentities(staffAccounts(), this::passwords, random()));
        }
        return staffIdentities;
    }

    public synchronized StaffManagement staffManagement() {
        if (staffManagement == null) {
            staffManagement = new StaffManagement(staffAccounts(), staffIdentities(), audit(), clock);
        }
        return staffManagement;
    }

    /** Upload records (attachments). */
    public synchronized UploadStore uploadStore() {
        if (uploadStore == null) uploadStore = new UploadStore(dynamo);
        return uploadStore;
    }

    /**
     * Upload slots and attaching (docs/attachments.md): the bucket of the environment ({@link BucketAccess}), or the
     * one given by {@link #useUploads}; no S3 client (presigning is local).
     */
    public synchronized UploadService uploads() {
        if (uploads == null) {
            uploads = new UploadService(uploadStore(), uploadBucket(), uploadProcessing, clock, random());
        }
        return uploads;
    }

    /** The uploads bucket: the one given by {@link #useUploads}, else the environment's; null when none. */
    private synchronized BucketAccess uploadBucket() {
        if (uploadBucket == null) uploadBucket = BucketAccess.fromEnvironment();
        return uploadBucket;
    }

    /**
     * The uploads bucket on a local S3 server and the in-process processing that stands in for its S3 events (the
     * local gateway and tests; before building handlers).
     */
    public synchronized AppContext useUploads(BucketAccess bucket, UploadProcessing processing) {
        this.uploadBucket = bucket;
        this.uploadProcessing = processing;
        this.uploads = null;
        return this;
    }

    /** In AWS it needs the Lambda client, which only the calendar and report routes ship. */
    public synchronized RecomputeRunner recomputeRunner() {
        if (recomputeRunner == null) recomputeRunner = RecomputeRunner.fromEnvironment(this, deployedTowns());
        return recomputeRunner;
    }
}
