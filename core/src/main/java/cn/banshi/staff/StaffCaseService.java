package cn.banshi.staff;

import cn.banshi.attachments.Attachment;
import cn.banshi.audit.AuditLog;
import cn.banshi.auth.Staff;
import cn.banshi.calendar.CalendarService;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseListPage;
import cn.banshi.cases.CaseQuery;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.TrackingNumbers;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.duplicates.DuplicateMerges;
import cn.banshi.duplicates.EarlierCases;
import cn.banshi.errors.ApiException;
import cn.banshi.errors.Errors;
import cn.banshi.logging.Log;
import cn.banshi.notifications.CaseNotices;
import cn.banshi.personaldata.LegalHolds;
import cn.banshi.personaldata.PersonalTexts;
import cn.banshi.workflow.ActionContext;
import cn.banshi.workflow.Workflows;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** What staff do with cases: list, read (audited when unmasked), act on them under the workflow rules. */
public final class StaffCaseService {
    private static final Log LOG = Log.get(StaffCaseService.class);
    private static final String MERGE = CaseAction.MERGE_AS_DUPLICATE.code();
    private static final String UNMERGE = CaseAction.UNMERGE.code();

    private final CaseStore cases;
    private final AuditLog audit;
    private final CalendarService calendars;
    private final Catalogs catalogs;
    private final Clock clock;
    private final SpamMarking spam;
    private final DuplicateMerges merges;
    private final EarlierCases earlier;
    private final LegalHolds holds;
    private final PersonalTexts texts;

    public StaffCaseService(
            CaseStore cases,
            AuditLog audit,
            CalendarService calendars,
            Catalogs catalogs,
            Clock clock,
            SpamMarking spam,
            DuplicateMerges merges,
            PersonalTexts texts) {
        this.texts = texts;
        this.spam = spam;
        this.merges = merges;
        this.earlier = new EarlierCases(cases);
        this.holds = new LegalHolds(cases, clock);
        this.cases = cases;
        this.audit = audit;
        this.calendars = calendars;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    public LocalDate today() {
        return ChinaTime.today(clock);
    }

    public Catalog catalog(Staff staff) {
        return catalogs.town(staff.town()).orElseThrow(() -> Errors.unknownTown(staff.town()));
    }

    /** The case if it exists and is within the staff member's scope; otherwise the same 404 either way. */
    public CaseRecord load(Staff staff, String rawTrackingNo) {
        String trackingNo =
                TrackingNumbers.normalizeTrackingNo(rawTrackingNo).orElseThrow(() -> Errors.notFound("trackingNo"));
        CaseRecord c = cases.find(trackingNo).orElseThrow(() -> Errors.notFound("trackingNo"));
        if (!staff.covers(c.town(), c.village())) throw Errors.notFound("trackingNo");
        return c;
    }

    public StaffCaseView detail(Staff staff, String trackingNo) {
        CaseRecord c = load(staff, trackingNo);
        if (staff.seesPersonalData()) audit.record(staff, "view-personal-data", c.trackingNo(), null);
        return view(staff, c);
    }

    private StaffCaseView view(Staff staff, CaseRecord c) {
        List<CaseAction> actions =
                staff.canAct() && !c.isSpam() ? Workflows.allowedActions(c, context(staff)) : List.of();
        // actions outside the workflow, in any state (town admins)
        List<CaseAction> other = new ArrayList<>();
        if (SpamMarking.allowed(staff, c)) other.add(CaseAction.MARK_SPAM);
        if (DuplicateMerges.canMerge(staff, c)) other.add(CaseAction.MERGE_AS_DUPLICATE);
        if (merges.canUnmerge(staff, c)) other.add(CaseAction.UNMERGE);
        other.addAll(LegalHolds.allowed(staff, c));
        boolean unmasked = staff.seesPersonalData();
        return new StaffCaseView(
                c,
                unmasked ? c.personal() : PersonalMasks.mask(c.personal()),
                !unmasked,
                actions,
                other,
                catalog(staff),
                today(),
                PersonalTexts.markable(staff, c));
    }

    private ActionContext context(Staff staff) {
        return new ActionContext(staff.sub(), clock.instant(), calendars.deadlines(), catalog(staff));
    }

    /** Auditors read but do not act: 403 before anything else about the action is looked at. */
    public static void requireActor(Staff staff) {
        if (!staff.canAct()) throw Errors.forbidden("审计人员只能查看，不能办理", "Auditors can read but not act");
    }

    public StaffCaseView act(Staff staff, String trackingNo, CaseActionRequest request) {
        return act(staff, trackingNo, request, null);
    }

    /**
     * As above; {@code attach} (may be null) gives the case's attachments after the action from the version it
     * applies to (a staff document attached with the step, docs/attachments.md); a refusal stores nothing.
     */
    public StaffCaseView act(
            Staff staff, String trackingNo, CaseActionRequest request, Function<CaseRecord, List<Attachment>> attach) {
        requireActor(staff);
        String action = request.action();
        long expected = request.expectedVersion();
        CaseRecord c = load(staff, trackingNo);
        if (c.isSpam()) throw Errors.actionNotAllowed(action, List.of());
        if (c.isMergedDuplicate()) {
            // a merge or unmerge left half-done is finished first; the system's entries do not make the version stale
            c = merges.repair(c);
        }
        if (action.equals(MERGE) || action.equals(UNMERGE)) {
            if (!onlySystemChangesSince(c, expected)) throw versionConflict(c.version());
            CaseRecord before = c;
            CaseRecord next = action.equals(MERGE)
                    ? merges.merge(staff, c, request.arguments())
                    : merges.unmerge(staff, c, request.arguments());
            String original =
                    (action.equals(MERGE) ? next : before).links().mergedInto().original();
            audit.record(
                    staff,
                    "action:" + action,
                    c.trackingNo(),
                    before.status().code() + "→" + next.status().code());
            LOG.info("case action", "trackingNo", c.trackingNo(), "action", action, "original", original);
            return view(staff, next);
        }
        if (action.equals(SpamMarking.ACTION)) {
            if (c.version() != expected) throw versionConflict(c.version());
            CaseRecord marked = spam.mark(staff, c, request.arguments());
            audit.record(staff, "action:" + action, c.trackingNo(), c.status().code() + "→spam");
            LOG.info("case action", "trackingNo", c.trackingNo(), "action", action, "version", marked.version());
            return view(staff, marked);
        }
        if (LegalHolds.handles(action)) {
            if (c.version() != expected) throw versionConflict(c.version());
            CaseRecord held = holds.apply(staff, c, action, request.arguments());
            audit.record(staff, "action:" + action, c.trackingNo(), null);
            LOG.info("case action", "trackingNo", c.trackingNo(), "action", action, "version", held.version());
            return view(staff, held);
        }
        CaseRecord next;
        while (true) {
            if (!onlySystemChangesSince(c, expected)) throw versionConflict(c.version());
            next = CaseNotices.afterStep(Workflows.apply(c, action, request.arguments(), context(staff)));
            if (attach != null)
                next = next.toBuilder().attachments(attach.apply(c)).build();
            earlier.check(c, next);
            try {
                cases.update(next);
                break;
            } catch (CaseStore.VersionConflictException stale) {
                // the sweep or a deadline recompute may have written meanwhile: act again on the fresh version
                c = load(staff, trackingNo);
            }
        }
        audit.record(
                staff,
                "action:" + action,
                c.trackingNo(),
                c.status().code() + "→" + next.status().code());
        LOG.info(
                "case action",
                "trackingNo",
                c.trackingNo(),
                "action",
                action,
                "from",
                c.status().code(),
                "to",
                next.status().code(),
                "version",
                next.version());
        return view(staff, next);
    }

    /**
     * Marks a free text of the case as personal ({@link PersonalTexts}): staff who may act on it, at the version they
     * saw (or one the system's bookkeeping moved on); audited with the part's code, never the text.
     */
    public StaffCaseView markPersonalText(Staff staff, String trackingNo, PersonalTexts.Mark mark) {
        requireActor(staff);
        CaseRecord c = load(staff, trackingNo);
        if (c.isMergedDuplicate()) c = merges.repair(c);
        if (!onlySystemChangesSince(c, mark.expectedVersion())) throw versionConflict(c.version());
        CaseRecord next = texts.mark(staff, c, mark);
        audit.record(staff, "mark-personal-text", c.trackingNo(), mark.part().code());
        LOG.info(
                "personal text marked",
                "trackingNo",
                c.trackingNo(),
                "field",
                mark.part().code(),
                "version",
                next.version());
        return view(staff, next);
    }

    /**
     * Whether the case is at {@code expected}, or moved on only by the system's bookkeeping (an overdue mark, a deadline
     * recomputed for a newly loaded year), which a clerk's action does not need to have seen: the action then applies
     * to the fresh version instead of being refused.
     */
    static boolean onlySystemChangesSince(CaseRecord c, long expected) {
        if (c.version() == expected) return true;
        if (c.version() < expected) return false;
        List<HistoryEntry> history = c.history();
        long newer = c.version() - expected;
        if (newer > history.size()) return false;
        for (int i = history.size() - (int) newer; i < history.size(); i++) {
            if (!Workflows.SYSTEM.equals(history.get(i).actor())) return false;
        }
        return true;
    }

    static ApiException versionConflict(long current) {
        return Errors.versionConflict(current);
    }

    public CaseQuery query(Staff staff, ListFilters filters, int limit, String cursor) {
        String village = staff.village() != null ? staff.village() : filters.village();
        if (staff.village() != null
                && filters.village() != null
                && !filters.village().equals(staff.village())) {
            throw Errors.forbidden("村（社区）工作人员只能查看本村（社区）的案件", "Village staff see only their own village's cases");
        }
        return new CaseQuery(
                staff.town(),
                filters.type(),
                filters.status(),
                village,
                filters.category(),
                filters.from(),
                filters.to(),
                filters.overdue() ? today() : null,
                filters.dueBefore(),
                filters.provisional(),
                limit,
                cursor);
    }

    public StaffCaseList list(Staff staff, ListFilters filters, int limit, String cursor) {
        CaseListPage page = cases.list(query(staff, filters, limit, cursor));
        return new StaffCaseList(page.items(), page.nextCursor(), catalog(staff), today());
    }
}
