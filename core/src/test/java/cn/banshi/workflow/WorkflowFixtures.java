package cn.banshi.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.WorkingDayCalendar;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseDetails;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.cases.Personal;
import cn.banshi.cases.Personal.Person;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.errors.ApiException;
import cn.banshi.json.Json;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/**
 * Cases and action contexts for the workflow unit tests: the bundled calendar (2021 as in the State Council's
 * notice), the bundled catalog of gaocheng, and a clerk who types each action at 10:00 Beijing time on a given day.
 */
final class WorkflowFixtures {
    static final Deadlines DEADLINES = new Deadlines(WorkingDayCalendar.bundled());
    static final Catalog GAOCHENG = Catalogs.bundled().town("gaocheng").orElseThrow();
    static final String CLERK = "clerk-1";

    private WorkflowFixtures() {}

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** 10:00 in Beijing on {@code iso}. */
    static Instant at(String iso) {
        return d(iso).atTime(10, 0).atZone(ChinaTime.ZONE).toInstant();
    }

    /** The clerk acting on {@code today} (no effectiveOn). */
    static ActionContext typedOn(String today) {
        return new ActionContext(CLERK, at(today), DEADLINES, GAOCHENG);
    }

    /** A new case submitted online at 09:00 on {@code receivedOn}, with its intake due date. */
    static CaseRecord received(CaseType type, String category, String receivedOn) {
        LocalDate day = d(receivedOn);
        Instant at = day.atTime(9, 0).atZone(ChinaTime.ZONE).toInstant();
        CaseDetails details = type == CaseType.INFO_REQUEST
                ? InfoRequestDetails.of("natural-person", "electronic", "online")
                : CaseDetails.empty(type);
        CaseDeadlines.Start start = CaseDeadlines.atIntake(type, category, day, GAOCHENG, DEADLINES, details);
        HistoryEntry submitted = new HistoryEntry(
                1, at, "citizen", CaseAction.SUBMIT, null, CaseStatus.SUBMITTED, "已收到您的" + type.nameZh(), null);
        Personal personal = Personal.ofSubmitter(new Person("张三", "13812345678", false, null));
        return CaseRecord.builder()
                .trackingNo("GC2021TEST0001")
                .town("gaocheng")
                .type(type)
                .category(category)
                .title("测试事项")
                .description("测试事项的描述")
                .channel("online")
                .status(CaseStatus.SUBMITTED)
                .version(1)
                .receivedAt(at)
                .receivedOn(day)
                .dueDate(start.due().date())
                .dueProvisionalYear(start.due().provisionalYear())
                .personal(personal)
                .details(start.details())
                .accessHash("hash")
                .history(List.of(submitted))
                .build();
    }

    /** A request body from name/value pairs (strings, integers, booleans). */
    static ObjectNode body(Object... pairs) {
        ObjectNode body = Json.object();
        for (int i = 0; i < pairs.length; i += 2) {
            String name = (String) pairs[i];
            Object value = pairs[i + 1];
            if (value instanceof String s) body.put(name, s);
            else if (value instanceof Integer n) body.put(name, n);
            else if (value instanceof Boolean b) body.put(name, b);
            else throw new IllegalArgumentException("unsupported value " + value);
        }
        return body;
    }

    /** {@code action} typed on {@code today} with the fields {@code pairs}. */
    static CaseRecord act(CaseRecord c, String action, String today, Object... pairs) {
        return Workflows.apply(c, action, Fields.root(body(pairs)), typedOn(today));
    }

    /** The codes of the actions the case allows on {@code today}. */
    static List<String> allowed(CaseRecord c, String today) {
        return Workflows.allowedActions(c, typedOn(today)).stream()
                .map(CaseAction::code)
                .toList();
    }

    /** Asserts that {@code call} fails with {@code code} on {@code field}, and returns the error. */
    static ApiException assertRefused(String code, String field, Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        return e;
    }

    /** The last history entry. */
    static HistoryEntry last(CaseRecord c) {
        return c.history().get(c.history().size() - 1);
    }
}
