package cn.banshi.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.WorkingDayCalendar;
import cn.banshi.cases.CaseAction;
import cn.banshi.cases.CaseItems;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.HistoryEntry;
import cn.banshi.cases.PendingNotice;
import cn.banshi.cases.Personal;
import cn.banshi.cases.Personal.Contact;
import cn.banshi.catalog.Catalogs;
import cn.banshi.demo.DemoCases;
import cn.banshi.errors.ApiException;
import cn.banshi.notifications.CaseNotices;
import cn.banshi.notifications.Channel;
import cn.banshi.notifications.NotifyChoice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class FollowersTest {
    static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    private final CaseRecord open = openCase();

    static CaseRecord openCase() {
        DemoCases demo = new DemoCases(
                Catalogs.bundled().town("gaocheng").orElseThrow(), new Deadlines(WorkingDayCalendar.bundled()));
        for (DemoCases.DemoCase c : demo.openCases(LocalDate.of(2026, 12, 1), 40)) {
            CaseRecord r = c.record();
            if (SimilarCases.PUBLIC_TYPES.contains(r.type()) && r.personal().submitter() != null) {
                return r.toBuilder()
                        .outbox(List.of())
                        .personal(r.personal().withContact(new Contact(NotifyChoice.SMS, null)))
                        .build();
            }
        }
        throw new AssertionError("no open hotline case in the demo");
    }

    @Test
    void aFollowerIsAddedOnceAsTheNextVersionWithAConfirmation() {
        Followers.Added first =
                Followers.add(open, new Followers.Contact(NotifyChoice.BOTH, "13900001111", "a@example.com"), AT);
        assertTrue(first.added());
        assertEquals(open.version() + 1, first.next().version());
        assertEquals(open.history(), first.next().history(), "following is no step of the case");
        assertEquals("f1", first.follower().id());
        List<PendingNotice> confirmations = first.next().outbox();
        assertEquals(2, confirmations.size());
        for (PendingNotice n : confirmations) {
            assertEquals(Followers.CONFIRMATION, n.kind());
            assertEquals("f1", n.follower());
            assertEquals(open.trackingNo(), n.params().get("trackingNo"));
        }
        Followers.Added again = Followers.add(
                first.next(), new Followers.Contact(NotifyChoice.EMAIL, null, "A@example.com"), AT.plusSeconds(5));
        assertFalse(again.added(), "the same address follows already");
        assertEquals(first.next(), again.next());
        Followers.Added second =
                Followers.add(first.next(), new Followers.Contact(NotifyChoice.SMS, "13900002222", null), AT);
        assertEquals("f2", second.follower().id());
        assertEquals(2, second.next().personal().followers().size());
    }

    @Test
    void followersGetTheFilersPublicMessagesButNeverTheAccessCode() {
        CaseRecord followed = Followers.add(open, new Followers.Contact(NotifyChoice.SMS, "13900001111", null), AT)
                .next()
                .withOutbox(List.of());
        List<HistoryEntry> history = new ArrayList<>(followed.history());
        history.add(new HistoryEntry(
                history.size() + 1,
                AT,
                "clerk",
                CaseAction.RESOLVE,
                followed.status(),
                CaseStatus.RESOLVED,
                "已修复",
                "内部备注"));
        CaseRecord resolved = followed.toBuilder()
                .history(history)
                .version(followed.version() + 1)
                .build();
        List<PendingNotice> outbox = CaseNotices.afterStep(resolved, "ABCD1234").outbox();
        PendingNotice toFiler =
                outbox.stream().filter(n -> n.follower() == null).findFirst().orElseThrow();
        PendingNotice toFollower = outbox.stream()
                .filter(n -> "f1".equals(n.follower()))
                .findFirst()
                .orElseThrow();
        assertEquals("finished", toFollower.kind());
        assertEquals(Channel.SMS, toFollower.channel());
        assertEquals(history.size() + "#sms#f1", toFollower.id());
        assertEquals("ABCD1234", toFiler.params().get("accessCode"));
        assertFalse(toFollower.params().containsKey("accessCode"));
        assertFalse(toFollower.params().containsValue("内部备注"));
    }

    @Test
    void followersAndTheirMessagesRoundTripAndAbsentOnesWriteNothing() {
        Map<String, AttributeValue> plain = CaseItems.toItem(open);
        assertFalse(plain.get("personal").m().containsKey("followers"));
        CaseRecord followed = Followers.add(open, new Followers.Contact(NotifyChoice.EMAIL, null, "a@example.com"), AT)
                .next();
        Map<String, AttributeValue> item = CaseItems.toItem(followed);
        CaseRecord read = CaseItems.fromItem(item);
        assertEquals(followed, read);
        assertEquals(item, CaseItems.toItem(read));
        assertEquals(
                "a@example.com",
                item.get("personal")
                        .m()
                        .get("followers")
                        .l()
                        .get(0)
                        .m()
                        .get("email")
                        .s());
        assertEquals("f1", item.get("outbox").l().get(0).m().get("follower").s());
        Personal removed = Followers.remove(followed, "f1").personal();
        assertTrue(removed.followers().isEmpty());
    }

    @Test
    void aFinishedCaseCannotBeFollowed() {
        CaseRecord finished = open.toBuilder().status(CaseStatus.RESOLVED).build();
        ApiException e = assertThrows(
                ApiException.class,
                () -> Followers.add(finished, new Followers.Contact(NotifyChoice.SMS, "13900001111", null), AT));
        assertEquals("NOT_FOLLOWABLE", e.code());
    }
}
