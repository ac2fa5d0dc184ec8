package cn.banshi.notifications;

import cn.banshi.auth.Role;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.calendar.Deadlines;
import cn.banshi.cases.CaseListPage;
import cn.banshi.cases.CaseQuery;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalogs;
import cn.banshi.logging.Log;
import cn.banshi.validation.ChineseIds;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The daily sweep's digest: each responsible person gets one message listing the open cases due within 2 working days,
 * those overdue and the information requests whose correction window closes today. Village staff get their village's
 * cases; town admins the rest (cases without a village, villages with nobody registered). The message ids carry the
 * day, so a second sweep the same day adds nothing. Case titles only, never personal data.
 */
public final class StaffDigest {
    private static final Log LOG = Log.get(StaffDigest.class);
    static final int WORKING_DAYS_AHEAD = 2;

    private final CaseStore cases;
    private final MessageStore messages;
    private final StaffContacts contacts;
    private final Supplier<Deadlines> deadlines;
    private final Clock clock;

    public StaffDigest(
            CaseStore cases,
            MessageStore messages,
            StaffContacts contacts,
            Supplier<Deadlines> deadlines,
            Clock clock) {
        this.cases = cases;
        this.messages = messages;
        this.contacts = contacts;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The cases of one person's digest. */
    public record Digest(List<CaseRecord> dueSoon, List<CaseRecord> overdue, List<CaseRecord> correctionEnds) {
        boolean isEmpty() {
            return dueSoon.isEmpty() && overdue.isEmpty() && correctionEnds.isEmpty();
        }
    }

    /** Queues the day's digests of a town; returns how many messages were added. */
    public int queue(String town) {
        Instant now = clock.instant();
        LocalDate today = ChinaTime.today(clock);
        LocalDate last = deadlines.get().addWorkingDays(today, WORKING_DAYS_AHEAD);
        List<CaseRecord> open = new ArrayList<>();
        cases.forEachOpenDueBefore(town, last.plusDays(1), open::add);
        List<CaseRecord> correction = correctionEndsToday(town, today);
        List<StaffContact> people = contacts.forTown(town);
        Set<String> covered = people.stream()
                .filter(StaffContact::isVillageStaff)
                .map(StaffContact::village)
                .collect(Collectors.toSet());
        int added = 0;
        for (StaffContact person : people) {
            Digest d = new Digest(
                    mine(open, person, covered).stream()
                            .filter(c -> !c.dueDate().isBefore(today))
                            .toList(),
                    mine(open, person, covered).stream()
                            .filter(c -> c.dueDate().isBefore(today))
                            .toList(),
                    mine(correction, person, covered));
            if (d.isEmpty()) continue;
            for (Channel channel : channels(person)) {
                String to = channel == Channel.SMS ? person.phone() : person.email();
                Map<String, String> params = params(d, today);
                String id = "digest#" + town + "#" + today + "#" + person.id() + "#" + channel.code();
                String townName =
                        Catalogs.bundled().town(town).map(c -> c.town().name()).orElse(town);
                MessageTemplates t = MessageTemplates.bundled();
                String subject = channel == Channel.EMAIL
                        ? t.email("staff-digest", townName, withUrl(params)).subject()
                        : null;
                String text = channel == Channel.SMS
                        ? t.sms("staff-digest", townName, params)
                        : t.email("staff-digest", townName, withUrl(params)).body();
                if (messages.add(
                        Message.pending(id, town, null, "staff-digest", channel, to, params, subject, text, now)))
                    added++;
            }
        }
        LOG.info("staff digests queued", "town", town, "messages", added);
        return added;
    }

    /**
     * Queues the unpublished disclosure report's reminder for the town's admins (one message per admin and channel
     * for a deadline, however often it is called); returns how many messages were added.
     */
    public int queueReportReminder(String town, String title, LocalDate deadline) {
        Instant now = clock.instant();
        String townName =
                Catalogs.bundled().town(town).map(c -> c.town().name()).orElse(town);
        MessageTemplates t = MessageTemplates.bundled();
        Map<String, String> params = Map.of("date", deadline.toString(), "report", title);
        int added = 0;
        for (StaffContact person : contacts.forTown(town)) {
            if (!person.role().equals(Role.TOWN_ADMIN.code())) continue;
            for (Channel channel : channels(person)) {
                String to = channel == Channel.SMS ? person.phone() : person.email();
                String id = "report-reminder#" + town + "#" + deadline + "#" + person.id() + "#" + channel.code();
                MessageTemplates.EmailText email = t.email("report-reminder", townName, withUrl(params));
                String text = channel == Channel.SMS ? t.sms("report-reminder", townName, params) : email.body();
                String subject = channel == Channel.EMAIL ? email.subject() : null;
                if (messages.add(
                        Message.pending(id, town, null, "report-reminder", channel, to, params, subject, text, now)))
                    added++;
            }
        }
        LOG.info("report reminders queued", "town", town, "messages", added);
        return added;
    }

    private static Map<String, String> withUrl(Map<String, String> params) {
        Map<String, String> p = new HashMap<>(params);
        p.putIfAbsent("consoleUrl", "/admin/");
        return p;
    }

    static List<Channel> channels(StaffContact person) {
        List<Channel> channels = new ArrayList<>();
        if (person.choice().uses(Channel.SMS) && person.phone() != null && ChineseIds.isMobile(person.phone()))
            channels.add(Channel.SMS);
        if (person.choice().uses(Channel.EMAIL) && person.email() != null) channels.add(Channel.EMAIL);
        return channels;
    }

    private static List<CaseRecord> mine(List<CaseRecord> all, StaffContact person, Set<String> covered) {
        return all.stream()
                .filter(c -> person.isVillageStaff()
                        ? person.village().equals(c.village())
                        : c.village() == null || !covered.contains(c.village()))
                .toList();
    }

    private List<CaseRecord> correctionEndsToday(String town, LocalDate today) {
        List<CaseRecord> found = new ArrayList<>();
        String cursor = null;
        do {
            CaseListPage page = cases.list(new CaseQuery(
                    town,
                    CaseType.INFO_REQUEST.code(),
                    CaseStatus.AWAITING_CORRECTION.code(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    200,
                    cursor));
            for (CaseRecord c : page.items()) {
                if (today.equals(c.details(InfoRequestDetails.class).correctBy())) found.add(c);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return found;
    }

    static Map<String, String> params(Digest d, LocalDate today) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("date", today.toString());
        p.put("dueSoon", Integer.toString(d.dueSoon().size()));
        p.put("overdue", Integer.toString(d.overdue().size()));
        p.put("correctionEnds", Integer.toString(d.correctionEnds().size()));
        p.put("dueSoonList", lines(d.dueSoon(), true));
        p.put("overdueList", lines(d.overdue(), true));
        p.put("correctionList", lines(d.correctionEnds(), false));
        return p;
    }

    private static String lines(List<CaseRecord> cases, boolean withDue) {
        if (cases.isEmpty()) return "（无）";
        return cases.stream()
                .map(c -> "- " + c.trackingNo() + " " + c.type().nameZh() + "：" + c.title()
                        + (withDue ? "（期限 " + c.dueDate() + "）" : ""))
                .collect(Collectors.joining("\n"));
    }
}
