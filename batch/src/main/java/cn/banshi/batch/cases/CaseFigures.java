package cn.banshi.batch.cases;

import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Category;
import cn.banshi.catalog.Village;
import cn.banshi.json.Json;
import cn.banshi.reports.document.Texts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures the reports state, derived from a town's {@link CaseTally} and named for the text. */
public final class CaseFigures {
    /** Dispute outcome that counts as mediated successfully. */
    public static final String AGREEMENT = "agreement-reached";

    private final CaseTally t;
    private final Catalog catalog;
    private final ReportPeriod period;

    public CaseFigures(CaseTally tally, Catalog catalog, ReportPeriod period) {
        this.t = tally;
        this.catalog = catalog;
        this.period = period;
    }

    public ReportPeriod period() {
        return period;
    }

    public CaseTally tally() {
        return t;
    }

    public long received() {
        return t.get("received");
    }

    /** Cases received in the period that were merged as duplicates into another (not in any other figure). */
    public long merged() {
        return t.get("merged");
    }

    public long received(CaseType type) {
        return t.get("received.type." + type.code());
    }

    public long finished() {
        return t.get("finished");
    }

    public long finished(CaseType type) {
        return t.get("finished.type." + type.code());
    }

    public long onTime(CaseType type) {
        return t.get("onTime.type." + type.code());
    }

    public long late(CaseType type) {
        return t.get("late.type." + type.code());
    }

    public long open(CaseType type) {
        return t.get("open.type." + type.code());
    }

    public long overdueOpen(CaseType type) {
        return t.get("overdueOpen.type." + type.code());
    }

    public long carriedOver(CaseType type) {
        return t.get("carriedOver.type." + type.code());
    }

    public long carriedOver() {
        long n = 0;
        for (CaseType type : CaseType.values()) n += carriedOver(type);
        return n;
    }

    /** The day the period's last case was received, null without any. */
    public LocalDate lastReceived() {
        Long day = t.max(CaseTally.LAST_RECEIVED);
        return day == null ? null : LocalDate.ofEpochDay(day);
    }

    public long onTime() {
        long n = 0;
        for (CaseType type : CaseType.values()) n += onTime(type);
        return n;
    }

    public long late() {
        long n = 0;
        for (CaseType type : CaseType.values()) n += late(type);
        return n;
    }

    public long open() {
        return t.get("open");
    }

    public long overdueOpen() {
        long n = 0;
        for (CaseType type : CaseType.values()) n += overdueOpen(type);
        return n;
    }

    /** The latest due date among the type's cases open at the period's end. */
    public LocalDate latestOpenDue(CaseType type) {
        Long day = t.max("open.maxDue.type." + type.code());
        return day == null ? null : LocalDate.ofEpochDay(day);
    }

    /** 调结: disputes finished in the period, whatever the outcome. */
    public long disputesFinished() {
        return t.get("dispute.finished");
    }

    public long disputesAgreed() {
        return t.get("dispute.outcome." + AGREEMENT);
    }

    public long ratings() {
        return t.get("rating.count");
    }

    public long ratingSum() {
        return t.get("rating.sum");
    }

    public long satisfied() {
        return t.get("rating.satisfied");
    }

    /** Cases received in the period and finished by its end. */
    public long receivedAndFinished() {
        return t.get("received.finished");
    }

    public long[] byMonth() {
        long[] months = new long[12];
        for (int m = 1; m <= 12; m++) months[m - 1] = t.get("received.month." + String.format("%02d", m));
        return months;
    }

    /** Received cases by category name (types merged), largest first. */
    public Map<String, Long> byCategory() {
        Map<String, Long> counts = new LinkedHashMap<>();
        t.withPrefix("received.category.").forEach((key, n) -> {
            int dot = key.indexOf('.');
            String type = key.substring(0, dot);
            String category = key.substring(dot + 1);
            counts.merge(categoryName(type, category), n, Long::sum);
        });
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> result = new LinkedHashMap<>();
        sorted.forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private String categoryName(String type, String category) {
        if (type.equals(CaseType.INFO_REQUEST.code())) return "政府信息公开";
        return catalog.category(category).map(Category::name).orElse("其他");
    }

    /** One village's (or community's) figures. */
    public record VillageFigures(String id, String name, long received, long finished, long ratings, long ratingSum) {
        public String resolutionRate() {
            return Texts.percent(finished, received);
        }

        public double resolution() {
            return received == 0 ? 0 : (double) finished / received;
        }

        public double averageRating() {
            return ratings == 0 ? 0 : (double) ratingSum / ratings;
        }
    }

    public List<VillageFigures> villages() {
        List<VillageFigures> result = new ArrayList<>();
        for (Village v : catalog.villages()) {
            String p = "village." + v.id() + ".";
            result.add(new VillageFigures(
                    v.id(),
                    v.name(),
                    t.get(p + "received"),
                    t.get(p + "finished"),
                    t.get(p + "ratingCount"),
                    t.get(p + "ratingSum")));
        }
        result.sort(Comparator.comparing(VillageFigures::id));
        return result;
    }

    /** Every figure as JSON, for report.json. */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("received", received());
        n.put("mergedDuplicates", merged());
        n.put("finished", finished());
        n.put("finishedOnTime", onTime());
        n.put("onTimeRate", Texts.rate(onTime(), finished()));
        ObjectNode types = n.putObject("byType");
        for (CaseType type : CaseType.values()) {
            ObjectNode o = types.putObject(type.code());
            o.put("name", type.nameZh());
            o.put("received", received(type));
            o.put("finished", finished(type));
            o.put("finishedOnTime", onTime(type));
            o.put("finishedLate", late(type));
            o.put("carriedOverFromLastYear", carriedOver(type));
            o.put("openAtEnd", open(type));
            o.put("overdueOpenAtEnd", overdueOpen(type));
        }
        ObjectNode d = n.putObject("disputes");
        d.put("finished", disputesFinished());
        d.put("agreementReached", disputesAgreed());
        d.put("successRate", Texts.rate(disputesAgreed(), disputesFinished()));
        ObjectNode r = n.putObject("satisfaction");
        r.put("ratings", ratings());
        r.put("ratingSum", ratingSum());
        r.put("satisfied", satisfied());
        r.put("average", ratings() == 0 ? null : new BigDecimal(Texts.average(ratingSum(), ratings())));
        r.put("satisfiedRate", Texts.rate(satisfied(), ratings()));
        ArrayNode months = n.putArray("byMonth");
        for (long m : byMonth()) months.add(m);
        ObjectNode categories = n.putObject("byCategory");
        byCategory().forEach(categories::put);
        ArrayNode villages = n.putArray("villages");
        for (VillageFigures v : villages()) {
            ObjectNode o = villages.addObject();
            o.put("id", v.id());
            o.put("name", v.name());
            o.put("received", v.received());
            o.put("finished", v.finished());
            o.put("resolutionRate", Texts.rate(v.finished(), v.received()));
            o.put("ratings", v.ratings());
            o.put("averageRating", v.ratings() == 0 ? null : new BigDecimal(Texts.average(v.ratingSum(), v.ratings())));
        }
        return n;
    }
}
