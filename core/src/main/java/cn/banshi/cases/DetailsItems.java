package cn.banshi.cases;

import cn.banshi.calendar.Term;
import cn.banshi.calendar.WorkingDayClock;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.TimeLimit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps {@link CaseDetails} to the item's {@code details} map and back; the case's type says which family to read.
 * The due-date basis: {@code term} {@code {"from","days","unit"}}; an information request's {@code clock}
 * {@code {"countingFrom","limit","used","carried","runs":[["from","to"]…],"pausedOn"}} (clocks stored before runs were
 * recorded have only {@code used}).
 */
public final class DetailsItems {
    private DetailsItems() {}

    public static AttributeValue toAttribute(CaseDetails details) {
        ItemWriter w = new ItemWriter();
        if (details instanceof HotlineDetails h) {
            w.put("assignedTo", h.assignedTo()).put("followUp", h.followUp());
        } else if (details instanceof DisputeDetails d) {
            w.put("acceptedOn", d.acceptedOn())
                    .put("mediator", d.mediator())
                    .put("sessions", sessionsAttribute(d.sessions()))
                    .put("resultSummary", d.resultSummary());
        } else if (details instanceof PetitionDetails p) {
            w.put("registeredOn", p.registeredOn())
                    .put("handlingBody", p.handlingBody())
                    .put("forwardedOn", p.forwardedOn())
                    .put("acceptedOn", p.acceptedOn())
                    .put("extended", p.extended())
                    .put("extensionReason", p.extensionReason())
                    .put("lastRepliedOn", p.lastRepliedOn())
                    .put("reviews", p.reviews());
        } else if (details instanceof InfoRequestDetails i) {
            w.put("applicantKind", i.applicantKind())
                    .put("form", i.form())
                    .put("delivery", i.delivery())
                    .put("clock", i.clock() == null ? null : clock(i.clock()))
                    .put("correctBy", i.correctBy())
                    .put("correctionRequestedOn", i.correctionRequestedOn())
                    .put("corrected", i.corrected())
                    .put("extended", i.extended())
                    .put("extensionReason", i.extensionReason())
                    .put("thirdPartyDue", i.thirdPartyDue())
                    .put("reply", i.reply())
                    .put("withdrawReason", i.withdrawReason());
        }
        details.storedTerm().ifPresent(t -> w.put("term", term(t)));
        Supervision s = details.supervision();
        w.put("overdueSince", s.overdueSince())
                .put("dueDatePending", s.dueDatePending())
                .put("demo", s.demo());
        return w.build();
    }

    public static CaseDetails fromAttribute(CaseType type, AttributeValue value) {
        ItemReader r = ItemReader.of(value);
        Supervision s = new Supervision(r.date("overdueSince"), r.bool("dueDatePending"), r.bool("demo"));
        ItemReader t = r.object("term");
        Term term = t == null
                ? null
                : new Term(
                        t.date("from"),
                        t.integer("days"),
                        TimeLimit.Unit.fromCode(t.string("unit")).orElseThrow());
        return switch (type) {
            case DISPUTE ->
                new DisputeDetails(
                        r.date("acceptedOn"),
                        r.string("mediator"),
                        sessions(r.list("sessions")),
                        r.string("resultSummary"),
                        term,
                        s);
            case PETITION ->
                new PetitionDetails(
                        r.date("registeredOn"),
                        r.string("handlingBody"),
                        r.date("forwardedOn"),
                        r.date("acceptedOn"),
                        r.bool("extended"),
                        r.string("extensionReason"),
                        r.date("lastRepliedOn"),
                        r.integer("reviews"),
                        term,
                        s);
            case INFO_REQUEST ->
                new InfoRequestDetails(
                        r.string("applicantKind"),
                        r.string("form"),
                        r.string("delivery"),
                        clock(r.object("clock")),
                        r.date("correctBy"),
                        r.date("correctionRequestedOn"),
                        r.bool("corrected"),
                        r.bool("extended"),
                        r.string("extensionReason"),
                        r.date("thirdPartyDue"),
                        r.string("reply"),
                        r.string("withdrawReason"),
                        s);
            default -> new HotlineDetails(r.string("assignedTo"), r.string("followUp"), term, s);
        };
    }

    private static AttributeValue term(Term t) {
        return new ItemWriter()
                .put("from", t.from())
                .put("days", t.days())
                .put("unit", t.unit().code())
                .build();
    }

    private static List<AttributeValue> sessionsAttribute(List<DisputeDetails.Session> sessions) {
        if (sessions == null) return null;
        List<AttributeValue> out = new ArrayList<>();
        for (DisputeDetails.Session s : sessions) {
            out.add(new ItemWriter()
                    .put("date", s.date())
                    .put("summary", s.summary())
                    .build());
        }
        return out;
    }

    private static List<DisputeDetails.Session> sessions(List<AttributeValue> stored) {
        if (stored == null) return null;
        List<DisputeDetails.Session> out = new ArrayList<>();
        for (AttributeValue v : stored) {
            ItemReader r = ItemReader.of(v);
            out.add(new DisputeDetails.Session(r.date("date"), r.string("summary")));
        }
        return out;
    }

    private static AttributeValue clock(StoredClock c) {
        List<AttributeValue> runs = null;
        if (c.runs() != null) {
            runs = new ArrayList<>();
            for (WorkingDayClock.Run run : c.runs()) {
                runs.add(AttributeValue.fromL(List.of(
                        AttributeValue.fromS(run.from().toString()),
                        AttributeValue.fromS(run.to().toString()))));
            }
        }
        return new ItemWriter()
                .put("countingFrom", c.countingFrom())
                .put("limit", c.limit())
                .put("used", c.used())
                .put("carried", c.carried())
                .put("runs", runs)
                .putOrNull("pausedOn", c.pausedOn())
                .build();
    }

    private static StoredClock clock(ItemReader r) {
        if (r == null) return null;
        List<WorkingDayClock.Run> runs = null;
        if (r.has("runs")) {
            runs = new ArrayList<>();
            for (AttributeValue run : r.list("runs")) {
                runs.add(new WorkingDayClock.Run(
                        LocalDate.parse(run.l().get(0).s()),
                        LocalDate.parse(run.l().get(1).s())));
            }
        }
        return new StoredClock(
                r.date("countingFrom"),
                r.integer("limit"),
                r.integer("used"),
                r.integer("carried"),
                runs,
                r.date("pausedOn"));
    }
}
