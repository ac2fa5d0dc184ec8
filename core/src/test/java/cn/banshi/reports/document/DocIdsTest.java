package cn.banshi.reports.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocIdsTest {
    static Doc sample() {
        Doc doc = new Doc("报告");
        doc.para("导语");
        doc.heading(1, "一、总体情况").para("甲").para("乙");
        doc.heading(2, "（一）主动公开").para("丙").para("summary", "丁");
        doc.heading(3, "1. 细目").para("戊");
        doc.heading(1, "二、表格")
                .table(new Doc.Table(
                        null,
                        List.of(2, 1),
                        List.of(List.of(Doc.Cell.text("类别"), Doc.Cell.text("件数"))),
                        List.of("类别", "件数"),
                        List.of(List.of(Doc.Cell.label("投诉", 0), Doc.Cell.number(3))),
                        null));
        doc.chart(new Doc.Chart("图", List.of("1月"), List.of(3L), false));
        doc.signature("高塍镇人民政府", LocalDate.of(2022, 1, 20));
        return doc;
    }

    @Test
    void idsFollowTheStructure() {
        assertEquals(
                List.of(
                        "s0.p1",
                        "s1",
                        "s1.p1",
                        "s1.p2",
                        "s1.1",
                        "s1.1.p1",
                        "s1.1.k-summary",
                        "s1.1.1",
                        "s1.1.1.p1",
                        "s2",
                        "s2.t1",
                        "s2.c1",
                        "sig"),
                sample().entries().stream().map(Doc.Entry::id).toList());
        assertThrows(
                IllegalArgumentException.class,
                () -> new Doc("x").para("a", "1").para("a", "2"));
        assertThrows(IllegalArgumentException.class, () -> new Doc("x").para("Bad Key", "1"));
    }

    @Test
    void jsonRoundTripRendersTheSame() {
        Doc doc = sample();
        Doc back = DocJson.read(DocJson.write(doc));
        assertEquals(doc.entries(), back.entries());
        assertEquals(
                new String(HtmlRenderer.render(doc), StandardCharsets.UTF_8),
                new String(HtmlRenderer.render(back), StandardCharsets.UTF_8));
    }

    @Test
    void htmlHeadersHaveScopesAndHeadingsNeverSkip() {
        Doc doc = new Doc("报告");
        doc.heading(2, "（一）直接二级").heading(1, "一、一级");
        doc.table(sample().entries().get(10).block() instanceof Doc.Table t ? t : null);
        String html = new String(HtmlRenderer.render(doc), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h2 id=\"h-s0.1\">（一）直接二级</h2>"), html);
        assertTrue(html.contains("<th scope=\"col\">类别</th>"), html);
        assertTrue(html.contains("<th scope=\"row\">投诉</th><td class=\"n\">3</td>"), html);
        assertTrue(html.contains("<table aria-labelledby=\"h-s1\">"), html);
    }
}
