package cn.banshi.batch.ruleoflaw;

import cn.banshi.activities.Activity;
import cn.banshi.activities.ActivityKind;
import cn.banshi.reports.document.Texts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A theme's activities as measures and results, not as a log: meetings counted (with the months and what the
 * first and last dealt with), events counted as 场次 with one or two highlights, documents and standing
 * measures as 一是…二是… with what they do. Only events count as 场次.
 */
final class Measures {
    private Measures() {}

    static String summary(List<Activity> items, String eventsNoun) {
        StringBuilder b = new StringBuilder();
        List<Activity> meetings = of(items, ActivityKind.MEETING);
        List<Activity> events = of(items, ActivityKind.EVENT);
        if (!meetings.isEmpty()) b.append(meetings(meetings));
        if (!events.isEmpty()) b.append(events(events, eventsNoun));
        int i = 0;
        List<Activity> listed = new ArrayList<>(of(items, ActivityKind.DOCUMENT));
        listed.addAll(of(items, ActivityKind.MEASURE));
        for (Activity a : listed) {
            b.append(Texts.ordinal(++i)).append(stripEnd(a.title())).append("。");
            if (a.description() != null) b.append(Texts.sentence(a.description()));
        }
        return b.toString();
    }

    /** The events of a kind, by date. */
    private static List<Activity> of(List<Activity> items, ActivityKind kind) {
        return items.stream()
                .filter(a -> a.kind() == kind)
                .sorted(Comparator.comparing(Activity::date).thenComparing(Activity::id))
                .toList();
    }

    static String meetings(List<Activity> meetings) {
        Activity first = meetings.get(0);
        if (meetings.size() == 1) {
            return Texts.monthDay(first.date()) + "，" + stripEnd(first.title()) + "。"
                    + (first.description() != null ? Texts.sentence(first.description()) : "");
        }
        List<String> months = meetings.stream()
                .map(a -> a.date().getMonthValue() + "月")
                .distinct()
                .toList();
        StringBuilder b = new StringBuilder("年内召开")
                .append(meetingNoun(meetings))
                .append(meetings.size())
                .append("次（分别于")
                .append(Texts.list(months))
                .append("）");
        if (first.description() != null) b.append("，").append(stripEnd(first.description()));
        Activity last = meetings.get(meetings.size() - 1);
        if (last.description() != null) {
            b.append("；").append(last.date().getMonthValue()).append("月的会议").append(stripEnd(last.description()));
        }
        return b.append("。").toString();
    }

    /** What the meetings' titles have in common: 召开第一季度法治工作专题会议 … → 法治工作专题会议. */
    static String meetingNoun(List<Activity> meetings) {
        String suffix = meetings.get(0).title().strip();
        for (Activity a : meetings) {
            String t = a.title().strip();
            int k = 0;
            while (k < suffix.length()
                    && k < t.length()
                    && suffix.charAt(suffix.length() - 1 - k) == t.charAt(t.length() - 1 - k)) k++;
            suffix = suffix.substring(suffix.length() - k);
        }
        int degree = suffix.lastIndexOf('度');
        if (degree >= 0) suffix = suffix.substring(degree + 1);
        return suffix.length() >= 2 && suffix.endsWith("会议") ? suffix : "专题会议";
    }

    static String events(List<Activity> events, String noun) {
        StringBuilder b =
                new StringBuilder("全年共开展").append(noun).append(events.size()).append("场次");
        // the two events described at most length, in date order
        List<Activity> highlights = events.stream()
                .sorted(Comparator.comparing((Activity a) ->
                                a.description() == null ? 0 : -a.description().length())
                        .thenComparing(Activity::date))
                .limit(2)
                .sorted(Comparator.comparing(Activity::date))
                .toList();
        if (!highlights.isEmpty()) {
            b.append("，其中");
            List<String> parts = new ArrayList<>();
            for (Activity a : highlights) {
                String where = a.place() != null && !a.title().contains(a.place()) ? "在" + a.place() : "";
                parts.add(Texts.monthDay(a.date())
                        + where
                        + stripEnd(a.title())
                        + (a.description() != null ? "，" + stripEnd(a.description()) : ""));
            }
            b.append(String.join("；", parts));
        }
        return b.append("。").toString();
    }

    static String stripEnd(String s) {
        String t = s.strip();
        return t.endsWith("。") ? t.substring(0, t.length() - 1) : t;
    }
}
