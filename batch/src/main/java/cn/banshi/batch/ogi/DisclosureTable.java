package cn.banshi.batch.ogi;

import cn.banshi.batch.cases.CaseTally;
import cn.banshi.batch.cases.Ogi;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 三's statutory table: rows {@code new}, {@code carried-over}, each outcome, {@code total},
 * {@code carried-forward}; columns the applicant kinds and {@code total}. Built only if every request has a
 * known applicant kind and outcome and, per column, 一 + 二 = （七）总计 + 四; otherwise the job fails.
 */
public final class DisclosureTable {
    private final Map<String, long[]> rows;

    private DisclosureTable(Map<String, long[]> rows) {
        this.rows = rows;
    }

    /** Thrown when the figures do not add up: the report must not be published. */
    public static final class InconsistentFiguresException extends IllegalStateException {
        public InconsistentFiguresException(String message) {
            super(message);
        }
    }

    public static DisclosureTable from(CaseTally tally) {
        List<String> problems = new ArrayList<>();
        tally.withPrefix("ogi.").forEach((key, n) -> {
            if (key.startsWith("outcome.unknown.")) {
                problems.add("办理结果不在 ogi.md 的代码之列：ogi." + key + " = " + n);
            } else if (key.endsWith(".unknown")) {
                problems.add("申请人类型不在 ogi.md 的代码之列：ogi." + key + " = " + n);
            }
        });
        Map<String, long[]> rows = new LinkedHashMap<>();
        int kinds = Ogi.KINDS.size();
        for (String row : Ogi.rows()) rows.put(row, new long[kinds + 1]);
        for (int c = 0; c < kinds; c++) {
            String kind = Ogi.KINDS.get(c);
            rows.get("new")[c] = tally.get("ogi.new." + kind);
            rows.get("carried-over")[c] = tally.get("ogi.carried-over." + kind);
            rows.get("carried-forward")[c] = tally.get("ogi.carried-forward." + kind);
            long total = 0;
            for (String outcome : Ogi.OUTCOMES.keySet()) {
                long n = tally.get("ogi.outcome." + outcome + "." + kind);
                rows.get(outcome)[c] = n;
                total += n;
            }
            rows.get("total")[c] = total;
        }
        for (long[] values : rows.values()) {
            long sum = 0;
            for (int c = 0; c < kinds; c++) sum += values[c];
            values[kinds] = sum;
        }
        for (int c = 0; c <= kinds; c++) {
            long left = rows.get("new")[c] + rows.get("carried-over")[c];
            long right = rows.get("total")[c] + rows.get("carried-forward")[c];
            if (left != right) {
                problems.add("“" + Ogi.COLUMNS.get(c) + "”列：本年新收 " + rows.get("new")[c] + " + 上年结转 "
                        + rows.get("carried-over")[c] + " ≠ 办理结果总计 " + rows.get("total")[c] + " + 结转下年度 "
                        + rows.get("carried-forward")[c]);
            }
        }
        if (!problems.isEmpty()) {
            throw new InconsistentFiguresException(
                    "政府信息公开申请统计不平衡（一 + 二 ≠ 总计 + 四），报告不予生成：\n  " + String.join("\n  ", problems));
        }
        return new DisclosureTable(rows);
    }

    public long get(String row, String column) {
        return rows.get(row)[Ogi.COLUMNS.indexOf(column)];
    }

    public long[] row(String row) {
        return rows.get(row).clone();
    }

    /** report.json's {@code requests}: {"columns": [...], "rows": {ROW: [7 integers]}}. */
    public ObjectNode toJson() {
        ObjectNode requests = Json.object();
        ArrayNode columns = requests.putArray("columns");
        Ogi.COLUMNS.forEach(columns::add);
        ObjectNode r = requests.putObject("rows");
        rows.forEach((name, values) -> {
            ArrayNode a = r.putArray(name);
            for (long v : values) a.add(v);
        });
        return requests;
    }
}
