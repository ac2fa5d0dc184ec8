package cn.banshi.workflow;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.Term;
import cn.banshi.calendar.WorkingDayClock;
import cn.banshi.catalog.TimeLimit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The basis of a case's due date as kept in its details: {@code term} ({@code {"from","days","unit"}}) for every
 * deadline counted from one day, {@code clock} for an information request's pausable reply clock
 * ({@code {"countingFrom","limit","carried","runs":[["from","to"]…],"pausedOn","used"}}; clocks stored before runs were
 * recorded have only {@code used}, read as carried days).
 */
final class StoredDeadlines {
    static final String TERM = "term";
    static final String CLOCK = "clock";

    private StoredDeadlines() {}

    static Optional<Term> term(JsonNode details) {
        JsonNode t = details.get(TERM);
        if (t == null || !t.isObject()) return Optional.empty();
        return Optional.of(new Term(LocalDate.parse(t.get("from").asText()), t.get("days").asInt(),
                TimeLimit.Unit.fromCode(t.get("unit").asText()).orElseThrow()));
    }

    static void put(ObjectNode details, Term term) {
        details.putObject(TERM).put("from", term.from().toString()).put("days", term.days())
                .put("unit", term.unit().code());
    }

    /** The stored clock, or a fresh 20-working-day clock from {@code receivedOn} when none was stored yet. */
    static WorkingDayClock clock(JsonNode details, Deadlines d, LocalDate receivedOn) {
        JsonNode stored = details.get(CLOCK);
        if (stored == null) return d.ogiReplyClock(receivedOn);
        LocalDate pausedOn = stored.hasNonNull("pausedOn") ? LocalDate.parse(stored.get("pausedOn").asText()) : null;
        LocalDate countingFrom = LocalDate.parse(stored.get("countingFrom").asText());
        int limit = stored.get("limit").asInt();
        JsonNode runs = stored.get("runs");
        if (runs == null) return new WorkingDayClock(d, countingFrom, limit, stored.get("used").asInt(), pausedOn);
        List<WorkingDayClock.Run> list = new ArrayList<>();
        for (JsonNode r : runs) list.add(new WorkingDayClock.Run(LocalDate.parse(r.get(0).asText()), LocalDate.parse(r.get(1).asText())));
        return new WorkingDayClock(d, countingFrom, limit, stored.path("carried").asInt(0), list, pausedOn);
    }

    static void put(ObjectNode details, WorkingDayClock clock) {
        ObjectNode node = details.putObject(CLOCK);
        node.put("countingFrom", clock.countingFrom().toString());
        node.put("limit", clock.limit());
        node.put("used", clock.usedWorkingDays());
        node.put("carried", clock.carriedWorkingDays());
        ArrayNode runs = node.putArray("runs");
        for (WorkingDayClock.Run r : clock.runs()) runs.addArray().add(r.from().toString()).add(r.to().toString());
        if (clock.pausedOn() == null) node.putNull("pausedOn");
        else node.put("pausedOn", clock.pausedOn().toString());
    }
}
