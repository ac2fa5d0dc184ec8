package cn.banshi.batch.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The codes and labels of the disclosure report's applicant columns and outcome rows (ogi.md). */
public final class Ogi {
    private Ogi() {}

    public static final List<String> KINDS = List.of(
            "natural-person",
            "commercial-enterprise",
            "research-institution",
            "public-interest-org",
            "legal-service-org",
            "other-org");
    /** {@link #KINDS} and "total": the columns of report.json's {@code requests}. */
    public static final List<String> COLUMNS = List.of(
            "natural-person",
            "commercial-enterprise",
            "research-institution",
            "public-interest-org",
            "legal-service-org",
            "other-org",
            "total");

    public static final Map<String, String> OUTCOMES = outcomes();

    private static Map<String, String> outcomes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("disclosed", "（一）予以公开");
        m.put("partially-disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        m.put("withheld:state-secret", "1.属于国家秘密");
        m.put("withheld:prohibited-by-law", "2.其他法律行政法规禁止公开");
        m.put("withheld:security-stability", "3.危及“三安全一稳定”");
        m.put("withheld:third-party-rights", "4.保护第三方合法权益");
        m.put("withheld:internal-affairs", "5.属于三类内部事务信息");
        m.put("withheld:process-information", "6.属于四类过程性信息");
        m.put("withheld:enforcement-files", "7.属于行政执法案卷");
        m.put("withheld:administrative-query", "8.属于行政查询事项");
        m.put("unavailable:not-held", "1.本机关不掌握相关政府信息");
        m.put("unavailable:needs-creation", "2.没有现成信息需要另行制作");
        m.put("unavailable:unclear-after-correction", "3.补正后申请内容仍不明确");
        m.put("not-processed:petition-complaint", "1.信访举报投诉类申请");
        m.put("not-processed:duplicate", "2.重复申请");
        m.put("not-processed:publication", "3.要求提供公开出版物");
        m.put("not-processed:excessive", "4.无正当理由大量反复申请");
        m.put("not-processed:confirmation", "5.要求行政机关确认或重新出具已获取信息");
        m.put("other:no-correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
        m.put("other:fee-unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
        m.put("other:other", "3.其他");
        return Collections.unmodifiableMap(m);
    }

    /** The rows of report.json's {@code requests}, in table order. */
    public static List<String> rows() {
        List<String> rows = new ArrayList<>();
        rows.add("new");
        rows.add("carried-over");
        rows.addAll(OUTCOMES.keySet());
        rows.add("total");
        rows.add("carried-forward");
        return rows;
    }
}
