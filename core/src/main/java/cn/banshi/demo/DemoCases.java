package cn.banshi.demo;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.calendar.Deadlines;
import cn.banshi.cases.AccessCodes;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseDetails;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.DisputeDetails;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.HotlineDetails;
import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.cases.Personal;
import cn.banshi.cases.Personal.Applicant;
import cn.banshi.cases.Personal.Location;
import cn.banshi.cases.Personal.Person;
import cn.banshi.cases.PetitionDetails;
import cn.banshi.cases.Rating;
import cn.banshi.cases.Resolution;
import cn.banshi.cases.Supervision;
import cn.banshi.cases.TrackingNumbers;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.TimeLimit;
import cn.banshi.catalog.Village;
import cn.banshi.validation.ChineseIds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A demo year for 高塍镇 2021, generated from a fixed seed (nothing large is committed): several thousand
 * cases of every type received over the whole year (fewer on rest days, fewest in the Spring Festival week)
 * and worked through their workflows, including the seed report's 1334 disputes, all mediated with
 * agreement. Each case is generated from its own index, so the stream is reproducible and flat in memory. One
 * village (赋村村) does visibly worse, so the report has a shortcoming to find. Every type has cases received
 * in December 2020 and finished in 2021 (carried over) and cases received in December 2021 and finished in
 * 2022 (carried forward); every other case is received and finished in 2021, so the year's reconciliation
 * (上年结转 + 新收 = 办结 + 结转下年) holds by construction with known figures.
 */
public final class DemoCases {
    public static final long SEED = 20211216L;
    public static final int YEAR = 2021;
    /** Disputes mediated (调结) in the year, as the seed states; also the number received in it. */
    public static final int DISPUTES = 1334;
    /** Disputes received in December 2020 and mediated in January 2021, and as many from December 2021 into 2022. */
    static final int DISPUTES_CARRIED = 30;

    static final int COMPLAINTS = 1480;
    static final int HELP = 690;
    static final int ENQUIRIES = 910;
    static final int SUGGESTIONS = 310;
    static final int PETITIONS = 52;
    static final int INFO_REQUESTS = 46;
    /** Received in late December 2020, answered in January 2021. */
    static final int INFO_CARRIED_IN = 5;
    /** Received in late December 2021, answered in January 2022. */
    static final int INFO_CARRIED_OUT = 4;

    static final String WEAK_VILLAGE = "fucun";

    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾".split("");
    private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰志红文斌".split("");
    private static final String[] OUTCOMES = {
        "disclosed",
        "disclosed",
        "disclosed",
        "disclosed",
        "partially-disclosed",
        "partially-disclosed",
        "withheld:third-party-rights",
        "withheld:process-information",
        "unavailable:not-held",
        "unavailable:not-held",
        "unavailable:needs-creation",
        "not-processed:petition-complaint",
        "not-processed:duplicate",
        "other:no-correction",
        "other:other"
    };
    private static final String[] APPLICANT_KINDS = {
        "natural-person",
        "natural-person",
        "natural-person",
        "natural-person",
        "natural-person",
        "natural-person",
        "natural-person",
        "commercial-enterprise",
        "commercial-enterprise",
        "research-institution",
        "public-interest-org",
        "legal-service-org",
        "other-org"
    };

    /** Every generated case is marked as demo data. */
    private static final Supervision DEMO = new Supervision(null, null, true);

    private final Catalog catalog;
    private final Deadlines deadlines;
    private final List<Slot> slots = new ArrayList<>();

    private record Slot(CaseType type, int count, int yearOffset) {}

    public DemoCases(Catalog catalog, Deadlines deadlines) {
        this.catalog = catalog;
        this.deadlines = deadlines;
        slots.add(new Slot(CaseType.COMPLAINT, COMPLAINTS, 0));
        slots.add(new Slot(CaseType.HELP, HELP, 0));
        slots.add(new Slot(CaseType.ENQUIRY, ENQUIRIES, 0));
        slots.add(new Slot(CaseType.SUGGESTION, SUGGESTIONS, 0));
        slots.add(new Slot(CaseType.DISPUTE, DISPUTES - DISPUTES_CARRIED, 0));
        slots.add(new Slot(CaseType.PETITION, PETITIONS, 0));
        slots.add(new Slot(CaseType.INFO_REQUEST, INFO_REQUESTS, 0));
        // carried over from 2020
        slots.add(new Slot(CaseType.COMPLAINT, 22, -1));
        slots.add(new Slot(CaseType.HELP, 3, -1));
        slots.add(new Slot(CaseType.ENQUIRY, 4, -1));
        slots.add(new Slot(CaseType.SUGGESTION, 5, -1));
        slots.add(new Slot(CaseType.DISPUTE, DISPUTES_CARRIED, -1));
        slots.add(new Slot(CaseType.PETITION, 6, -1));
        slots.add(new Slot(CaseType.INFO_REQUEST, INFO_CARRIED_IN, -1));
        // carried forward into 2022
        slots.add(new Slot(CaseType.COMPLAINT, 26, +1));
        slots.add(new Slot(CaseType.HELP, 4, +1));
        slots.add(new Slot(CaseType.ENQUIRY, 5, +1));
        slots.add(new Slot(CaseType.SUGGESTION, 6, +1));
        slots.add(new Slot(CaseType.DISPUTE, DISPUTES_CARRIED, +1));
        slots.add(new Slot(CaseType.PETITION, 7, +1));
        slots.add(new Slot(CaseType.INFO_REQUEST, INFO_CARRIED_OUT, +1));
    }

    public int size() {
        return slots.stream().mapToInt(Slot::count).sum();
    }

    /** The year's cases, one at a time. */
    public Iterator<CaseRecord> cases() {
        return new Iterator<>() {
            int slot;
            int index;
            int global;

            @Override
            public boolean hasNext() {
                while (slot < slots.size() && index >= slots.get(slot).count()) {
                    slot++;
                    index = 0;
                }
                return slot < slots.size();
            }

            @Override
            public CaseRecord next() {
                if (!hasNext()) throw new NoSuchElementException();
                Slot s = slots.get(slot);
                CaseRecord c = generate(s, index, global).record();
                index++;
                global++;
                return c;
            }
        };
    }

    /** A generated case with its access code (which is stored only as a hash). */
    public record DemoCase(CaseRecord record, String accessCode) {}

    /** The first {@code n} cases with their access codes, so that the demo can show tracking. */
    public List<DemoCase> samples(int n) {
        List<DemoCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(generate(slots.get(0), i, i));
        return out;
    }

    /**
     * The case at a global index: drawn again (with the next seed) until its dates fit its slot, so that the
     * year's figures are known: received and finished in the year, or received before it and finished in it,
     * or received in it and finished after it.
     */
    private DemoCase generate(Slot slot, int index, int global) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            DemoCase c = generate(slot, index, new Random(SEED * 31 + global + attempt * 1_000_003L));
            LocalDate received = c.record().receivedOn();
            LocalDate finished = c.record().resolution().on();
            boolean fits = switch (Integer.signum(slot.yearOffset())) {
                case -1 -> received.getYear() == YEAR - 1 && finished.getYear() == YEAR;
                case 1 -> received.getYear() == YEAR && finished.getYear() == YEAR + 1;
                default -> received.getYear() == YEAR && finished.getYear() == YEAR;
            };
            if (fits) return c;
        }
        throw new IllegalStateException("no demo case fits slot " + slot);
    }

    private DemoCase generate(Slot slot, int index, Random r) {
        String trackingNo = TrackingNumbers.newTrackingNo(r);
        String accessCode = TrackingNumbers.newAccessCode(r);
        CaseType type = slot.type();
        LocalDate receivedOn = receivedOn(slot, r);
        Instant receivedAt = at(receivedOn, 8 + r.nextInt(11), r.nextInt(60));
        Village village = catalog.villages().get(r.nextInt(catalog.villages().size()));
        String category = type == CaseType.INFO_REQUEST
                ? "government-information"
                : catalog.categoriesFor(type)
                        .get(r.nextInt(catalog.categoriesFor(type).size()))
                        .id();
        boolean weak = village.id().equals(WEAK_VILLAGE);
        Flow flow = new Flow(receivedAt);
        Personal personal;
        CaseDetails details;
        LocalDate due;
        Resolution resolution;
        Rating rating = null;
        CaseStatus status;
        String title;
        switch (type) {
            case DISPUTE -> {
                Person submitter = person(r);
                personal = Personal.ofSubmitter(submitter).withParties(List.of(person(r)));
                title = DemoTexts.disputeTitle(category, r);
                LocalDate accepted = deadlines.addCalendarDays(receivedOn, r.nextInt(2));
                flow.step(accepted, 9, CaseAction.ACCEPT, CaseStatus.ACCEPTED, "调解申请已受理");
                due = deadlines.addCalendarDays(accepted, 30);
                flow.step(accepted, 14, CaseAction.ASSIGN_MEDIATOR, CaseStatus.MEDIATING, "已指派人民调解员");
                LocalDate session = deadlines.addCalendarDays(accepted, 1 + r.nextInt(8));
                details = DisputeDetails.EMPTY
                        .withAcceptedOn(accepted)
                        .withMediator(village.name() + "人民调解委员会")
                        .withSession(new DisputeDetails.Session(session, "组织双方当事人面对面调解"));
                flow.step(session, 15, CaseAction.RECORD_SESSION, CaseStatus.MEDIATING, "已于 " + session + " 组织调解");
                LocalDate done = deadlines.addCalendarDays(session, r.nextInt(6));
                flow.step(done, 16, CaseAction.RESOLVE, CaseStatus.RESOLVED, "调解成功，已达成调解协议");
                boolean fulfilled = r.nextInt(100) < 97;
                resolution = new Resolution(flow.last, done, !done.isAfter(due), "agreement-reached", fulfilled);
                flow.step(
                        deadlines.addCalendarDays(done, 20),
                        10,
                        CaseAction.RECORD_FULFILMENT,
                        CaseStatus.RESOLVED,
                        fulfilled ? "调解协议已履行" : "调解协议未履行");
                flow.step(deadlines.addCalendarDays(done, 25), 10, CaseAction.CLOSE, CaseStatus.CLOSED, "已回访，归档");
                status = CaseStatus.CLOSED;
            }
            case PETITION -> {
                personal = Personal.ofSubmitter(person(r));
                title = DemoTexts.petitionTitle(category, r);
                flow.step(receivedOn, 10, CaseAction.REGISTER, CaseStatus.REGISTERED, "信访事项已登记");
                LocalDate forwarded = deadlines.addCalendarDays(receivedOn, 1 + r.nextInt(10));
                String handlingBody = r.nextBoolean() ? "镇信访办" : "镇综合执法局";
                flow.step(forwarded, 10, CaseAction.FORWARD, CaseStatus.FORWARDED, "已转送（交办）办理");
                LocalDate acknowledged = deadlines.addCalendarDays(forwarded, 1 + r.nextInt(10));
                due = deadlines.petitionHandlingDue(acknowledged);
                flow.step(acknowledged, 11, CaseAction.ACKNOWLEDGE, CaseStatus.IN_PROGRESS, "已受理，将于 " + due + " 前办结");
                LocalDate replied = deadlines.addCalendarDays(acknowledged, 10 + r.nextInt(45));
                // the demo's petitions record the handling body without the day it was forwarded
                details = new PetitionDetails(
                        null, handlingBody, null, acknowledged, null, null, replied, null, null, Supervision.NONE);
                flow.step(replied, 15, CaseAction.REPLY, CaseStatus.RESOLVED, "已出具书面处理意见");
                resolution = new Resolution(flow.last, replied, !replied.isAfter(due), "resolved", null);
                status = CaseStatus.RESOLVED;
            }
            case INFO_REQUEST -> {
                String kind = APPLICANT_KINDS[r.nextInt(APPLICANT_KINDS.length)];
                personal = Personal.ofApplicant(applicant(kind, r));
                String form = r.nextInt(4) == 0 ? "paper" : "electronic";
                details = InfoRequestDetails.of(kind, form, r.nextBoolean() ? "online" : "email");
                title = "政府信息公开申请";
                due = deadlines.addWorkingDays(receivedOn, 20);
                String outcome = OUTCOMES[r.nextInt(OUTCOMES.length)];
                LocalDate replied = deadlines.addWorkingDays(receivedOn, 3 + r.nextInt(16));
                if (slot.yearOffset() != 0) replied = deadlines.addWorkingDays(receivedOn, 12 + r.nextInt(7));
                if (outcome.equals("other:other")) {
                    flow.step(replied, 10, CaseAction.WITHDRAW, CaseStatus.WITHDRAWN, "申请人已撤回申请");
                    status = CaseStatus.WITHDRAWN;
                } else {
                    flow.step(replied, 16, CaseAction.ANSWER, CaseStatus.ANSWERED, "已于 " + replied + " 作出答复");
                    status = CaseStatus.ANSWERED;
                }
                resolution = new Resolution(flow.last, replied, !replied.isAfter(due), outcome, null);
            }
            default -> {
                personal = Personal.ofSubmitter(person(r));
                if (r.nextInt(3) > 0) {
                    personal = personal.withLocation(new Location(village.name() + DemoTexts.spot(r), null, null));
                }
                title = DemoTexts.hotlineTitle(category, type, r);
                TimeLimit limit = catalog.limitFor(category, type).orElseThrow();
                due = deadlines.addWorkingDays(receivedOn, limit.days());
                flow.step(receivedOn, 9, CaseAction.ACCEPT, CaseStatus.ACCEPTED, "已受理，正在安排办理");
                details = HotlineDetails.EMPTY.withAssignedTo(HotlineDetails.toVillage(village.id()));
                flow.step(receivedOn, 11, CaseAction.ASSIGN, CaseStatus.ASSIGNED, "已派单至" + village.name() + "办理");
                boolean late = r.nextInt(100) < (weak ? 18 : 3);
                LocalDate replied = late
                        ? deadlines.addWorkingDays(due, 1 + r.nextInt(5))
                        : deadlines.addWorkingDays(receivedOn, Math.max(1, r.nextInt(limit.days()) + 1));
                flow.step(replied, 15, CaseAction.REPLY, CaseStatus.REPLIED, "答复：" + DemoTexts.reply(type, r));
                flow.step(replied, 17, CaseAction.RESOLVE, CaseStatus.RESOLVED, "已办结");
                resolution = new Resolution(flow.last, replied, !replied.isAfter(due), "resolved", null);
                flow.step(
                        deadlines.addCalendarDays(replied, 1 + r.nextInt(3)),
                        10,
                        CaseAction.CLOSE,
                        CaseStatus.CLOSED,
                        "已回访，办结归档");
                status = CaseStatus.CLOSED;
                if (r.nextInt(100) < 65) {
                    rating = new Rating(score(r, weak), null, flow.last.plusSeconds(600));
                    flow.rate(rating);
                }
            }
        }
        if (personal.submitter() == null && personal.applicant() == null) throw new IllegalStateException();
        details = details.withSupervision(DEMO);
        String description = DemoTexts.description(title, village.name());
        String villageId = type == CaseType.INFO_REQUEST ? null : village.id();
        return new DemoCase(
                CaseRecord.builder()
                        .trackingNo(trackingNo)
                        .town(catalog.town().id())
                        .type(type)
                        .category(category)
                        .village(villageId)
                        .title(title)
                        .description(description)
                        .channel(r.nextInt(5) == 0 ? "hotline-12345" : "online")
                        .status(status)
                        .version(flow.history.size())
                        .receivedAt(receivedAt)
                        .receivedOn(receivedOn)
                        .dueDate(due)
                        .personal(personal)
                        .details(details)
                        .accessHash(AccessCodes.hash(trackingNo, accessCode))
                        .history(flow.history)
                        .resolution(resolution)
                        .rating(rating)
                        .build(),
                accessCode);
    }

    /**
     * A handful of open cases received in the days before {@code today}, so that the staff console has work
     * to do in the demo: new, accepted and assigned hotline cases, a dispute and an information request.
     */
    public List<DemoCase> openCases(LocalDate today, int n) {
        List<DemoCase> out = new ArrayList<>();
        CaseType[] types = {
            CaseType.COMPLAINT,
            CaseType.HELP,
            CaseType.ENQUIRY,
            CaseType.SUGGESTION,
            CaseType.DISPUTE,
            CaseType.INFO_REQUEST
        };
        for (int i = 0; i < n; i++) {
            Random r = new Random(SEED * 7 + i);
            CaseType type = types[i % types.length];
            String trackingNo = TrackingNumbers.newTrackingNo(r);
            String accessCode = TrackingNumbers.newAccessCode(r);
            LocalDate receivedOn = today.minusDays(i % 9);
            Instant receivedAt = at(receivedOn, 8 + r.nextInt(10), r.nextInt(60));
            Village village = catalog.villages().get(i % catalog.villages().size());
            Personal personal;
            CaseDetails details;
            String category;
            LocalDate due;
            String title;
            if (type == CaseType.INFO_REQUEST) {
                category = "government-information";
                personal = Personal.ofApplicant(applicant("natural-person", r));
                details = InfoRequestDetails.of("natural-person", "electronic", "online")
                        .withSupervision(DEMO);
                due = deadlines.addWorkingDays(receivedOn, 20);
                title = "政府信息公开申请";
            } else {
                category = catalog.categoriesFor(type)
                        .get(r.nextInt(catalog.categoriesFor(type).size()))
                        .id();
                personal = Personal.ofSubmitter(person(r));
                if (type == CaseType.DISPUTE) personal = personal.withParties(List.of(person(r)));
                details = CaseDetails.empty(type).withSupervision(DEMO);
                TimeLimit limit = catalog.limitFor(category, type).orElseThrow();
                due = limit.unit() == TimeLimit.Unit.WORKING
                        ? deadlines.addWorkingDays(receivedOn, limit.days())
                        : deadlines.addCalendarDays(receivedOn, limit.days());
                title = type == CaseType.DISPUTE
                        ? disputeTitleFor(category, r)
                        : DemoTexts.hotlineTitle(category, type, r);
            }
            Flow flow = new Flow(receivedAt);
            CaseStatus status = CaseStatus.SUBMITTED;
            if (type != CaseType.INFO_REQUEST && type != CaseType.DISPUTE && i % 3 > 0) {
                flow.step(receivedOn, 16, CaseAction.ACCEPT, CaseStatus.ACCEPTED, "已受理，正在安排办理");
                status = CaseStatus.ACCEPTED;
            }
            CaseRecord c = CaseRecord.builder()
                    .trackingNo(trackingNo)
                    .town(catalog.town().id())
                    .type(type)
                    .category(category)
                    .village(type == CaseType.INFO_REQUEST ? null : village.id())
                    .title(title)
                    .description(DemoTexts.description(title, village.name()))
                    .channel("online")
                    .status(status)
                    .version(flow.history.size())
                    .receivedAt(receivedAt)
                    .receivedOn(receivedOn)
                    .dueDate(due)
                    .personal(personal)
                    .details(details)
                    .accessHash(AccessCodes.hash(trackingNo, accessCode))
                    .history(flow.history)
                    .build();
            out.add(new DemoCase(c, accessCode));
        }
        return out;
    }

    private static String disputeTitleFor(String category, Random r) {
        return DemoTexts.disputeTitle(category, r);
    }

    private LocalDate receivedOn(Slot slot, Random r) {
        if (slot.yearOffset() < 0) return LocalDate.of(YEAR - 1, 12, 1).plusDays(r.nextInt(31));
        if (slot.yearOffset() > 0) return LocalDate.of(YEAR, 12, 1).plusDays(r.nextInt(31));
        // over the whole year, fewer on rest days and around the Spring Festival
        LocalDate first = LocalDate.of(YEAR, 1, 1);
        int days = first.lengthOfYear();
        while (true) {
            LocalDate day = first.plusDays(r.nextInt(days));
            if (r.nextDouble() < weight(day)) return day;
        }
    }

    /** The Spring Festival of 2021 was on 12 February; its holiday ran from 11 to 17 February. */
    static final LocalDate SPRING_FESTIVAL_EVE = LocalDate.of(YEAR, 2, 11);

    /** How likely a case is received on a day, relative to an ordinary working day. */
    private double weight(LocalDate day) {
        long fromFestival = day.toEpochDay() - SPRING_FESTIVAL_EVE.toEpochDay();
        if (fromFestival >= 0 && fromFestival < 7) return 0.25;
        boolean working = deadlines.calendar().isWorkingDay(day);
        // the weeks before and after the festival: many residents travel, fewer matters are raised
        double season = fromFestival >= -10 && fromFestival < 17 ? 0.8 : 1.0;
        return (working ? 1.0 : 0.35) * season;
    }

    private static int score(Random r, boolean weak) {
        int roll = r.nextInt(100);
        if (weak) return roll < 35 ? 5 : roll < 60 ? 4 : roll < 85 ? 3 : 2;
        return roll < 72 ? 5 : roll < 94 ? 4 : roll < 99 ? 3 : 2;
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ChinaTime.ZONE).toInstant();
    }

    /** A named person with a phone (parties, like submitters, are marked not anonymous). */
    private static Person person(Random r) {
        String name = SURNAMES[r.nextInt(SURNAMES.length)]
                + GIVEN[r.nextInt(GIVEN.length)]
                + (r.nextBoolean() ? GIVEN[r.nextInt(GIVEN.length)] : "");
        String phone = "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000));
        return new Person(name, phone, false, null);
    }

    private static Applicant applicant(String kind, Random r) {
        Person p = person(r);
        if (kind.equals("natural-person")) {
            String first17 =
                    "320282" + (1950 + r.nextInt(50)) + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
                            + String.format("%03d", r.nextInt(1000));
            return new Applicant(
                    kind,
                    p.name(),
                    "resident-id",
                    first17 + ChineseIds.residentIdCheckChar(first17),
                    null,
                    null,
                    p.phone(),
                    null,
                    null);
        }
        String first17 = "91320282MA" + String.format("%07d", r.nextInt(10_000_000));
        return new Applicant(
                kind,
                p.name(),
                null,
                null,
                "宜兴市" + DemoTexts.organisation(r),
                first17 + ChineseIds.creditCodeCheckChar(first17),
                p.phone(),
                null,
                null);
    }

    /** Builds the append-only history, one step at a time, never going back in time. */
    private static final class Flow {
        final List<HistoryEntry> history = new ArrayList<>();
        Instant last;
        CaseStatus status = CaseStatus.SUBMITTED;

        Flow(Instant receivedAt) {
            history.add(new HistoryEntry(
                    1, receivedAt, "citizen", CaseAction.SUBMIT, null, CaseStatus.SUBMITTED, "已收到您的事项", null));
            last = receivedAt;
        }

        void step(LocalDate day, int hour, CaseAction action, CaseStatus to, String publicNote) {
            Instant at = at(day, hour, 0);
            if (!at.isAfter(last)) at = last.plusSeconds(1800);
            history.add(new HistoryEntry(
                    history.size() + 1, at, "demo-staff@gaocheng", action, status, to, publicNote, null));
            status = to;
            last = at;
        }

        void rate(Rating rating) {
            history.add(new HistoryEntry(
                    history.size() + 1,
                    rating.at(),
                    "citizen",
                    CaseAction.RATE,
                    status,
                    status,
                    "您的评价：" + rating.score() + " 分",
                    null));
        }
    }
}
