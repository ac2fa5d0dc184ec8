package cn.banshi.calendar;

import java.util.Objects;

/**
 * One thing wrong with a year's holiday arrangement, in both languages, for an administrator.
 *
 * @param field     where the problem is, e.g. {@code "year"}, {@code "notice"}, {@code "daysOff[3]"}
 * @param messageZh the message in Chinese
 * @param messageEn the message in English
 */
public record CalendarProblem(String field, String messageZh, String messageEn) {

    public CalendarProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(messageEn, "messageEn");
    }
}
