package cn.banshi.batch.ruleoflaw;

import cn.banshi.activities.Activity;
import cn.banshi.duty.LeadersDuty;
import cn.banshi.reports.document.Doc;
import cn.banshi.reports.document.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Section 三 from what staff entered: the principal leaders by post and name, the rule-of-law committee (who
 * chairs it, who are vice-chairs and members, who heads its office), its meetings with date, chair and what
 * they did, and the activities marked as the leaders' duty, in date order.
 */
final class LeadersDutyText {
    private LeadersDutyText() {}

    private record Item(LocalDate date, String heading, String text) {}

    static void section(Doc doc, Optional<LeadersDuty> entered, List<Activity> activities) {
        List<Activity> duty = activities.stream().filter(Activity::leaderDuty).toList();
        LeadersDuty d = entered.orElse(null);
        String duties = "认真履行推进法治建设第一责任人职责，对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。";
        if (d != null && !d.leaders().isEmpty()) {
            doc.para(Texts.list(
                            d.leaders().stream().map(LeadersDuty.Official::text).toList())
                    + duties);
        } else {
            doc.para("党政主要负责人" + duties);
        }
        int n = 0;
        if (d != null && d.committee() != null) {
            LeadersDuty.Committee c = d.committee();
            StringBuilder b = new StringBuilder();
            String members = c.chair().text() + "任主任"
                    + (c.viceChairs().isEmpty()
                            ? ""
                            : "，"
                                    + Texts.list(c.viceChairs().stream()
                                            .map(LeadersDuty.Official::text)
                                            .toList())
                                    + "任副主任")
                    + (c.members() != null ? "，" + c.members() + "为成员" : "");
            if (c.establishedOn() != null) {
                b.append(Texts.monthDay(c.establishedOn()))
                        .append("，成立")
                        .append(c.name())
                        .append("，由")
                        .append(members)
                        .append("。");
            } else {
                b.append(c.name()).append("由").append(members).append("。");
            }
            if (c.officeHead() != null) {
                b.append("委员会下设办公室，由").append(c.officeHead().text()).append("兼任办公室主任。");
            }
            String heading = (c.establishedOn() != null ? "成立" : "发挥")
                    + c.name()
                    + (c.establishedOn() != null ? "，加强党委对法治建设的全面领导" : "统筹协调作用");
            doc.heading(2, Texts.h2(++n, heading));
            doc.para(b.toString());
        }
        List<Item> items = new ArrayList<>();
        if (d != null) {
            for (LeadersDuty.Meeting m : d.meetings()) {
                String text = Texts.monthDay(m.date()) + "，" + Measures.stripEnd(m.title())
                        + (m.chair() != null ? "，会议由" + m.chair() + "主持" : "") + "。"
                        + (m.content() != null ? Texts.sentence(m.content()) : "");
                items.add(new Item(m.date(), Measures.stripEnd(m.title()), text));
            }
        }
        for (Activity a : duty) {
            items.add(new Item(
                    a.date(),
                    Measures.stripEnd(a.title()),
                    a.description() != null ? Texts.sentence(a.description()) : null));
        }
        items.sort(Comparator.comparing(Item::date));
        for (Item item : items) {
            doc.heading(2, Texts.h2(++n, item.heading()));
            if (item.text() != null) doc.para(item.text());
        }
    }
}
