package cn.banshi.duty;

import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code PUT /admin/leaders-duty/{year}}: the whole entry; meetings and the committee's dates in the year. */
public final class LeadersDutyForms {
    private LeadersDutyForms() {}

    public static LeadersDuty read(Fields body, int year) {
        Fields root = body.allowOnly("leaders", "committee", "meetings");
        List<LeadersDuty.Official> leaders = new ArrayList<>();
        for (Fields o : root.objectArray("leaders", 0, 10)) leaders.add(official(o));
        LeadersDuty.Committee committee =
                root.optionalObject("committee").map(c -> committee(c, year)).orElse(null);
        List<LeadersDuty.Meeting> meetings = new ArrayList<>();
        for (Fields m : root.objectArray("meetings", 0, 50)) {
            m.allowOnly("date", "title", "chair", "content");
            LocalDate date = inYear(m, "date", year);
            meetings.add(new LeadersDuty.Meeting(
                    date,
                    m.requiredString("title", 2, 100),
                    m.optionalString("chair", 1, 50).orElse(null),
                    m.optionalString("content", 1, 2000).orElse(null)));
        }
        return new LeadersDuty(year, leaders, committee, meetings);
    }

    private static LeadersDuty.Committee committee(Fields c, int year) {
        c.allowOnly("name", "establishedOn", "chair", "viceChairs", "members", "officeHead");
        List<LeadersDuty.Official> vice = new ArrayList<>();
        for (Fields o : c.objectArray("viceChairs", 0, 10)) vice.add(official(o));
        return new LeadersDuty.Committee(
                c.requiredString("name", 2, 50),
                c.has("establishedOn") ? inYear(c, "establishedOn", year) : null,
                official(c.requiredObject("chair")),
                vice,
                c.optionalString("members", 1, 200).orElse(null),
                c.optionalObject("officeHead").map(LeadersDutyForms::official).orElse(null));
    }

    private static LeadersDuty.Official official(Fields o) {
        o.allowOnly("post", "name");
        return new LeadersDuty.Official(o.requiredString("post", 2, 50), o.requiredString("name", 2, 20));
    }

    private static LocalDate inYear(Fields f, String name, int year) {
        LocalDate date = f.requiredDate(name);
        if (date.getYear() != year) {
            throw Errors.invalidFormat(f.path(name), "日期应在" + year + "年内", "the date must be within " + year);
        }
        return date;
    }
}
