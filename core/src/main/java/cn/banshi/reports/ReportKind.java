package cn.banshi.reports;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** The documents the batch jobs draft; {@link #code()} is the job name and the folder name. */
public enum ReportKind {
    RULE_OF_LAW_ANNUAL("rule-of-law-annual", "法治政府建设年度报告"),
    OGI_ANNUAL("ogi-annual", "政府信息公开工作年度报告"),
    NEXT_YEAR_PLAN("next-year-plan", "下一年度法治政府建设工作计划");

    private final String code;
    private final String nameZh;

    ReportKind(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    /**
     * The year a run started without one drafts, on {@code today} (a Beijing date): the work report and the plan
     * are drafted in mid-December for the year ending; the disclosure report is due by 31 January for the year
     * before.
     */
    public int defaultYear(LocalDate today) {
        return this == OGI_ANNUAL ? today.getYear() - 1 : today.getYear();
    }

    public static Optional<ReportKind> find(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
