package cn.banshi.staff;

import cn.banshi.audit.AuditLog;
import cn.banshi.auth.Staff;
import cn.banshi.cases.CasePage;
import cn.banshi.cases.CaseQuery;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatuses;
import cn.banshi.cases.CaseStore;
import cn.banshi.catalog.Catalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The case list as CSV for Excel: UTF-8 with a BOM, CRLF lines, every cell quoted, and cells that a
 * spreadsheet would run as a formula (= + - @, tab, CR) prefixed with an apostrophe. Personal data columns
 * only for roles that see personal data, and such an export is audited.
 */
public final class CsvExport {
    public static final int MAX_ROWS = 10_000;
    private static final List<String> HEADER = List.of("查询编号", "类型", "分类", "村（社区）", "标题", "状态", "渠道",
            "收到日期", "办理期限", "是否逾期", "办结日期", "是否按期", "结果", "满意度");
    private static final List<String> PERSONAL_HEADER = List.of("姓名", "电话", "证件号码", "地址");

    private final CaseStore cases;
    private final AuditLog audit;

    public CsvExport(CaseStore cases, AuditLog audit) {
        this.cases = cases;
        this.audit = audit;
    }

    public String export(Staff staff, CaseQuery first, Catalog catalog, java.time.LocalDate today) {
        boolean personal = staff.seesPersonalData();
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(HEADER);
        if (personal) header.addAll(PERSONAL_HEADER);
        row(out, header);
        CaseQuery q = first;
        int rows = 0;
        while (rows < MAX_ROWS) {
            CasePage page = cases.list(q);
            for (CaseRecord c : page.items()) {
                List<String> cells = new ArrayList<>(List.of(
                        c.trackingNo(), c.type().nameZh(),
                        catalog.category(c.category()).map(cat -> cat.name()).orElse(c.category()),
                        c.village() == null ? "" : catalog.village(c.village()).map(v -> v.name()).orElse(c.village()),
                        c.title(), CaseStatuses.nameZh(c.status()), c.channel(), c.receivedOn().toString(),
                        c.dueDate() == null ? "" : c.dueDate().toString(),
                        CaseViews.isOverdue(c, today) ? "是" : "否",
                        c.resolution() == null ? "" : c.resolution().on().toString(),
                        c.resolution() == null ? "" : c.resolution().onTime() ? "是" : "否",
                        c.resolution() == null ? "" : c.resolution().outcome(),
                        c.rating() == null ? "" : Integer.toString(c.rating().score())));
                if (personal) cells.addAll(personalCells(c.personal()));
                row(out, cells);
                rows++;
            }
            if (page.nextCursor() == null || page.items().isEmpty()) break;
            q = new CaseQuery(q.town(), q.type(), q.status(), q.village(), q.category(), q.from(), q.to(), q.overdueOn(),
                    q.dueBefore(), q.provisional(), q.limit(), page.nextCursor());
        }
        if (personal) audit.record(staff, "export-personal-data", null, rows + " rows");
        return out.toString();
    }

    static List<String> personalCells(JsonNode personal) {
        JsonNode person = personal.has("applicant") ? personal.get("applicant") : personal.path("submitter");
        String address = person.path("address").asText(personal.path("location").path("address").asText(""));
        return List.of(person.path("name").asText(person.path("organization").asText("")), person.path("phone").asText(""),
                person.path("idNumber").asText(person.path("creditCode").asText("")), address);
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
