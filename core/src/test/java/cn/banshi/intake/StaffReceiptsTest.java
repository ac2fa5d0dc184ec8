package cn.banshi.intake;

import static cn.banshi.intake.IntakeFixtures.assertRefused;
import static cn.banshi.intake.IntakeFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.validation.Fields;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Cases staff enter: the real day of receipt (not in the future, at most 366 days back) and the channel. */
class StaffReceiptsTest {
    private static final LocalDate TODAY = LocalDate.parse("2021-10-15");

    private static IntakeService.Receipt parse(String receivedOn, String channel) {
        return StaffReceipts.parse(
                Fields.root(json("{'receivedOn': '" + receivedOn + "', 'channel': '" + channel + "'}")),
                "clerk-1",
                TODAY);
    }

    @Test
    void receipt() {
        assertEquals(
                new IntakeService.Receipt("post", LocalDate.parse("2021-10-08"), "clerk-1"),
                parse("2021-10-08", "post"));
    }

    @Test
    @DisplayName("today is allowed, tomorrow is not")
    void notInTheFuture() {
        assertEquals(TODAY, parse("2021-10-15", "phone").receivedOn());
        assertRefused("OUT_OF_RANGE", "receivedOn", () -> parse("2021-10-16", "phone"));
    }

    @Test
    @DisplayName("366 days back is allowed (2020 was a leap year), 367 is not")
    void atMostAYearBack() {
        assertEquals(
                LocalDate.parse("2020-10-14"), parse("2020-10-14", "in-person").receivedOn());
        assertRefused("OUT_OF_RANGE", "receivedOn", () -> parse("2020-10-13", "in-person"));
    }

    @Test
    @DisplayName("the day and a known channel are required")
    void required() {
        assertRefused(
                "REQUIRED",
                "receivedOn",
                () -> StaffReceipts.parse(Fields.root(json("{'channel': 'post'}")), "clerk-1", TODAY));
        assertRefused(
                "REQUIRED",
                "channel",
                () -> StaffReceipts.parse(Fields.root(json("{'receivedOn': '2021-10-08'}")), "clerk-1", TODAY));
        assertRefused("INVALID_VALUE", "channel", () -> parse("2021-10-08", "wechat"));
        assertRefused("INVALID_FORMAT", "receivedOn", () -> parse("08/10/2021", "post"));
    }
}
