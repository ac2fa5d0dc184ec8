package cn.banshi.workflow;

import static cn.banshi.workflow.WorkflowFixtures.DEADLINES;
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

import cn.banshi.calendar.WorkingDayClock;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.catalog.CaseType;
import cn.banshi.errors.ApiException;
import cn.banshi.intake.InfoRequestForms;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Information requests on their pausable 20-working-day clock. Dates are counted by hand with the 2021 notice (Oct
 * 1–7 off, Sat Oct 9 a make-up working day; day zero is the day the clock starts). The request is received Thu
 * 2021-09-30: Oct 8 = 1, Oct 9 = 2, Oct 11–15 = 3..7, Oct 18–22 = 8..12, Oct 25–29 = 13..17, Nov 1–3 = 18..20.
 */
class InfoRequestWorkflowTest {

    private static CaseRecord request() {
        return received(CaseType.INFO_REQUEST, InfoRequestForms.CATEGORY, "2021-09-30");
    }

    private static WorkingDayClock clock(CaseRecord c) {
        return c.details(InfoRequestDetails.class).clock(DEADLINES, c.receivedOn());
    }

    @Nested
    @DisplayName("allowed actions per status")
    class Allowed {
        @Test
        @DisplayName("submitted: a correction may be asked within 7 working days of receipt (to Oct 15)")
        void submitted() {
            assertEquals(
                    List.of("request-correction", "answer", "consult-third-party", "extend", "withdraw"),
                    allowed(request(), "2021-10-15"));
            assertEquals(
                    List.of("answer", "consult-third-party", "extend", "withdraw"), allowed(request(), "2021-10-18"));
        }

        @Test
        @DisplayName("awaiting correction: answering (as uncorrected) only once the correction deadline passed")
        void awaitingCorrection() {
            CaseRecord c = act(request(), "request-correction", "2021-10-12", "items", "请写明所需信息的名称");
            assertEquals(List.of("receive-correction", "withdraw"), allowed(c, "2021-11-02"));
            assertEquals(List.of("receive-correction", "answer", "withdraw"), allowed(c, "2021-11-03"));
        }

        @Test
        void consultingThirdParty() {
            CaseRecord c = act(request(), "consult-third-party", "2021-10-11", "thirdParty", "某某建材公司");
            assertEquals(List.of("third-party-replied", "withdraw"), allowed(c, "2021-10-11"));
        }

        @Test
        @DisplayName("in progress after a correction: no second correction; answered and withdrawn: nothing")
        void inProgressAndFinished() {
            CaseRecord c = act(request(), "request-correction", "2021-10-12", "items", "请写明所需信息的名称");
            c = act(c, "receive-correction", "2021-10-20", "receivedOn", "2021-10-20");
            assertEquals(List.of("answer", "consult-third-party", "extend", "withdraw"), allowed(c, "2021-10-20"));
            assertEquals(List.of(), allowed(act(c, "answer", "2021-10-21", "outcome", "disclosed"), "2021-10-21"));
            assertEquals(List.of(), allowed(act(c, "withdraw", "2021-10-21"), "2021-10-21"));
        }
    }

    @Nested
    @DisplayName("the reply clock")
    class Clock {
        @Test
        @DisplayName("at intake: 20 working days from Thu 2021-09-30 is Wed 2021-11-03")
        void intake() {
            CaseRecord c = request();
            assertEquals(d("2021-11-03"), c.dueDate());
            assertNull(c.details(InfoRequestDetails.class).clock());
        }

        @Test
        @DisplayName("consulting a third party pauses it: no due date; the third party has 15 working days")
        void pause() {
            CaseRecord c = act(request(), "consult-third-party", "2021-10-11", "thirdParty", "某某建材公司");
            assertEquals(CaseStatus.CONSULTING_THIRD_PARTY, c.status());
            assertNull(c.dueDate());
            // 3 working days used (Oct 8, 9, 11); third party: Oct 12–15 = 1..4, 18–22 = 5..9, 25–29 = 10..14, Nov 1
            assertEquals(3, clock(c).usedWorkingDays());
            assertEquals(d("2021-10-11"), clock(c).pausedOn());
            assertEquals(d("2021-11-01"), c.details(InfoRequestDetails.class).thirdPartyDue());
            // who the third party is stays internal
            assertEquals("征求第三方意见：某某建材公司", last(c).note());
            assertFalse(last(c).publicNote().contains("某某建材公司"));
        }

        @Test
        @DisplayName("the reply resumes it with the 17 days left: from Mon Oct 25 to Wed Nov 17")
        void resume() {
            CaseRecord c = act(request(), "consult-third-party", "2021-10-11", "thirdParty", "某某建材公司");
            c = act(c, "third-party-replied", "2021-10-25");
            // Oct 26–29 = 1..4, Nov 1–5 = 5..9, Nov 8–12 = 10..14, Nov 15–17 = 15..17
            assertEquals(CaseStatus.IN_PROGRESS, c.status());
            assertEquals(d("2021-11-17"), c.dueDate());
            assertEquals("第三方意见已回复，答复期限至 2021-11-17", last(c).publicNote());
        }

        @Test
        @DisplayName("pausing and resuming on the same day leaves the due date as it was")
        void sameDayPause() {
            CaseRecord c = act(request(), "consult-third-party", "2021-10-11", "thirdParty", "某某建材公司");
            assertEquals(
                    d("2021-11-03"), act(c, "third-party-replied", "2021-10-11").dueDate());
        }

        @Test
        @DisplayName("it cannot be paused once the period ran out: 422 DEADLINE_PASSED")
        void pauseTooLate() {
            assertEquals(
                    CaseStatus.CONSULTING_THIRD_PARTY,
                    act(request(), "consult-third-party", "2021-11-03", "thirdParty", "某某建材公司")
                            .status());
            ApiException e = assertRefused(
                    "DEADLINE_PASSED",
                    "action",
                    () -> act(request(), "consult-third-party", "2021-11-04", "thirdParty", "某某建材公司"));
            assertEquals(422, e.status());
        }

        @Test
        @DisplayName("the one extension adds 20 working days: 40 from Sep 30 is Wed Dec 1")
        void extend() {
            // Nov 4–5 = 21, 22, Nov 8–12 = 23..27, 15–19 = 28..32, 22–26 = 33..37, Nov 29, 30, Dec 1 = 38..40
            assertRefused("REQUIRED", "reason", () -> act(request(), "extend", "2021-10-20"));
            CaseRecord c = act(request(), "extend", "2021-10-20", "reason", "需要调取档案");
            assertEquals(CaseStatus.SUBMITTED, c.status());
            assertEquals(d("2021-12-01"), c.dueDate());
            assertTrue(c.details(InfoRequestDetails.class).isExtended());
            assertEquals("经政府信息公开工作机构负责人同意，答复期限延长至 2021-12-01", last(c).publicNote());
            assertEquals(List.of("answer", "consult-third-party", "withdraw"), allowed(c, "2021-10-20"));
        }

        @Test
        @DisplayName("a pause after the extension: 13 days used by Oct 25, 27 left from Nov 1 end on Dec 8")
        void pauseAfterExtension() {
            CaseRecord c = act(request(), "extend", "2021-10-20", "reason", "需要调取档案");
            c = act(c, "consult-third-party", "2021-10-25", "thirdParty", "某某建材公司");
            // used: Oct 8, 9, Oct 11–15, Oct 18–22, Oct 25 = 13
            assertEquals(13, clock(c).usedWorkingDays());
            c = act(c, "third-party-replied", "2021-11-01");
            // Nov 2–5 = 1..4, 8–12 = 5..9, 15–19 = 10..14, 22–26 = 15..19, Nov 29–Dec 3 = 20..24, Dec 6–8 = 25..27
            assertEquals(d("2021-12-08"), c.dueDate());
        }
    }

    @Nested
    @DisplayName("correction")
    class Correction {
        @Test
        @DisplayName("asking stops the clock; the applicant has 15 working days by default (Oct 12 → Nov 2)")
        void ask() {
            CaseRecord c = act(request(), "request-correction", "2021-10-12", "items", "请写明所需信息的名称");
            // Oct 13–15 = 1..3, Oct 18–22 = 4..8, Oct 25–29 = 9..13, Nov 1 = 14, Nov 2 = 15
            assertEquals(CaseStatus.AWAITING_CORRECTION, c.status());
            assertNull(c.dueDate());
            InfoRequestDetails x = c.details(InfoRequestDetails.class);
            assertEquals(d("2021-11-02"), x.correctBy());
            assertEquals(d("2021-10-12"), x.correctionRequestedOn());
        }

        @Test
        @DisplayName("a given correctBy must be after the notice's day; items are required")
        void correctBy() {
            CaseRecord c = act(
                    request(), "request-correction", "2021-10-12", "items", "请写明所需信息的名称", "correctBy", "2021-10-22");
            assertEquals(d("2021-10-22"), c.details(InfoRequestDetails.class).correctBy());
            assertRefused(
                    "OUT_OF_RANGE",
                    "correctBy",
                    () -> act(
                            request(),
                            "request-correction",
                            "2021-10-12",
                            "items",
                            "请写明所需信息的名称",
                            "correctBy",
                            "2021-10-12"));
            assertRefused("REQUIRED", "items", () -> act(request(), "request-correction", "2021-10-12"));
        }

        @Test
        @DisplayName("the correction restarts the full 20 days: from Wed Oct 20 to Wed Nov 17")
        void restart() {
            CaseRecord c = act(request(), "request-correction", "2021-10-12", "items", "请写明所需信息的名称");
            c = act(c, "receive-correction", "2021-10-21", "receivedOn", "2021-10-20");
            // Oct 21–22 = 1, 2, Oct 25–29 = 3..7, Nov 1–5 = 8..12, Nov 8–12 = 13..17, Nov 15–17 = 18..20
            assertEquals(CaseStatus.IN_PROGRESS, c.status());
            assertEquals(d("2021-11-17"), c.dueDate());
            assertTrue(c.details(InfoRequestDetails.class).isCorrected());
            assertEquals(d("2021-10-20"), clock(c).countingFrom());
            assertEquals(0, clock(c).usedWorkingDays());
        }

        @Test
        @DisplayName("the correction cannot be received before it was asked for")
        void receivedBeforeAsked() {
            CaseRecord c = act(request(), "request-correction", "2021-10-12", "items", "请写明所需信息的名称");
            assertRefused(
                    "OUT_OF_RANGE",
                    "receivedOn",
                    () -> act(c, "receive-correction", "2021-10-21", "receivedOn", "2021-10-11"));
        }

        @Test
        @DisplayName("the restart discards an earlier extension, and with it the right to one comes back")
        void restartDiscardsExtension() {
            CaseRecord c = act(request(), "extend", "2021-10-08", "reason", "需要调取档案");
            c = act(c, "request-correction", "2021-10-11", "items", "请写明所需信息的名称");
            c = act(c, "receive-correction", "2021-10-20", "receivedOn", "2021-10-20");
            assertEquals(d("2021-11-17"), c.dueDate());
            assertFalse(c.details(InfoRequestDetails.class).isExtended());
            assertTrue(allowed(c, "2021-10-20").contains("extend"));
        }

        @Test
        @DisplayName("an uncorrected request is answered only as other:no-correction, and only so")
        void noCorrection() {
            CaseRecord c = act(request(), "request-correction", "2021-10-12", "items", "请写明所需信息的名称");
            assertRefused("NOT_ALLOWED", "outcome", () -> act(c, "answer", "2021-11-03", "outcome", "disclosed"));
            CaseRecord closed = act(c, "answer", "2021-11-03", "outcome", "other:no-correction");
            assertEquals(CaseStatus.ANSWERED, closed.status());
            assertEquals("other:no-correction", closed.resolution().outcome());
            assertTrue(closed.resolution().onTime(), "no due date while the clock is stopped");
            assertRefused(
                    "NOT_ALLOWED",
                    "outcome",
                    () -> act(request(), "answer", "2021-10-20", "outcome", "other:no-correction"));
        }
    }

    @Nested
    @DisplayName("answer and withdrawal")
    class Finish {
        @Test
        @DisplayName("answered on the due date is on time; the reply's date may be given")
        void answer() {
            CaseRecord c = act(
                    request(),
                    "answer",
                    "2021-11-05",
                    "outcome",
                    "disclosed",
                    "repliedOn",
                    "2021-11-03",
                    "reply",
                    "所申请信息见附件");
            assertEquals(CaseStatus.ANSWERED, c.status());
            assertEquals(d("2021-11-03"), c.resolution().on());
            assertTrue(c.resolution().onTime());
            assertEquals("所申请信息见附件", c.details(InfoRequestDetails.class).reply());
            assertEquals("已于 2021-11-03 作出答复", last(c).publicNote());
            assertFalse(act(request(), "answer", "2021-11-04", "outcome", "disclosed")
                    .resolution()
                    .onTime());
        }

        @Test
        @DisplayName("the outcome is a code of the annual report; the reply's date neither future nor before receipt")
        void answerRefused() {
            assertRefused("REQUIRED", "outcome", () -> act(request(), "answer", "2021-10-20"));
            assertRefused(
                    "INVALID_VALUE", "outcome", () -> act(request(), "answer", "2021-10-20", "outcome", "published"));
            assertRefused(
                    "OUT_OF_RANGE",
                    "repliedOn",
                    () -> act(request(), "answer", "2021-10-20", "outcome", "disclosed", "repliedOn", "2021-10-21"));
            assertRefused(
                    "OUT_OF_RANGE",
                    "repliedOn",
                    () -> act(request(), "answer", "2021-10-20", "outcome", "disclosed", "repliedOn", "2021-09-29"));
        }

        @Test
        @DisplayName("withdrawal: finished as other:other on the day it took effect")
        void withdraw() {
            CaseRecord c = act(request(), "withdraw", "2021-10-20", "reason", "已通过其他途径获得", "effectiveOn", "2021-10-18");
            assertEquals(CaseStatus.WITHDRAWN, c.status());
            assertEquals("other:other", c.resolution().outcome());
            assertEquals(d("2021-10-18"), c.resolution().on());
            assertEquals("已通过其他途径获得", c.details(InfoRequestDetails.class).withdrawReason());
            assertFalse(Workflows.canBeRated(c));
        }
    }
}
