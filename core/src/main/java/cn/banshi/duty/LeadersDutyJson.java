package cn.banshi.duty;

import cn.banshi.duty.LeadersDuty.Committee;
import cn.banshi.duty.LeadersDuty.Meeting;
import cn.banshi.duty.LeadersDuty.Official;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The stored and response form of {@link LeadersDuty}: a JSON object mirroring the record. */
public final class LeadersDutyJson {
    private LeadersDutyJson() {}

    public static ObjectNode write(LeadersDuty duty) {
        ObjectNode root = Json.object();
        root.put("year", duty.year());
        ArrayNode l = root.putArray("leaders");
        duty.leaders().forEach(o -> l.add(official(o)));
        Committee committee = duty.committee();
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
        for (Meeting meeting : duty.meetings()) {
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
    public static LeadersDuty read(JsonNode n) {
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
