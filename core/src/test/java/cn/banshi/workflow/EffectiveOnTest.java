package cn.banshi.workflow;

import static cn.banshi.workflow.WorkflowFixtures.act;
import static cn.banshi.workflow.WorkflowFixtures.allowed;
import static cn.banshi.workflow.WorkflowFixtures.assertRefused;
import static cn.banshi.workflow.WorkflowFixtures.at;
import static cn.banshi.workflow.WorkflowFixtures.d;
import static cn.banshi.workflow.WorkflowFixtures.last;
import static cn.banshi.workflow.WorkflowFixtures.received;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.catalog.CaseType;
import cn.banshi.intake.InfoRequestForms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code effectiveOn}: an action that starts or stops a statutory clock recorded after the fact. Allowed only on such
 * actions, not in the future, at most 30 days back and not before the day the previous step by a person took effect.
 */
class EffectiveOnTest {

    /** A complaint (13 working days) received Fri 2021-10-08: due Tue 2021-10-26. */
    private static CaseRecord complaint() {
        return received(CaseType.COMPLAINT, "environment", "2021-10-08");
    }

    /** Accepted Mon Oct 11, replied Wed Oct 13. */
    private static CaseRecord replied() {
        return act(act(complaint(), "accept", "2021-10-11"), "reply", "2021-10-13", "reply", "已处理完毕");
    }

    @Nested
    @DisplayName("which actions take it")
    class Actions {
        @Test
        @DisplayName("refused on an action that starts or stops no clock, and on an unknown action")
        void undated() {
            assertRefused(
                    "NOT_ALLOWED",
                    "effectiveOn",
                    () -> act(complaint(), "accept", "2021-10-12", "effectiveOn", "2021-10-11"));
            assertRefused(
                    "NOT_ALLOWED",
                    "effectiveOn",
                    () -> act(complaint(), "escalate", "2021-10-12", "effectiveOn", "2021-10-11"));
            assertRefused(
                    "NOT_ALLOWED",
                    "effectiveOn",
                    () -> act(
                            received(CaseType.INFO_REQUEST, InfoRequestForms.CATEGORY, "2021-09-30"),
                            "answer",
                            "2021-10-20",
                            "outcome",
                            "disclosed",
                            "effectiveOn",
                            "2021-10-19"));
        }

        @Test
        @DisplayName("the dated actions of each family")
        void dated() {
            assertTrue(Workflows.isDated(CaseType.COMPLAINT, CaseAction.RESOLVE));
            assertFalse(Workflows.isDated(CaseType.COMPLAINT, CaseAction.ACCEPT));
            assertTrue(Workflows.isDated(CaseType.DISPUTE, CaseAction.ACCEPT));
            assertFalse(Workflows.isDated(CaseType.DISPUTE, CaseAction.RECORD_SESSION));
            assertTrue(Workflows.isDated(CaseType.PETITION, CaseAction.REVIEW_REPLY));
            assertFalse(Workflows.isDated(CaseType.PETITION, CaseAction.REQUEST_REVIEW));
            assertTrue(Workflows.isDated(CaseType.INFO_REQUEST, CaseAction.CONSULT_THIRD_PARTY));
            assertFalse(Workflows.isDated(CaseType.INFO_REQUEST, CaseAction.ANSWER));
        }

        @Test
        void badDate() {
            assertRefused(
                    "INVALID_FORMAT",
                    "effectiveOn",
                    () -> act(complaint(), "reject", "2021-10-12", "reason", "重复投诉", "effectiveOn", "2021/10/11"));
        }
    }

    @Nested
    @DisplayName("how far back")
    class Range {
        @Test
        @DisplayName("the resolution and the history entry take the effective day; the typing time stays")
        void recorded() {
            CaseRecord c = act(complaint(), "reject", "2021-10-12", "reason", "重复投诉", "effectiveOn", "2021-10-11");
            assertEquals(d("2021-10-11"), c.resolution().on());
            assertEquals(d("2021-10-11"), last(c).effectiveOn());
            assertEquals(d("2021-10-11"), last(c).effectiveDay());
            assertEquals(at("2021-10-12"), last(c).at());
        }

        @Test
        @DisplayName("today is allowed, tomorrow is not")
        void notInTheFuture() {
            assertEquals(
                    d("2021-10-12"),
                    act(complaint(), "reject", "2021-10-12", "reason", "重复投诉", "effectiveOn", "2021-10-12")
                            .resolution()
                            .on());
            assertRefused(
                    "OUT_OF_RANGE",
                    "effectiveOn",
                    () -> act(complaint(), "reject", "2021-10-12", "reason", "重复投诉", "effectiveOn", "2021-10-13"));
        }

        @Test
        @DisplayName("typed Oct 15: Sep 15 (30 days back) is allowed, Sep 14 is not")
        void thirtyDaysBack() {
            CaseRecord c = received(CaseType.COMPLAINT, "environment", "2021-09-01");
            assertEquals(
                    d("2021-09-15"),
                    act(c, "reject", "2021-10-15", "reason", "重复投诉", "effectiveOn", "2021-09-15")
                            .resolution()
                            .on());
            assertRefused(
                    "OUT_OF_RANGE",
                    "effectiveOn",
                    () -> act(c, "reject", "2021-10-15", "reason", "重复投诉", "effectiveOn", "2021-09-14"));
        }
    }

    @Nested
    @DisplayName("the previous step")
    class PreviousStep {
        @Test
        @DisplayName("not before the previous step's day (the reply, Oct 13)")
        void notBeforePreviousStep() {
            assertRefused(
                    "OUT_OF_RANGE",
                    "effectiveOn",
                    () -> act(replied(), "resolve", "2021-10-15", "effectiveOn", "2021-10-12"));
            assertEquals(
                    d("2021-10-13"),
                    act(replied(), "resolve", "2021-10-15", "effectiveOn", "2021-10-13")
                            .resolution()
                            .on());
        }

        @Test
        @DisplayName("not before the submission, the first person's step")
        void notBeforeReceipt() {
            assertRefused(
                    "OUT_OF_RANGE",
                    "effectiveOn",
                    () -> act(complaint(), "reject", "2021-10-12", "reason", "重复投诉", "effectiveOn", "2021-10-07"));
        }

        @Test
        @DisplayName("the system's overdue mark is no step: resolved on Oct 14, typed after the mark, is on time")
        void systemEntriesSkipped() {
            CaseRecord marked = Workflows.markOverdue(replied(), at("2021-10-27"));
            assertEquals(Workflows.SYSTEM, last(marked).actor());
            CaseRecord c = act(marked, "resolve", "2021-10-27", "effectiveOn", "2021-10-14");
            assertEquals(d("2021-10-14"), c.resolution().on());
            assertTrue(c.resolution().onTime());
            assertFalse(act(marked, "resolve", "2021-10-27").resolution().onTime(), "due Oct 26");
        }

        @Test
        @DisplayName("a back-dated previous step counts from its effective day, not the day it was typed")
        void previousEffectiveDay() {
            CaseRecord c = received(CaseType.INFO_REQUEST, InfoRequestForms.CATEGORY, "2021-09-30");
            CaseRecord consulting =
                    act(c, "consult-third-party", "2021-10-14", "thirdParty", "某某建材公司", "effectiveOn", "2021-10-11");
            assertEquals(
                    d("2021-11-01"),
                    consulting.details(InfoRequestDetails.class).thirdPartyDue());
            assertRefused(
                    "OUT_OF_RANGE",
                    "effectiveOn",
                    () -> act(consulting, "third-party-replied", "2021-10-14", "effectiveOn", "2021-10-10"));
            // resumed on the day it paused: the due date is the intake one again
            assertEquals(
                    d("2021-11-03"),
                    act(consulting, "third-party-replied", "2021-10-14", "effectiveOn", "2021-10-11")
                            .dueDate());
        }
    }

    @Nested
    @DisplayName("the effective day decides what is allowed")
    class AllowedOn {
        @Test
        @DisplayName("a correction asked on Oct 15 (in the 7-day window) may be typed on Oct 18")
        void correctionWindow() {
            CaseRecord c = received(CaseType.INFO_REQUEST, InfoRequestForms.CATEGORY, "2021-09-30");
            assertFalse(allowed(c, "2021-10-18").contains("request-correction"));
            assertRefused(
                    "ACTION_NOT_ALLOWED",
                    "action",
                    () -> act(c, "request-correction", "2021-10-18", "items", "请写明所需信息的名称"));
            CaseRecord asked =
                    act(c, "request-correction", "2021-10-18", "items", "请写明所需信息的名称", "effectiveOn", "2021-10-15");
            // 15 working days from Fri Oct 15: Oct 18–22 = 1..5, Oct 25–29 = 6..10, Nov 1–5 = 11..15
            assertEquals(
                    d("2021-11-05"), asked.details(InfoRequestDetails.class).correctBy());
            assertEquals(
                    d("2021-10-15"), asked.details(InfoRequestDetails.class).correctionRequestedOn());
        }
    }
}
