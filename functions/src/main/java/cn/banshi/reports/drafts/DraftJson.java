package cn.banshi.reports.drafts;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.json.Json;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.document.Doc;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The drafts' and publications' JSON at the API's edge. */
final class DraftJson {
    private DraftJson() {}

    static ObjectNode view(ReportDrafts.View v) {
        DraftState s = v.state();
        ObjectNode n = Json.object();
        n.put("year", s.year());
        n.put("job", s.kind().code());
        n.put("name", s.year() + "年" + s.kind().nameZh());
        n.put("title", v.source().doc().title());
        n.put("version", s.version());
        n.put("drafted", v.source().drafted().toString());
        n.put("approved", v.approved());
        if (s.approval() != null) {
            n.putObject("approval")
                    .put("version", s.approval().draftVersion())
                    .put("by", s.approval().by())
                    .put("at", time(s.approval().at()));
        }
        n.put("flagged", v.flagged());
        n.put("published", s.published());
        n.putObject("signingWindow")
                .put("opening", SigningDates.opening(s.kind(), s.year()).toString())
                .put("deadline", SigningDates.deadline(s.kind(), s.year()).toString());
        ArrayNode blocks = n.putArray("blocks");
        for (DraftBlock b : v.blocks()) {
            ObjectNode o = blocks.addObject();
            o.put("id", b.id());
            o.put("kind", b.kind());
            if (b.block() instanceof Doc.Heading h) o.put("level", h.level());
            o.put("text", b.text());
            o.put("editable", b.editable());
            if (b.edit() != null) {
                o.put("edited", true);
                o.put("added", b.edit().added());
                o.put("editedBy", b.edit().by());
                o.put("editedAt", time(b.edit().at()));
            }
            if (b.changed()) {
                o.put("changed", true);
                o.put("generated", b.generated());
                if (b.edit().base() != null) o.put("generatedBefore", b.edit().base());
            }
            if (b.orphan()) o.put("orphan", true);
        }
        ArrayNode pubs = n.putArray("publications");
        for (Publication p : v.publications()) pubs.add(publication(p, true));
        return n;
    }

    /** {@code staff}: with who published it. */
    static ObjectNode publication(Publication p, boolean staff) {
        ObjectNode o = Json.object();
        o.put("year", p.year());
        o.put("job", p.kind().code());
        o.put("name", p.year() + "年" + p.kind().nameZh());
        o.put("title", p.title());
        o.put("version", p.version());
        o.put("signingDate", p.signingDate().toString());
        o.put("publishedAt", time(p.publishedAt()));
        if (staff) o.put("publishedBy", p.publishedBy());
        if (p.correction() != null) o.put("correction", p.correction());
        ArrayNode files = o.putArray("files");
        for (ReportFormat f : ReportFormat.values()) {
            if (!p.sha256().containsKey(f)) continue;
            files.addObject()
                    .put("format", f.code())
                    .put("href", publicHref(p, f.fileName()))
                    .put("sha256", p.sha256().get(f))
                    .put("size", p.sizes().getOrDefault(f, 0L));
        }
        return o;
    }

    static String publicHref(Publication p, String fileName) {
        return "/api/v1/towns/" + p.town() + "/reports/" + p.year() + "/"
                + p.kind().code() + "/" + p.version() + "/" + fileName;
    }

    private static String time(Instant instant) {
        return ChinaTime.timestamp(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
