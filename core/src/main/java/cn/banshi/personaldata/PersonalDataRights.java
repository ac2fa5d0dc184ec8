package cn.banshi.personaldata;

import cn.banshi.audit.AuditLog;
import cn.banshi.auth.Role;
import cn.banshi.auth.Staff;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.calendar.Deadlines;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.TrackingNumbers;
import cn.banshi.errors.Errors;
import cn.banshi.tracking.TrackingService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The person's rights on their case (PIPL Art. 45–47, 50): with tracking number and access code, a copy of what banshi
 * holds about them, and a request for correction or deletion, which becomes a town admin's task due
 * {@value DataRequest#WORKING_DAYS} working days after the day it was received; town admins list the open tasks and
 * answer them (done, or refused with a reason), which the citizen reads with the copy. A granted deletion of a finished,
 * unheld case erases its personal data at once. Every view of personal data is audited: the citizen's copy, the
 * request itself, an admin reading a case's requests.
 */
public final class PersonalDataRights {
    /** Open requests a case may have at once: enough for a correction and a deletion, and one more. */
    public static final int MAX_OPEN = 3;

    public static final String CITIZEN = "citizen";

    private final TrackingService tracking;
    private final CaseStore cases;
    private final DataRequestStore requests;
    private final AuditLog audit;
    private final Supplier<Deadlines> deadlines;
    private final PersonalFiles files;
    private final Clock clock;

    public PersonalDataRights(
            TrackingService tracking,
            CaseStore cases,
            DataRequestStore requests,
            AuditLog audit,
            Supplier<Deadlines> deadlines,
            PersonalFiles files,
            Clock clock) {
        this.tracking = tracking;
        this.cases = cases;
        this.requests = requests;
        this.audit = audit;
        this.deadlines = deadlines;
        this.files = files;
        this.clock = clock;
    }

    /** The case as the citizen may copy it, with their requests. */
    public record Copy(CaseRecord record, List<DataRequest> requests, Deadlines deadlines, Instant generatedAt) {}

    /** A request as the citizen makes it. */
    public record RequestForm(DataRequest.Kind kind, String text) {}

    /** A town admin's answer: done or refused, with the reply the citizen reads. */
    public record Answer(DataRequest.State outcome, String text) {}

    /** The citizen's copy (audited as {@code citizen-copy-personal-data}). */
    public Copy copy(String trackingNo, String accessCode) {
        CaseRecord c = tracking.authorize(trackingNo, accessCode);
        audit.record(c.town(), CITIZEN, CITIZEN, null, "citizen-copy-personal-data", c.trackingNo(), null);
        return new Copy(
                c,
                requests.ofCase(c.town(), c.trackingNo()),
                deadlines.get(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Files a request; at most {@value #MAX_OPEN} open ones per case. */
    public DataRequest request(String trackingNo, String accessCode, RequestForm form) {
        CaseRecord c = tracking.authorize(trackingNo, accessCode);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = ChinaTime.today(clock);
        for (int attempt = 0; attempt < 5; attempt++) {
            List<DataRequest> existing = requests.ofCase(c.town(), c.trackingNo());
            if (existing.stream().filter(DataRequest::isOpen).count() >= MAX_OPEN) {
                throw Errors.tooManyOpenRequests(MAX_OPEN);
            }
            DataRequest r = new DataRequest(
                    String.format("%s-%02d", c.trackingNo(), existing.size() + 1),
                    c.town(),
                    c.trackingNo(),
                    form.kind(),
                    form.text(),
                    now,
                    today,
                    DataRequest.State.OPEN,
                    null,
                    null,
                    null);
            if (requests.create(r)) {
                audit.record(
                        c.town(),
                        CITIZEN,
                        CITIZEN,
                        null,
                        "citizen-personal-data-request",
                        c.trackingNo(),
                        r.kind().code());
                return r;
            }
        }
        throw Errors.unavailable(1);
    }

    /**
     * A town's requests, open ones first by due date; the citizen's words only with {@code trackingNo} (one case, the
     * view audited). Town admins and auditors (who never see the words).
     */
    public List<DataRequest> list(Staff staff, String rawTrackingNo, boolean openOnly) {
        requireReader(staff);
        List<DataRequest> found;
        if (rawTrackingNo != null) {
            String trackingNo =
                    TrackingNumbers.normalizeTrackingNo(rawTrackingNo).orElseThrow(() -> Errors.notFound("trackingNo"));
            found = requests.ofCase(staff.town(), trackingNo);
            if (staff.seesPersonalData() && !found.isEmpty()) {
                audit.record(staff, "view-personal-data-requests", trackingNo, null);
            } else found = found.stream().map(DataRequest::withoutText).toList();
        } else {
            found = requests.ofTown(staff.town()).stream()
                    .map(DataRequest::withoutText)
                    .toList();
        }
        Deadlines d = deadlines.get();
        return found.stream()
                .filter(r -> !openOnly || r.isOpen())
                .sorted(Comparator.comparing((DataRequest r) -> !r.isOpen())
                        .thenComparing(r -> r.due(d).date())
                        .thenComparing(DataRequest::id))
                .toList();
    }

    public Deadlines deadlines() {
        return deadlines.get();
    }

    /** Answers an open request; a granted deletion erases the case's personal data (finished and unheld cases only). */
    public DataRequest answer(Staff staff, String requestId, Answer answer) {
        if (staff.role() != Role.TOWN_ADMIN) {
            throw Errors.forbidden("只有镇管理员可以答复个人信息请求", "Only town admins answer personal-data requests");
        }
        DataRequest r = requests.find(staff.town(), requestId).orElseThrow(() -> Errors.notFound("requestId"));
        if (!r.isOpen()) throw Errors.requestAnswered();
        boolean erase = r.kind() == DataRequest.Kind.DELETION && answer.outcome() == DataRequest.State.DONE;
        CaseRecord c = cases.find(r.trackingNo()).orElseThrow(() -> Errors.notFound("requestId"));
        if (erase && !c.isPersonalErased()) {
            if (c.status().isOpen()) {
                throw Errors.erasureNotAllowed(
                        "案件尚未办结，不能删除个人信息；请答复“不予办理”并说明理由，或办结后再答复",
                        "The case is still open: its personal data cannot be deleted yet");
            }
            if (c.isHeld()) {
                throw Errors.erasureNotAllowed(
                        "案件已冻结（诉讼或复议），不能删除个人信息", "The case is held (litigation or review): nothing is erased");
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        DataRequest answered = new DataRequest(
                r.id(),
                r.town(),
                r.trackingNo(),
                r.kind(),
                r.text(),
                r.receivedAt(),
                r.receivedOn(),
                answer.outcome(),
                answer.text(),
                now,
                staff.sub());
        if (!requests.answer(answered)) throw Errors.requestAnswered();
        audit.record(
                staff,
                "answer-personal-data-request",
                r.trackingNo(),
                r.id() + " " + answer.outcome().code());
        if (erase && !c.isPersonalErased()) eraseOnRequest(staff, c, r.id(), now);
        return answered;
    }

    private void eraseOnRequest(Staff staff, CaseRecord first, String requestId, Instant now) {
        CaseRecord c = first;
        for (int attempt = 0; attempt < 5; attempt++) {
            files.erase(c);
            requests.eraseTexts(c.town(), c.trackingNo(), requestId);
            try {
                cases.update(PersonalErasure.erase(c, now, staff.sub(), PersonalErasure.REQUEST_NOTE, null));
                audit.record(staff, "action:" + PersonalErasure.ACTION, c.trackingNo(), null);
                return;
            } catch (CaseStore.VersionConflictException changed) {
                c = cases.find(c.trackingNo()).orElseThrow();
                if (c.isPersonalErased()) return;
            }
        }
        throw Errors.unavailable(1);
    }

    private static void requireReader(Staff staff) {
        if (staff.role() == Role.VILLAGE_STAFF) {
            throw Errors.forbidden("个人信息请求由镇管理员办理", "Personal-data requests are handled by town admins");
        }
    }
}
