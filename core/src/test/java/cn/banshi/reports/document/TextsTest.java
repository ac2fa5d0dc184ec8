package cn.banshi.reports.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void chineseNumeralsForHeadingsAndEnumerations() {
        assertEquals("一", Texts.chinese(1));
        assertEquals("十", Texts.chinese(10));
        assertEquals("十一", Texts.chinese(11));
        assertEquals("二十", Texts.chinese(20));
        assertEquals("二十一", Texts.chinese(21));
        assertEquals("（十二）标题", Texts.h2(12, "标题"));
        assertEquals("三是", Texts.ordinal(3));
    }

    @Test
    void percentagesKeepOneDecimalAndDropTrailingZeros() {
        assertEquals("100%", Texts.percent(1334, 1334));
        assertEquals("66.7%", Texts.percent(2, 3));
        assertEquals("50%", Texts.percent(1, 2));
        assertEquals("—", Texts.percent(0, 0));
        assertEquals("4.33", Texts.average(13, 3));
    }

    @Test
    void datesAndLists() {
        assertEquals("2021年12月16日", Texts.date(LocalDate.of(2021, 12, 16)));
        assertEquals("梅家渎村、赋村村和红星社区", Texts.list(List.of("梅家渎村", "赋村村", "红星社区")));
        assertEquals("已办结。", Texts.sentence("已办结"));
        assertEquals("已办结！", Texts.sentence("已办结！"));
    }
}
