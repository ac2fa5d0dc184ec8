package cn.banshi.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.catalog.Catalogs;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The templates file: SMS within one segment, only variables providers accept, every kind renders. */
class MessageTemplatesTest {
    final MessageTemplates templates = MessageTemplates.bundled();

    @Test
    void segmentsAreSeventyCharactersThenSixtySevenEach() {
        assertEquals(1, MessageTemplates.segments("字".repeat(70)));
        assertEquals(2, MessageTemplates.segments("字".repeat(71)));
        assertEquals(2, MessageTemplates.segments("字".repeat(134)));
        assertEquals(3, MessageTemplates.segments("字".repeat(135)));
        // characters, not UTF-16 units or bytes: an emoji outside the BMP is one character
        assertEquals(1, MessageTemplates.segments("😀".repeat(70)));
    }

    @Test
    void everySmsFitsOneSegmentWithTheLongestTownAndValues() {
        int longestTown = Catalogs.bundled().townIds().stream()
                .mapToInt(id ->
                        Catalogs.bundled().town(id).orElseThrow().town().name().length())
                .max()
                .orElseThrow();
        String townName = "镇".repeat(Math.max(longestTown, 5));
        for (String kind : templates.kinds()) {
            Map<String, String> longest = new HashMap<>();
            templates.smsVariables().forEach((name, max) -> longest.put(name, "9".repeat(max)));
            String text = templates.sms(kind, townName, longest);
            assertTrue(text.startsWith("【" + townName + "人民政府】"), text);
            assertEquals(1, MessageTemplates.segments(text), kind + " is " + text.length() + " characters: " + text);
        }
    }

    @Test
    void smsTemplatesUseOnlyTheVariablesProvidersAccept() {
        Set<String> allowed = templates.smsVariables().keySet();
        for (String kind : templates.kinds()) {
            String sms = templates.template(kind).sms();
            assertTrue(allowed.containsAll(MessageTemplates.variables(sms)), kind + ": " + sms);
            assertFalse(sms.contains("http"), "no links in an SMS: " + kind);
            assertFalse(sms.contains("【"), "the signature is added when sending: " + kind);
        }
        assertEquals(
                Set.of("trackingNo", "accessCode"),
                MessageTemplates.variables(templates.template("received").sms()));
        for (String kind : templates.kinds()) {
            if (!kind.equals("received")) {
                assertFalse(
                        MessageTemplates.variables(templates.template(kind).sms())
                                .contains("accessCode"),
                        kind);
                assertFalse(
                        MessageTemplates.variables(templates.template(kind).body())
                                .contains("accessCode"),
                        kind);
            }
        }
    }

    @Test
    void everyEmailRendersInChineseWithTheTownsName() {
        for (String kind : templates.kinds()) {
            Map<String, String> params = new HashMap<>();
            for (String v : MessageTemplates.variables(templates.template(kind).subject()
                    + templates.template(kind).body())) params.put(v, "值");
            MessageTemplates.EmailText e = templates.email(kind, "高塍镇", params);
            assertFalse(e.subject().contains("${"), kind);
            assertFalse(e.body().contains("${"), kind);
            assertTrue(e.body().contains("高塍镇人民政府"), kind);
        }
    }

    @Test
    void aMissingVariableIsAnErrorNotAnEmptyGap() {
        try {
            templates.sms("accepted", "高塍镇", Map.of());
            throw new AssertionError("rendered without its variable");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("trackingNo"));
        }
    }

    @Test
    void quietHoursAreNineInTheEveningToEightInTheMorningBeijingTime() {
        assertFalse(QuietHours.contains(Instant.parse("2021-04-06T12:59:59Z"))); // 20:59:59
        assertTrue(QuietHours.contains(Instant.parse("2021-04-06T13:00:00Z"))); // 21:00
        assertTrue(QuietHours.contains(Instant.parse("2021-04-06T23:59:59Z"))); // 07:59:59
        assertFalse(QuietHours.contains(Instant.parse("2021-04-07T00:00:00Z"))); // 08:00
        assertEquals(
                Instant.parse("2021-04-07T00:00:00Z"), QuietHours.nextAllowed(Instant.parse("2021-04-06T13:00:00Z")));
        assertEquals(
                Instant.parse("2021-04-07T00:00:00Z"), QuietHours.nextAllowed(Instant.parse("2021-04-06T17:30:00Z")));
        // the year boundary
        assertEquals(
                Instant.parse("2022-01-01T00:00:00Z"), QuietHours.nextAllowed(Instant.parse("2021-12-31T15:00:00Z")));
    }

    @Test
    void mimeHeaderWordsAreUtf8BaseSixtyFourAndNeverSplitACharacter() {
        String word = MimeMail.word("补正告知：请于 2021-04-20 前补正您的申请（7K3M-9QXD-T4W2-H8PZ）");
        for (String part : word.split("\r\n ")) {
            assertTrue(part.startsWith("=?UTF-8?B?") && part.endsWith("?="), part);
            assertTrue(part.length() <= 75, part);
        }
        assertEquals("plain ascii", MimeMail.word("plain ascii"));
    }
}
