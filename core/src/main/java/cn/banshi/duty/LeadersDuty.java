package cn.banshi.duty;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What staff enter for the work report's section 三 (党政主要负责人履行推进法治建设第一责任人职责): the
 * principal leaders (post and name), the town's rule-of-law committee (全面依法治镇委员会: chair, vice-chairs,
 * who the members are, the head of its office) and its meetings. Names are of officials in their public
 * capacity, as the published reports name them; never citizens'. The committee is optional.
 */
public record LeadersDuty(int year, List<Official> leaders, Committee committee, List<Meeting> meetings) {

    public LeadersDuty {
        leaders = List.copyOf(leaders);
        meetings = List.copyOf(meetings);
    }

    /** An official by post and name: 镇党委书记 and a name. */
    public record Official(String post, String name) {
        /** 镇党委书记周某 */
        public String text() {
            return post + name;
        }
    }

    /** {@code members}: who the members are, in words (其他党委成员及相关职能部门负责人). */
    public record Committee(
            String name,
            LocalDate establishedOn,
            Official chair,
            List<Official> viceChairs,
            String members,
            Official officeHead) {
        public Committee {
            viceChairs = List.copyOf(viceChairs);
        }
    }

    /** A meeting of the committee (or on its work): when, what, who chaired it, what it did. */
    public record Meeting(LocalDate date, String title, String chair, String content) {}

    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("year", year);
        ArrayNode l = root.putArray("leaders");
        leaders.forEach(o -> l.add(official(o)));
        if (committee != null) {
            ObjectNode c = root.putObject("committee");
            c.put("name", committee.name());
            if (committee.establishedOn() != null)
                c.put("establishedOn", committee.establishedOn().toString());
            c.set("chair", official(committee.chair()));
            ArrayNode v = c.putArray("viceChairs");
            committee.viceChairs().forEach(o -> v.add(official(o)));
            if (committee.members() != null) c.put("members", committee.members());
            if (committee.officeHead() != null) c.set("officeHead", official(committee.officeHead()));
        }
        ArrayNode m = root.putArray("meetings");
        for (Meeting meeting : meetings) {
            ObjectNode o = m.addObject();
            o.put("date", meeting.date().toString());
            o.put("title", meeting.title());
            if (meeting.chair() != null) o.put("chair", meeting.chair());
            if (meeting.content() != null) o.put("content", meeting.content());
        }
        return root;
    }

    private static ObjectNode official(Official o) {
        return Json.object().put("post", o.post()).put("name", o.name());
    }

    /** Reads the stored (already validated) form. */
    public static LeadersDuty fromJson(JsonNode n) {
        List<Official> leaders = new ArrayList<>();
        n.get("leaders").forEach(o -> leaders.add(official(o)));
        Committee committee = null;
        JsonNode c = n.get("committee");
        if (c != null && !c.isNull()) {
            List<Official> vice = new ArrayList<>();
            c.get("viceChairs").forEach(o -> vice.add(official(o)));
            committee = new Committee(
                    c.get("name").textValue(),
                    c.hasNonNull("establishedOn")
                            ? LocalDate.parse(c.get("establishedOn").textValue())
                            : null,
                    official(c.get("chair")),
                    vice,
                    c.hasNonNull("members") ? c.get("members").textValue() : null,
                    c.hasNonNull("officeHead") ? official(c.get("officeHead")) : null);
        }
        List<Meeting> meetings = new ArrayList<>();
        n.get("meetings")
                .forEach(m -> meetings.add(new Meeting(
                        LocalDate.parse(m.get("date").textValue()),
                        m.get("title").textValue(),
                        m.hasNonNull("chair") ? m.get("chair").textValue() : null,
                        m.hasNonNull("content") ? m.get("content").textValue() : null)));
        return new LeadersDuty(n.get("year").intValue(), leaders, committee, meetings);
    }

    private static Official official(JsonNode o) {
        return new Official(o.get("post").textValue(), o.get("name").textValue());
    }
}
