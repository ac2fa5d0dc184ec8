package cn.banshi.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.WorkingDayCalendar;
import cn.banshi.catalog.Catalogs;
import cn.banshi.demo.DemoCases;
import cn.banshi.staff.PersonalMasks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The citizen's words that staff marked as personal ({@code personal.markedTexts}): stored in the personal map only
 * when there are any (other items keep their bytes), read back as they were, the first words kept when a part is
 * marked again, and gone when the personal data is erased or masked for auditors.
 */
class MarkedTextsTest {
    private final CaseRecord demo = new DemoCases(
                    Catalogs.bundled().town("gaocheng").orElseThrow(), new Deadlines(WorkingDayCalendar.bundled()))
            .openCases(LocalDate.of(2026, 12, 1), 1)
            .get(0)
            .record();

    @Test
    void anItemWithoutMarksHasNoSuchAttributeAndReadsAsNone() {
        Map<String, AttributeValue> personal =
                CaseItems.toItem(demo).get("personal").m();
        assertFalse(personal.containsKey(PersonalItems.MARKED_TEXTS));
        assertEquals(
                Map.of(), CaseItems.fromItem(CaseItems.toItem(demo)).personal().markedTexts());
    }

    @Test
    void markedWordsRoundTripInThePartsOrderAndTheFirstWordsStay() {
        Personal p = demo.personal()
                .withMarkedText(FreeText.DESCRIPTION, "请回电13912345678")
                .withMarkedText(FreeText.TITLE, "王小明反映河道垃圾")
                .withMarkedText(FreeText.DESCRIPTION, "请回电＊＊＊5678");
        assertEquals("请回电13912345678", p.markedTexts().get(FreeText.DESCRIPTION), "the citizen's words stay");
        CaseRecord marked = demo.toBuilder().personal(p).build();
        Map<String, AttributeValue> item = CaseItems.toItem(marked);
        Map<String, AttributeValue> texts =
                item.get("personal").m().get(PersonalItems.MARKED_TEXTS).m();
        assertEquals(List.of("title", "description"), List.copyOf(texts.keySet()));
        assertEquals("王小明反映河道垃圾", texts.get("title").s());
        CaseRecord read = CaseItems.fromItem(item);
        assertEquals(marked, read);
        assertEquals(item, CaseItems.toItem(read));
        // everything else of the item is as before the mark
        Map<String, AttributeValue> unmarked = CaseItems.toItem(demo);
        for (String key : unmarked.keySet()) {
            if (!key.equals("personal")) assertEquals(unmarked.get(key), item.get(key), key);
        }
    }

    @Test
    void theOtherChangesOfThePersonalPartKeepTheMarks() {
        Personal p = demo.personal().withMarkedText(FreeText.TITLE, "王小明反映河道垃圾");
        assertEquals(p.markedTexts(), p.withLocation(null).markedTexts());
        assertEquals(p.markedTexts(), p.withContact(null).markedTexts());
        assertEquals(p.markedTexts(), p.withFollowers(List.of()).markedTexts());
        assertEquals(p.markedTexts(), p.withParties(List.of()).markedTexts());
    }

    @Test
    void erasureAndTheAuditorsMaskDropTheWords() {
        Personal p = demo.personal().withMarkedText(FreeText.DESCRIPTION, "请回电13912345678");
        assertEquals(Map.of(), p.erased().markedTexts());
        assertEquals(Map.of(), PersonalMasks.mask(p).markedTexts());
        assertFalse(PersonalItems.toAttribute(p.erased()).m().containsKey(PersonalItems.MARKED_TEXTS));
    }

    @Test
    void eachPartReadsAndReplacesItsOwnText() {
        Instant at = Instant.parse("2026-12-01T02:00:00Z");
        CaseRecord rated =
                demo.toBuilder().rating(new Rating(4, "有事打13912345678", at)).build();
        assertEquals(demo.title(), FreeText.TITLE.of(rated));
        assertEquals(demo.description(), FreeText.DESCRIPTION.of(rated));
        assertEquals("有事打13912345678", FreeText.RATING_COMMENT.of(rated));
        assertNull(FreeText.RATING_COMMENT.of(demo.toBuilder().rating(null).build()));
        assertEquals("标题＊＊＊", FreeText.TITLE.with(rated, "标题＊＊＊").title());
        assertEquals("内容＊＊＊", FreeText.DESCRIPTION.with(rated, "内容＊＊＊").description());
        Rating comment = FreeText.RATING_COMMENT.with(rated, "有事打＊＊＊").rating();
        assertEquals(new Rating(4, "有事打＊＊＊", at), comment);
        assertTrue(FreeText.find("ratingComment").isPresent());
        assertTrue(FreeText.find("status").isEmpty());
    }
}
