package cn.banshi.notifications;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON of the message log for staff: masked recipients, the text as sent (access codes masked). */
final class MessageViews {
    static final Map<String, String> KIND_NAMES = Map.ofEntries(
            Map.entry("received", "受理回执"),
            Map.entry("accepted", "已受理"),
            Map.entry("registered", "已登记"),
            Map.entry("rejected", "不予受理"),
            Map.entry("assigned", "已派单"),
            Map.entry("replied", "已答复"),
            Map.entry("answered", "已答复（政府信息公开）"),
            Map.entry("correction", "补正告知"),
            Map.entry("extended", "延期告知"),
            Map.entry("consulting", "征求第三方意见"),
            Map.entry("forwarded", "已转送"),
            Map.entry("mediation-session", "调解"),
            Map.entry("finished", "已办结"),
            Map.entry("following", "已关注"),
            Map.entry("staff-digest", "工作人员每日提醒"));

    private MessageViews() {}

    static ObjectNode list(List<Message> messages, String nextCursor) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (Message m : messages) items.add(view(m));
        if (nextCursor == null) body.putNull("nextCursor");
        else body.put("nextCursor", nextCursor);
        return body;
    }

    static ObjectNode view(Message m) {
        ObjectNode v = Json.object();
        v.put("id", m.id());
        if (m.trackingNo() == null) v.putNull("trackingNo");
        else v.put("trackingNo", m.trackingNo());
        v.put("kind", m.kind());
        v.put("kindName", KIND_NAMES.getOrDefault(m.kind(), m.kind()));
        v.put("channel", m.channel().code());
        v.put("channelName", m.channel() == Channel.SMS ? "短信" : "电子邮件");
        v.put("state", m.state().code());
        v.put("stateName", m.state().nameZh());
        putNullable(v, "to", m.toMasked());
        putNullable(v, "subject", m.subject());
        v.put("text", m.text());
        v.put("attempts", m.attempts());
        v.put("createdAt", ChinaTime.timestamp(m.createdAt()));
        putTime(v, "sendAfter", m.state() == MessageState.PENDING ? m.sendAfter() : null);
        putTime(v, "finishedAt", m.sentAt());
        putNullable(v, "error", m.error());
        return v;
    }

    private static void putNullable(ObjectNode v, String key, String value) {
        if (value == null) v.putNull(key);
        else v.put(key, value);
    }

    private static void putTime(ObjectNode v, String key, Instant value) {
        if (value == null) v.putNull(key);
        else v.put(key, ChinaTime.timestamp(value));
    }
}
