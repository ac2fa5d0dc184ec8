package cn.banshi.notifications;

import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.DisputeDetails;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.cases.PendingNotice;
import cn.banshi.cases.Personal;
import cn.banshi.cases.Personal.Follower;
import cn.banshi.cases.PetitionDetails;
import cn.banshi.catalog.CaseType;
import cn.banshi.validation.ChineseIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which message a case's latest step sends to the person who filed it, if any: one per step and chosen channel, put
 * into the case's outbox so that it is written in the same conditional write as the step. Only the case's own
 * submitter or applicant is told, only what concerns them: never another party's or the clerk's details (the third
 * party consulted and internal notes are not in any message).
 */
public final class CaseNotices {
    private CaseNotices() {}

    /** The message kind the step sends, if it sends one. */
    public static Optional<String> kind(CaseType type, CaseAction action) {
        String kind = switch (action) {
            case SUBMIT -> "received";
            case ACCEPT, ACKNOWLEDGE -> "accepted";
            case REGISTER -> "registered";
            case REJECT -> "rejected";
            case ASSIGN, ASSIGN_MEDIATOR -> "assigned";
            case REPLY, REVIEW_REPLY -> "replied";
            case ANSWER -> "answered";
            case REQUEST_CORRECTION -> "correction";
            case EXTEND -> "extended";
            case CONSULT_THIRD_PARTY -> "consulting";
            case FORWARD -> "forwarded";
            case RECORD_SESSION -> "mediation-session";
            case RESOLVE -> "finished";
            case COMPLETE_MERGE -> "merged";
            case UNMERGE -> "unmerged";
            default -> null;
        };
        return Optional.ofNullable(kind);
    }

    /** {@code next} with the messages its latest step asks for added to its outbox. */
    public static CaseRecord afterStep(CaseRecord next) {
        return afterStep(next, null);
    }

    /** The same, for the receipt: {@code accessCode} is told once, in the receipt message only. */
    public static CaseRecord afterStep(CaseRecord next, String accessCode) {
        HistoryEntry step = next.lastStep();
        Optional<String> kind = kind(next.type(), step.action());
        if (kind.isEmpty()) return next;
        List<Channel> channels = channels(next.personal());
        List<Follower> followers =
                next.personal() == null ? List.of() : next.personal().followers();
        if (channels.isEmpty() && followers.isEmpty()) return next;
        Map<String, String> params = params(next, step, kind.get());
        List<PendingNotice> outbox = new ArrayList<>(next.outbox());
        // followers get the same public message, never the filer's access code
        for (Follower f : followers) {
            for (Channel channel : channels(f)) {
                add(
                        outbox,
                        new PendingNotice(
                                PendingNotice.id(step.seq(), channel, f.id()),
                                kind.get(),
                                channel,
                                step.at(),
                                params,
                                f.id()));
            }
        }
        if (accessCode != null) params.put("accessCode", accessCode);
        for (Channel channel : channels) {
            add(
                    outbox,
                    new PendingNotice(PendingNotice.id(step.seq(), channel), kind.get(), channel, step.at(), params));
        }
        return next.withOutbox(outbox);
    }

    private static void add(List<PendingNotice> outbox, PendingNotice notice) {
        if (outbox.stream().noneMatch(n -> n.id().equals(notice.id()))) outbox.add(notice);
    }

    /** The channels a follower chose that can reach them. */
    public static List<Channel> channels(Follower f) {
        List<Channel> channels = new ArrayList<>();
        if (f.choice().uses(Channel.SMS) && f.phone() != null && ChineseIds.isMobile(f.phone())) {
            channels.add(Channel.SMS);
        }
        if (f.choice().uses(Channel.EMAIL) && f.email() != null) channels.add(Channel.EMAIL);
        return channels;
    }

    /** The channels the person chose that can reach them: SMS needs a mobile number, e-mail an address. */
    public static List<Channel> channels(Personal p) {
        if (p == null || p.contact() == null) return List.of();
        if (p.submitter() != null && Boolean.TRUE.equals(p.submitter().anonymous())) return List.of();
        List<Channel> channels = new ArrayList<>();
        String phone = p.contactPhone();
        if (p.contact().choice().uses(Channel.SMS) && phone != null && ChineseIds.isMobile(phone)) {
            channels.add(Channel.SMS);
        }
        if (p.contact().choice().uses(Channel.EMAIL) && p.contactEmail() != null) channels.add(Channel.EMAIL);
        return channels;
    }

    private static Map<String, String> params(CaseRecord c, HistoryEntry step, String kind) {
        Map<String, String> p = new HashMap<>();
        p.put("trackingNo", c.trackingNo());
        p.put("typeName", c.type().nameZh());
        p.put("title", c.title());
        p.put("note", step.publicNote() == null ? "" : step.publicNote());
        switch (kind) {
            case "received" ->
                p.put("date", c.dueDate() == null ? "—" : c.dueDate().toString());
            case "correction" ->
                p.put("date", c.details(InfoRequestDetails.class).correctBy().toString());
            case "extended" -> {
                p.put("date", c.dueDate().toString());
                p.put(
                        "reason",
                        c.type() == CaseType.INFO_REQUEST
                                ? c.details(InfoRequestDetails.class).extensionReason()
                                : c.details(PetitionDetails.class).extensionReason());
            }
            case "answered" -> {
                p.put("date", c.resolution().on().toString());
                String reply = c.details(InfoRequestDetails.class).reply();
                p.put("reply", reply == null ? "答复书将按您选择的方式送达。" : reply);
            }
            case "merged" -> p.put("originalNo", c.links().mergedInto().original());
            case "forwarded" ->
                p.put("handlingBody", c.details(PetitionDetails.class).handlingBody());
            case "mediation-session" -> {
                List<DisputeDetails.Session> sessions =
                        c.details(DisputeDetails.class).sessionsHeld();
                p.put("date", sessions.get(sessions.size() - 1).date().toString());
            }
            default -> {}
        }
        return p;
    }
}
