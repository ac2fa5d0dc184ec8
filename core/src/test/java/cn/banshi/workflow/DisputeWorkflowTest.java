package cn.banshi.workflow;

import static cn.banshi.workflow.WorkflowFixtures.act;
import static cn.banshi.workflow.WorkflowFixtures.allowed;
import static cn.banshi.workflow.WorkflowFixtures.assertRefused;
import static cn.banshi.workflow.WorkflowFixtures.d;
import static cn.banshi.workflow.WorkflowFixtures.last;
import static cn.banshi.workflow.WorkflowFixtures.received;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.Term;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.DisputeDetails;
import cn.banshi.cases.DisputeDetails.Session;
import cn.banshi.catalog.CaseType;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * People's mediation: the category's 30 calendar days from acceptance (not moved off weekends or holidays), the
 * mediator, sessions, the result and later its fulfilment.
 */
class DisputeWorkflowTest {

    /** A neighbours' dispute (30 calendar days), received Tue 2021-09-28. */
    private static CaseRecord dispute() {
        return received(CaseType.DISPUTE, "dispute-neighbour", "2021-09-28");
    }

    private static CaseRecord mediating() {
        return act(act(dispute(), "accept", "2021-09-30"), "assign-mediator", "2021-10-08", "mediator", "李调解员");
    }

    @Nested
    @DisplayName("allowed actions per status")
    class Allowed {
        @Test
        void submittedAcceptedMediating() {
            assertEquals(List.of("accept", "reject"), allowed(dispute(), "2021-09-30"));
            assertEquals(List.of("assign-mediator"), allowed(act(dispute(), "accept", "2021-09-30"), "2021-09-30"));
            assertEquals(List.of("record-session", "resolve"), allowed(mediating(), "2021-10-08"));
        }

        @Test
        @DisplayName("resolved with an agreement: its fulfilment can be recorded once, then only close")
        void resolvedWithAgreement() {
            CaseRecord c = act(mediating(), "resolve", "2021-10-20", "result", "agreement-reached");
            assertEquals(List.of("record-fulfilment", "close"), allowed(c, "2021-10-20"));
            CaseRecord fulfilled = act(c, "record-fulfilment", "2021-11-20", "fulfilled", true);
            assertEquals(List.of("close"), allowed(fulfilled, "2021-11-20"));
            assertEquals(List.of(), allowed(act(fulfilled, "close", "2021-11-21"), "2021-11-21"));
        }

        @Test
        void resolvedWithoutAgreement() {
            CaseRecord c = act(mediating(), "resolve", "2021-10-20", "result", "no-agreement");
            assertEquals(List.of("close"), allowed(c, "2021-10-20"));
            assertRefused(
                    "ACTION_NOT_ALLOWED", "action", () -> act(c, "record-fulfilment", "2021-10-21", "fulfilled", true));
        }
    }

    @Nested
    @DisplayName("due dates")
    class Due {
        @Test
        @DisplayName("at intake: 30 calendar days from receipt, Tue 2021-09-28 + 30 = Thu 2021-10-28")
        void intake() {
            assertEquals(d("2021-10-28"), dispute().dueDate());
        }

        @Test
        @DisplayName("accept: 30 calendar days from acceptance, Sep 30 + 30 = Sat Oct 30 (not moved)")
        void accept() {
            CaseRecord c = act(dispute(), "accept", "2021-09-30");
            assertEquals(CaseStatus.ACCEPTED, c.status());
            assertEquals(d("2021-10-30"), c.dueDate());
            assertEquals(d("2021-09-30"), c.details(DisputeDetails.class).acceptedOn());
            assertEquals(
                    Term.calendarDays(d("2021-09-30"), 30),
                    c.details().storedTerm().orElseThrow());
            assertEquals("调解申请已受理，原则上于 2021-10-30 前调结", last(c).publicNote());
        }

        @Test
        @DisplayName("accept recorded after the fact counts from effectiveOn: Sep 29 + 30 = Oct 29")
        void acceptEffectiveOn() {
            CaseRecord c = act(dispute(), "accept", "2021-09-30", "effectiveOn", "2021-09-29");
            assertEquals(d("2021-10-29"), c.dueDate());
            assertEquals(d("2021-09-29"), c.details(DisputeDetails.class).acceptedOn());
            assertEquals(d("2021-09-29"), last(c).effectiveOn());
        }

        @Test
        @DisplayName("resolved on the due date is on time, the day after is late")
        void onTime() {
            assertTrue(act(mediating(), "resolve", "2021-10-30", "result", "no-agreement")
                    .resolution()
                    .onTime());
            assertFalse(act(mediating(), "resolve", "2021-10-31", "result", "no-agreement")
                    .resolution()
                    .onTime());
        }
    }

    @Nested
    @DisplayName("mediation")
    class Mediation {
        @Test
        void assignMediator() {
            CaseRecord c = mediating();
            assertEquals(CaseStatus.MEDIATING, c.status());
            assertEquals("李调解员", c.details(DisputeDetails.class).mediator());
            assertRefused(
                    "REQUIRED",
                    "mediator",
                    () -> act(act(dispute(), "accept", "2021-09-30"), "assign-mediator", "2021-10-08"));
        }

        @Test
        @DisplayName("sessions: the given date or today, neither in the future nor before receipt")
        void sessions() {
            CaseRecord c = act(mediating(), "record-session", "2021-10-12", "date", "2021-10-09", "summary", "双方到场");
            c = act(c, "record-session", "2021-10-15", "summary", "再次调解");
            assertEquals(CaseStatus.MEDIATING, c.status());
            assertEquals(
                    List.of(new Session(d("2021-10-09"), "双方到场"), new Session(d("2021-10-15"), "再次调解")),
                    c.details(DisputeDetails.class).sessionsHeld());
            assertEquals("已于 2021-10-15 组织调解", last(c).publicNote());
            assertRefused(
                    "OUT_OF_RANGE",
                    "date",
                    () -> act(mediating(), "record-session", "2021-10-12", "date", "2021-10-13", "summary", "双方到场"));
            assertRefused(
                    "OUT_OF_RANGE",
                    "date",
                    () -> act(mediating(), "record-session", "2021-10-12", "date", "2021-09-27", "summary", "双方到场"));
            assertRefused("REQUIRED", "summary", () -> act(mediating(), "record-session", "2021-10-12"));
        }

        @Test
        @DisplayName("resolve: the result is agreement-reached or no-agreement; fulfilment not yet known")
        void resolve() {
            assertRefused(
                    "INVALID_VALUE", "result", () -> act(mediating(), "resolve", "2021-10-20", "result", "settled"));
            assertRefused("REQUIRED", "result", () -> act(mediating(), "resolve", "2021-10-20"));
            CaseRecord c = act(mediating(), "resolve", "2021-10-20", "result", "agreement-reached", "summary", "赔偿三千元");
            assertEquals(CaseStatus.RESOLVED, c.status());
            assertEquals("agreement-reached", c.resolution().outcome());
            assertEquals(d("2021-10-20"), c.resolution().on());
            assertNull(c.resolution().agreementFulfilled());
            assertEquals("赔偿三千元", c.details(DisputeDetails.class).resultSummary());
        }

        @Test
        @DisplayName("fulfilment: a boolean, recorded on the resolution; the status stays resolved")
        void fulfilment() {
            CaseRecord c = act(mediating(), "resolve", "2021-10-20", "result", "agreement-reached");
            assertRefused("REQUIRED", "fulfilled", () -> act(c, "record-fulfilment", "2021-11-20"));
            assertRefused(
                    "WRONG_TYPE", "fulfilled", () -> act(c, "record-fulfilment", "2021-11-20", "fulfilled", "yes"));
            CaseRecord notFulfilled = act(c, "record-fulfilment", "2021-11-20", "fulfilled", false);
            assertEquals(CaseStatus.RESOLVED, notFulfilled.status());
            assertEquals(Boolean.FALSE, notFulfilled.resolution().agreementFulfilled());
            assertEquals(c.resolution().on(), notFulfilled.resolution().on());
            assertEquals("调解协议未履行", last(notFulfilled).publicNote());
            assertEquals(
                    Boolean.TRUE,
                    act(c, "record-fulfilment", "2021-11-20", "fulfilled", true)
                            .resolution()
                            .agreementFulfilled());
        }

        @Test
        @DisplayName("assigning a mediator or recording a session cannot be back-dated")
        void undatedActions() {
            assertRefused(
                    "NOT_ALLOWED",
                    "effectiveOn",
                    () -> act(
                            act(dispute(), "accept", "2021-09-30"),
                            "assign-mediator",
                            "2021-10-08",
                            "mediator",
                            "李调解员",
                            "effectiveOn",
                            "2021-10-01"));
        }
    }
}
