package cn.banshi.workflow;

import static cn.banshi.workflow.WorkflowFixtures.CLERK;
import static cn.banshi.workflow.WorkflowFixtures.act;
import static cn.banshi.workflow.WorkflowFixtures.allowed;
import static cn.banshi.workflow.WorkflowFixtures.assertRefused;
import static cn.banshi.workflow.WorkflowFixtures.at;
import static cn.banshi.workflow.WorkflowFixtures.d;
import static cn.banshi.workflow.WorkflowFixtures.last;
import static cn.banshi.workflow.WorkflowFixtures.received;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.Term;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.HotlineDetails;
import cn.banshi.cases.Rating;
import cn.banshi.catalog.CaseType;
import cn.banshi.errors.ApiException;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The 12345 closed loop for complaints, help, enquiries and suggestions. Dates are counted by hand with the 2021
 * notice: Oct 1–7 off, Sat Oct 9 a make-up working day; the day of receipt is day zero.
 */
class HotlineWorkflowTest {

    /** A complaint about the environment (13 working days), received Thu 2021-09-30. */
    private static CaseRecord complaint() {
        return received(CaseType.COMPLAINT, "environment", "2021-09-30");
    }

    @Nested
    @DisplayName("intake due date: the category's limit from the day of receipt")
    class Intake {
        @Test
        @DisplayName("complaint: 13 working days from Thu 2021-09-30 is Mon 2021-10-25")
        void complaint13WorkingDays() {
            // Oct 8 = 1, Sat Oct 9 (make-up) = 2, Oct 11–15 = 3..7, Oct 18–22 = 8..12, Mon Oct 25 = 13
            CaseRecord c = complaint();
            assertEquals(d("2021-10-25"), c.dueDate());
            assertEquals(0, c.dueProvisionalYear());
            assertEquals(
                    Term.workingDays(d("2021-09-30"), 13),
                    c.details().storedTerm().orElseThrow());
        }

        @Test
        @DisplayName("help: 3 working days from Thu 2021-09-30 is Mon 2021-10-11")
        void help3WorkingDays() {
            // Oct 8 = 1, Sat Oct 9 (make-up) = 2, Mon Oct 11 = 3
            assertEquals(
                    d("2021-10-11"),
                    received(CaseType.HELP, "environment", "2021-09-30").dueDate());
        }
    }

    @Nested
    @DisplayName("allowed actions per status")
    class Allowed {
        @Test
        void submitted() {
            assertEquals(List.of("accept", "reject"), allowed(complaint(), "2021-10-08"));
        }

        @Test
        void accepted() {
            CaseRecord c = act(complaint(), "accept", "2021-10-08");
            assertEquals(List.of("assign", "reply"), allowed(c, "2021-10-08"));
        }

        @Test
        void assigned() {
            CaseRecord c = act(act(complaint(), "accept", "2021-10-08"), "assign", "2021-10-08", "village", "meijiadu");
            assertEquals(List.of("reply", "assign"), allowed(c, "2021-10-08"));
        }

        @Test
        void repliedResolvedClosed() {
            CaseRecord replied = act(act(complaint(), "accept", "2021-10-08"), "reply", "2021-10-11", "reply", "已处理完毕");
            assertEquals(List.of("resolve"), allowed(replied, "2021-10-11"));
            CaseRecord resolved = act(replied, "resolve", "2021-10-12");
            assertEquals(List.of("close"), allowed(resolved, "2021-10-12"));
            assertEquals(List.of(), allowed(act(resolved, "close", "2021-10-13"), "2021-10-13"));
        }

        @Test
        void rejected() {
            CaseRecord c = act(complaint(), "reject", "2021-10-08", "reason", "不属于本镇管辖");
            assertEquals(List.of(), allowed(c, "2021-10-08"));
        }

        @Test
        @DisplayName("an action the status does not allow: 422 ACTION_NOT_ALLOWED listing what is allowed")
        void notAllowed() {
            ApiException e =
                    assertRefused("ACTION_NOT_ALLOWED", "action", () -> act(complaint(), "resolve", "2021-10-08"));
            assertEquals(422, e.status());
            ObjectNode error = Json.object();
            e.describe(error);
            assertEquals("[\"accept\",\"reject\"]", error.get("allowedActions").toString());
            assertRefused("ACTION_NOT_ALLOWED", "action", () -> act(complaint(), "escalate", "2021-10-08"));
        }
    }

    @Nested
    @DisplayName("the closed loop")
    class Loop {
        @Test
        @DisplayName("accept: status and history change, the intake due date stays")
        void accept() {
            CaseRecord c = act(complaint(), "accept", "2021-10-08");
            assertEquals(CaseStatus.ACCEPTED, c.status());
            assertEquals(2, c.version());
            assertEquals(d("2021-10-25"), c.dueDate());
            HistoryEntry h = last(c);
            assertEquals(2, h.seq());
            assertEquals(CLERK, h.actor());
            assertEquals(CaseAction.ACCEPT, h.action());
            assertEquals(CaseStatus.SUBMITTED, h.fromStatus());
            assertEquals(CaseStatus.ACCEPTED, h.toStatus());
            assertEquals(at("2021-10-08"), h.at());
            assertNull(h.effectiveOn());
        }

        @Test
        void assignToVillage() {
            CaseRecord c = act(act(complaint(), "accept", "2021-10-08"), "assign", "2021-10-09", "village", "meijiadu");
            assertEquals(CaseStatus.ASSIGNED, c.status());
            assertEquals("meijiadu", c.village());
            assertEquals("village:meijiadu", c.details(HotlineDetails.class).assignedTo());
            assertEquals("已派单至梅家渎村办理", last(c).publicNote());
        }

        @Test
        void reassignToDepartment() {
            CaseRecord c = act(act(complaint(), "accept", "2021-10-08"), "assign", "2021-10-09", "village", "meijiadu");
            c = act(c, "assign", "2021-10-11", "department", "镇城管办");
            assertEquals(CaseStatus.ASSIGNED, c.status());
            assertEquals("department:镇城管办", c.details(HotlineDetails.class).assignedTo());
        }

        @Test
        @DisplayName("assign needs exactly one of village and department, and a known village")
        void assignRefused() {
            CaseRecord c = act(complaint(), "accept", "2021-10-08");
            assertRefused("INVALID_VALUE", "village", () -> act(c, "assign", "2021-10-08"));
            assertRefused(
                    "INVALID_VALUE",
                    "village",
                    () -> act(c, "assign", "2021-10-08", "village", "meijiadu", "department", "镇城管办"));
            assertRefused("UNKNOWN_VILLAGE", "village", () -> act(c, "assign", "2021-10-08", "village", "nowhere"));
        }

        @Test
        @DisplayName("resolve on the due date is on time, a day later is not")
        void resolveOnTime() {
            CaseRecord replied = act(act(complaint(), "accept", "2021-10-08"), "reply", "2021-10-11", "reply", "已处理完毕");
            CaseRecord onTime = act(replied, "resolve", "2021-10-25");
            assertEquals(CaseStatus.RESOLVED, onTime.status());
            assertEquals(d("2021-10-25"), onTime.resolution().on());
            assertEquals("resolved", onTime.resolution().outcome());
            assertTrue(onTime.resolution().onTime());
            assertFalse(act(replied, "resolve", "2021-10-26").resolution().onTime());
        }

        @Test
        void closeWithFollowUp() {
            CaseRecord c = act(act(complaint(), "accept", "2021-10-08"), "reply", "2021-10-11", "reply", "已处理完毕");
            c = act(act(c, "resolve", "2021-10-12"), "close", "2021-10-13", "followUp", "群众表示满意");
            assertEquals(CaseStatus.CLOSED, c.status());
            assertEquals("群众表示满意", c.details(HotlineDetails.class).followUp());
            assertEquals(5, c.history().size());
        }

        @Test
        @DisplayName("reject: a reason is required; the case is finished as rejected")
        void reject() {
            assertRefused("REQUIRED", "reason", () -> act(complaint(), "reject", "2021-10-08"));
            CaseRecord c = act(complaint(), "reject", "2021-10-08", "reason", "不属于本镇管辖");
            assertEquals(CaseStatus.REJECTED, c.status());
            assertEquals("rejected", c.resolution().outcome());
            assertEquals(d("2021-10-08"), c.resolution().on());
            assertEquals("不予受理：不属于本镇管辖", last(c).publicNote());
        }

        @Test
        @DisplayName("fields an action does not take are refused; a note stays internal")
        void fields() {
            assertRefused("UNKNOWN_FIELD", "foo", () -> act(complaint(), "accept", "2021-10-08", "foo", "x"));
            assertRefused(
                    "REQUIRED", "reply", () -> act(act(complaint(), "accept", "2021-10-08"), "reply", "2021-10-08"));
            CaseRecord c = act(complaint(), "accept", "2021-10-08", "note", "电话联系过");
            assertEquals("电话联系过", last(c).note());
        }
    }

    @Nested
    @DisplayName("rating")
    class Ratings {
        @Test
        @DisplayName("once after resolution; not twice, not before, not for a rejected case")
        void once() {
            CaseRecord replied = act(act(complaint(), "accept", "2021-10-08"), "reply", "2021-10-11", "reply", "已处理完毕");
            CaseRecord resolved = act(replied, "resolve", "2021-10-12");
            Rating rating = new Rating(5, "很好", at("2021-10-13"));
            CaseRecord rated = Workflows.rate(resolved, rating);
            assertEquals(rating, rated.rating());
            assertEquals(CaseStatus.RESOLVED, rated.status());
            assertEquals(CaseAction.RATE, last(rated).action());
            assertRefused("RATING_NOT_ALLOWED", "score", () -> Workflows.rate(rated, rating));
            assertRefused("RATING_NOT_ALLOWED", "score", () -> Workflows.rate(replied, rating));
            CaseRecord rejected = act(complaint(), "reject", "2021-10-08", "reason", "不属于本镇管辖");
            assertFalse(Workflows.canBeRated(rejected));
        }
    }
}
