package cn.banshi.staff;

import cn.banshi.audit.AuditLog;
import cn.banshi.auth.Staff;
import cn.banshi.cases.CaseListPage;
import cn.banshi.cases.CaseQuery;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStore;
import cn.banshi.cases.Personal;
import cn.banshi.cases.Personal.Applicant;
import cn.banshi.cases.Personal.Person;
import cn.banshi.catalog.Catalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The case list as CSV for Excel: UTF-8 with a BOM, CRLF lines, every cell quoted, and cells that a
 * spreadsheet would run as a formula (= + - @, tab, CR) prefixed with an apostrophe. Personal data columns
 * only for roles that see personal data, and such an export is audited.
 */
public final class CsvExport {
    public static final int MAX_ROWS = 10_000;
    private static final List<String> HEADER =
            List.of("查询编号", "类型", "分类", "村（社区）", "标题", "状态", "渠道", "收到日期", "办理期限", "是否逾期", "办结日期", "是否按期", "结果", "满意度");
    private static final List<String> PERSONAL_HEADER = List.of("姓名", "电话", "证件号码", "地址");

    private final CaseStore cases;
    private final AuditLog audit;

    public CsvExport(CaseStore cases, AuditLog audit) {
        this.cases = cases;
        this.audit = audit;
    }

    public String export(Staff staff, CaseQuery first, Catalog catalog, LocalDate today) {
        boolean personal = staff.seesPersonalData();
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(HEADER);
        if (personal) header.addAll(PERSONAL_HEADER);
        row(out, header);
        CaseQuery q = first;
        int rows = 0;
        while (rows < MAX_ROWS) {
            CaseListPage page = cases.list(q);
            for (CaseRecord c : page.items()) {
                List<String> cells = new ArrayList<>(List.of(
                        c.trackingNo(),
                        c.type().nameZh(),
                        catalog.category(c.category()).map(cat -> cat.name()).orElse(c.category()),
                        c.village() == null
                                ? ""
                                : catalog.village(c.village())
                                        .map(v -> v.name())
                                        .orElse(c.village()),
                        c.title(),
                        c.status().nameZh(),
                        c.channel(),
                        c.receivedOn().toString(),
                        c.dueDate() == null ? "" : c.dueDate().toString(),
                        c.isOverdue(today) ? "是" : "否",
                        c.resolution() == null ? "" : c.resolution().on().toString(),
                        c.resolution() == null ? "" : c.resolution().onTime() ? "是" : "否",
                        c.resolution() == null ? "" : c.resolution().outcome(),
                        c.rating() == null ? "" : Integer.toString(c.rating().score())));
                if (personal) cells.addAll(personalCells(c.personal()));
                row(out, cells);
                rows++;
            }
            if (page.nextCursor() == null || page.items().isEmpty()) break;
            q = new CaseQuery(
                    q.town(),
                    q.type(),
                    q.status(),
                    q.village(),
                    q.category(),
                    q.from(),
                    q.to(),
                    q.overdueOn(),
                    q.dueBefore(),
                    q.provisional(),
                    q.limit(),
                    page.nextCursor());
        }
        if (personal) audit.record(staff, "export-personal-data", null, rows + " rows");
        return out.toString();
    }

    /** Name, phone, ID number and address of the applicant or else the submitter; empty cells where unknown. */
    static List<String> personalCells(Personal personal) {
        String locationAddress =
                personal.location() == null ? null : personal.location().address();
        Applicant a = personal.applicant();
        if (a != null) {
            return List.of(
                    or(a.name(), a.organization()),
                    or(a.phone(), null),
                    or(a.idNumber(), a.creditCode()),
                    or(a.address(), locationAddress));
        }
        Person s = personal.submitter();
        if (s == null) return List.of("", "", "", or(null, locationAddress));
        return List.of(or(s.name(), null), or(s.phone(), null), "", or(null, locationAddress));
    }

    private static String or(String value, String otherwise) {
        return value != null ? value : otherwise != null ? otherwise : "";
    }

    static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One quoted cell, neutralised against formula injection. */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
