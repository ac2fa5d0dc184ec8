package cn.banshi.workflow;

import static cn.banshi.workflow.WorkflowFixtures.act;
import static cn.banshi.workflow.WorkflowFixtures.allowed;
import static cn.banshi.workflow.WorkflowFixtures.assertRefused;
import static cn.banshi.workflow.WorkflowFixtures.d;
import static cn.banshi.workflow.WorkflowFixtures.last;
import static cn.banshi.workflow.WorkflowFixtures.received;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.Term;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.PetitionDetails;
import cn.banshi.catalog.CaseType;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Petitions, in calendar days (信访工作条例): register → forward (15 days) → acknowledge (15 days) → reply (60 days
 * from acceptance, one extension of at most 30) → review and re-review, each asked within 30 days of the last reply
 * and answered within 30.
 */
class PetitionWorkflowTest {

    /** A petition (60 calendar days at intake), received Mon 2021-09-27. */
    private static CaseRecord petition() {
        return received(CaseType.PETITION, "petition-other", "2021-09-27");
    }

    /** Registered Sep 28, forwarded Oct 8, acknowledged (accepted) Mon 2021-10-11. */
    private static CaseRecord inProgress() {
        CaseRecord c = act(petition(), "register", "2021-09-28");
        c = act(c, "forward", "2021-10-08", "handlingBody", "镇农业农村局");
        return act(c, "acknowledge", "2021-10-11");
    }

    /** Replied Mon 2021-11-15. */
    private static CaseRecord replied() {
        return act(inProgress(), "reply", "2021-11-15", "opinion", "经调查，已责成整改");
    }

    @Nested
    @DisplayName("steps and their due dates")
    class Steps {
        @Test
        @DisplayName("intake: 60 calendar days, Sep 27 + 60 = Nov 26")
        void intake() {
            assertEquals(d("2021-11-26"), petition().dueDate());
        }

        @Test
        @DisplayName("register: forward within 15 days, Sep 28 + 15 = Oct 13")
        void register() {
            CaseRecord c = act(petition(), "register", "2021-09-28");
            assertEquals(CaseStatus.REGISTERED, c.status());
            assertEquals(d("2021-10-13"), c.dueDate());
            assertEquals(d("2021-09-28"), c.details(PetitionDetails.class).registeredOn());
            assertEquals(List.of("forward"), allowed(c, "2021-09-28"));
        }

        @Test
        @DisplayName("forward: acknowledge within 15 days, Oct 8 + 15 = Oct 23; the body is required")
        void forward() {
            CaseRecord registered = act(petition(), "register", "2021-09-28");
            assertRefused("REQUIRED", "handlingBody", () -> act(registered, "forward", "2021-10-08"));
            CaseRecord c = act(registered, "forward", "2021-10-08", "handlingBody", "镇农业农村局");
            assertEquals(CaseStatus.FORWARDED, c.status());
            assertEquals(d("2021-10-23"), c.dueDate());
            PetitionDetails p = c.details(PetitionDetails.class);
            assertEquals("镇农业农村局", p.handlingBody());
            assertEquals(d("2021-10-08"), p.forwardedOn());
            assertEquals(List.of("acknowledge"), allowed(c, "2021-10-08"));
        }

        @Test
        @DisplayName("acknowledge: finish within 60 days of acceptance, Oct 11 + 60 = Dec 10")
        void acknowledge() {
            CaseRecord c = inProgress();
            assertEquals(CaseStatus.IN_PROGRESS, c.status());
            assertEquals(d("2021-12-10"), c.dueDate());
            assertEquals(d("2021-10-11"), c.details(PetitionDetails.class).acceptedOn());
            assertEquals(
                    Term.calendarDays(d("2021-10-11"), 60),
                    c.details().storedTerm().orElseThrow());
            assertEquals("已受理，将于 2021-12-10 前办结", last(c).publicNote());
            assertEquals(List.of("reply", "extend"), allowed(c, "2021-10-11"));
        }

        @Test
        @DisplayName("acknowledge recorded after the fact: Oct 9 + 60 = Dec 8")
        void acknowledgeEffectiveOn() {
            CaseRecord c = act(petition(), "register", "2021-09-28");
            c = act(c, "forward", "2021-10-08", "handlingBody", "镇农业农村局");
            c = act(c, "acknowledge", "2021-10-11", "effectiveOn", "2021-10-09");
            assertEquals(d("2021-12-08"), c.dueDate());
        }

        @Test
        @DisplayName("reject: finished as rejected with the reason public")
        void reject() {
            CaseRecord c = act(petition(), "reject", "2021-09-28", "reason", "已进入诉讼程序");
            assertEquals(CaseStatus.REJECTED, c.status());
            assertEquals("rejected", c.resolution().outcome());
            assertEquals(List.of(), allowed(c, "2021-09-28"));
        }
    }

    @Nested
    @DisplayName("the one extension")
    class Extension {
        @Test
        @DisplayName("30 days more: Oct 11 + 90 = 2022-01-09; then only reply")
        void extend() {
            CaseRecord c = act(inProgress(), "extend", "2021-12-01", "days", 30, "reason", "案情复杂");
            assertEquals(CaseStatus.IN_PROGRESS, c.status());
            assertEquals(d("2022-01-09"), c.dueDate());
            PetitionDetails p = c.details(PetitionDetails.class);
            assertTrue(p.isExtended());
            assertEquals("案情复杂", p.extensionReason());
            assertEquals(Term.calendarDays(d("2021-10-11"), 90), p.storedTerm().orElseThrow());
            assertEquals(List.of("reply"), allowed(c, "2021-12-01"));
            assertRefused(
                    "ACTION_NOT_ALLOWED", "action", () -> act(c, "extend", "2021-12-02", "days", 1, "reason", "案情复杂"));
        }

        @Test
        @DisplayName("1 to 30 days, with a reason")
        void limits() {
            CaseRecord c = inProgress();
            assertRefused("OUT_OF_RANGE", "days", () -> act(c, "extend", "2021-12-01", "days", 31, "reason", "案情复杂"));
            assertRefused("OUT_OF_RANGE", "days", () -> act(c, "extend", "2021-12-01", "days", 0, "reason", "案情复杂"));
            assertRefused("REQUIRED", "days", () -> act(c, "extend", "2021-12-01", "reason", "案情复杂"));
            assertRefused("REQUIRED", "reason", () -> act(c, "extend", "2021-12-01", "days", 10));
            assertEquals(
                    d("2021-12-20"),
                    act(c, "extend", "2021-12-01", "days", 10, "reason", "案情复杂").dueDate());
        }
    }

    @Nested
    @DisplayName("reply and review windows")
    class Reviews {
        @Test
        void reply() {
            CaseRecord c = replied();
            assertEquals(CaseStatus.RESOLVED, c.status());
            assertEquals(d("2021-11-15"), c.details(PetitionDetails.class).lastRepliedOn());
            assertEquals(d("2021-11-15"), c.resolution().on());
            assertEquals("resolved", c.resolution().outcome());
            assertTrue(c.resolution().onTime());
            assertEquals("已出具书面处理意见：经调查，已责成整改", last(c).publicNote());
        }

        @Test
        @DisplayName("a review may be asked until 30 days after the reply: Nov 15 + 30 = Dec 15")
        void requestWindow() {
            assertEquals(List.of("request-review"), allowed(replied(), "2021-12-15"));
            assertEquals(List.of(), allowed(replied(), "2021-12-16"));
        }

        @Test
        @DisplayName("review (复查): opinion due 30 days after the request was received")
        void review() {
            CaseRecord c = act(replied(), "request-review", "2021-12-01", "receivedOn", "2021-11-30");
            assertEquals(CaseStatus.UNDER_REVIEW, c.status());
            assertEquals(d("2021-12-30"), c.dueDate());
            assertEquals(1, c.details(PetitionDetails.class).reviewCount());
            assertEquals("已收到复查申请", last(c).publicNote());
            assertEquals(List.of("review-reply"), allowed(c, "2021-12-01"));
            CaseRecord answered = act(c, "review-reply", "2021-12-20", "opinion", "维持原处理意见");
            assertEquals(CaseStatus.RESOLVED, answered.status());
            assertEquals(
                    d("2021-12-20"), answered.details(PetitionDetails.class).lastRepliedOn());
            assertEquals("复查意见：维持原处理意见", last(answered).publicNote());
            // the first reply finished the case; the review does not change when
            assertEquals(d("2021-11-15"), answered.resolution().on());
        }

        @Test
        @DisplayName("the request's day: not before the reply, not in the future")
        void requestDay() {
            assertRefused(
                    "OUT_OF_RANGE",
                    "receivedOn",
                    () -> act(replied(), "request-review", "2021-12-01", "receivedOn", "2021-11-14"));
            assertRefused(
                    "OUT_OF_RANGE",
                    "receivedOn",
                    () -> act(replied(), "request-review", "2021-12-01", "receivedOn", "2021-12-02"));
            assertEquals(
                    d("2021-12-31"),
                    act(replied(), "request-review", "2021-12-01").dueDate());
        }

        @Test
        @DisplayName("re-review (复核): the window counts from the review opinion; no third review")
        void reReview() {
            CaseRecord c = act(replied(), "request-review", "2021-12-01", "receivedOn", "2021-11-30");
            c = act(c, "review-reply", "2021-12-20", "opinion", "维持原处理意见");
            // Dec 20 + 30 = Jan 19: still open on Jan 19 although the first reply was long ago
            assertEquals(List.of("request-review"), allowed(c, "2022-01-19"));
            assertEquals(List.of(), allowed(c, "2022-01-20"));
            c = act(c, "request-review", "2022-01-10", "receivedOn", "2022-01-10");
            assertEquals(2, c.details(PetitionDetails.class).reviewCount());
            assertEquals(d("2022-02-09"), c.dueDate());
            assertEquals("已收到复核申请", last(c).publicNote());
            c = act(c, "review-reply", "2022-01-25", "opinion", "维持复查意见");
            assertEquals("复核意见：维持复查意见", last(c).publicNote());
            assertEquals(List.of(), allowed(c, "2022-01-26"));
        }
    }
}
