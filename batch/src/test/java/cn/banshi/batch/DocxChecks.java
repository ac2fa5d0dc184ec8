package cn.banshi.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Checks a report.docx against GB/T 9704-2012 with Apache POI, and has LibreOffice (headless) convert it to
 * PDF. soffice must be installed (Debian: libreoffice-writer; .ci/run installs it).
 */
public final class DocxChecks {
    private DocxChecks() {}

    static long mm(double millimetres) {
        return Math.round(millimetres * 1440 / 25.4);
    }

    private static long twips(Object value) {
        return new BigInteger(String.valueOf(value)).longValue();
    }

    private static void assertMm(double expected, Object actualTwips, String what) {
        long actual = twips(actualTwips);
        assertTrue(
                Math.abs(actual - mm(expected)) <= mm(1),
                what + ": " + actual + " twips, expected " + expected + " mm ± 1");
    }

    private static String font(XWPFRun run) {
        return run.getFontFamily(XWPFRun.FontCharRange.eastAsia);
    }

    /** Returns the texts of the level-1 headings, in order. */
    public static List<String> assertOfficialLayout(Path docx, String title) throws Exception {
        try (InputStream in = Files.newInputStream(docx);
                XWPFDocument doc = new XWPFDocument(in)) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertEquals(11906, twips(sect.getPgSz().getW()), "A4 width");
            assertEquals(16838, twips(sect.getPgSz().getH()), "A4 height");
            assertMm(37, sect.getPgMar().getTop(), "top margin 天头");
            assertMm(28, sect.getPgMar().getLeft(), "left margin 订口");
            assertMm(26, sect.getPgMar().getRight(), "right margin");
            assertMm(35, sect.getPgMar().getBottom(), "bottom margin");
            assertMm(
                    156,
                    twips(11906)
                            - twips(sect.getPgMar().getLeft())
                            - twips(sect.getPgMar().getRight()),
                    "type area width");

            XWPFParagraph first = doc.getParagraphs().get(0);
            assertEquals(title, first.getText());
            assertEquals(ParagraphAlignment.CENTER, first.getAlignment());
            assertEquals("方正小标宋简体", font(first.getRuns().get(0)));
            assertEquals(22.0, first.getRuns().get(0).getFontSizeAsDouble(), "title 2号");

            assertStyle(doc.getStyles().getStyle("Heading1"), 0, "黑体", false);
            assertStyle(doc.getStyles().getStyle("Heading2"), 1, "楷体_GB2312", false);
            assertStyle(doc.getStyles().getStyle("Heading3"), 2, "仿宋_GB2312", true);

            List<String> level1 = new ArrayList<>();
            int bodyParagraphs = 0;
            for (XWPFParagraph p : doc.getParagraphs()) {
                if (p.getRuns().isEmpty() || p == first) continue;
                XWPFRun run = p.getRuns().get(0);
                String style = p.getStyleID();
                if ("Heading1".equals(style)) {
                    level1.add(p.getText());
                    assertTrue(p.getText().matches("^([一二三四五六七八九十]+、|附表\\d+\u3000).+"), p.getText());
                    assertEquals("黑体", font(run));
                    assertEquals(16.0, run.getFontSizeAsDouble());
                } else if ("Heading2".equals(style)) {
                    assertTrue(p.getText().matches("^（[一二三四五六七八九十]+）.+"), p.getText());
                    assertEquals("楷体_GB2312", font(run));
                    assertEquals(16.0, run.getFontSizeAsDouble());
                } else if ("Normal".equals(style) && p.getAlignment() == ParagraphAlignment.BOTH) {
                    bodyParagraphs++;
                    assertEquals("仿宋_GB2312", font(run), p.getText());
                    assertEquals(16.0, run.getFontSizeAsDouble(), "body 3号");
                    assertEquals(640, p.getIndentationFirstLine(), "first line indented two characters");
                }
            }
            assertTrue(bodyParagraphs >= 3, "body paragraphs: " + bodyParagraphs);
            assertTrue(level1.size() >= 5, level1.toString());

            XWPFFooter odd = doc.getHeaderFooterPolicy().getDefaultFooter();
            XWPFFooter even = doc.getHeaderFooterPolicy().getEvenPageFooter();
            assertNotNull(odd, "odd-page footer");
            assertNotNull(even, "even-page footer");
            assertEquals(ParagraphAlignment.RIGHT, odd.getParagraphs().get(0).getAlignment());
            assertEquals(ParagraphAlignment.LEFT, even.getParagraphs().get(0).getAlignment());
            for (XWPFFooter footer : List.of(odd, even)) {
                String xml = footer._getHdrFtr().xmlText();
                assertTrue(xml.contains("w:instr=\"PAGE\""), "page number field");
                assertTrue(
                        footer.getText().startsWith("— ")
                                && footer.getText().strip().endsWith(" —"),
                        footer.getText());
                assertEquals("宋体", font(footer.getParagraphs().get(0).getRuns().get(0)));
                assertEquals(
                        14.0, footer.getParagraphs().get(0).getRuns().get(0).getFontSizeAsDouble(), "page number 4号");
            }
            try (ZipFile zip = new ZipFile(docx.toFile())) {
                String settings = new String(
                        zip.getInputStream(zip.getEntry("word/settings.xml")).readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(settings.contains("evenAndOddHeaders"), "odd and even pages have their own footers");
            }
            return level1;
        }
    }

    private static void assertStyle(XWPFStyle style, int outlineLevel, String font, boolean bold) {
        assertNotNull(style);
        assertEquals(
                outlineLevel,
                style.getCTStyle().getPPr().getOutlineLvl().getVal().intValue(),
                style.getStyleId());
        assertEquals(font, style.getCTStyle().getRPr().getRFontsArray(0).getEastAsia(), style.getStyleId());
        assertEquals(
                32,
                new BigInteger(String.valueOf(
                                style.getCTStyle().getRPr().getSzArray(0).getVal()))
                        .intValue());
        assertEquals(bold, style.getCTStyle().getRPr().sizeOfBArray() > 0, style.getStyleId());
    }

    /** LibreOffice opens the file and writes a PDF, without error. */
    public static void assertLibreOfficeConvertsToPdf(Path docx, Path workDir) throws Exception {
        Path profile = workDir.resolve("lo-profile");
        Path out = workDir.resolve("pdf");
        Files.createDirectories(out);
        Process soffice;
        try {
            soffice = new ProcessBuilder(
                            "soffice",
                            "-env:UserInstallation=" + profile.toUri(),
                            "--headless",
                            "--norestore",
                            "--convert-to",
                            "pdf",
                            "--outdir",
                            out.toString(),
                            docx.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("LibreOffice (soffice) is required: apt-get install -y libreoffice-writer", e);
        }
        String output = new String(soffice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(soffice.waitFor(180, TimeUnit.SECONDS), "soffice finished");
        assertEquals(0, soffice.exitValue(), output);
        assertTrue(!output.toLowerCase().contains("error"), output);
        Path pdf = out.resolve(docx.getFileName().toString().replaceAll("\\.docx$", ".pdf"));
        assertTrue(Files.exists(pdf), "PDF written: " + output);
        byte[] bytes = Files.readAllBytes(pdf);
        assertTrue(bytes.length > 5000 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"), "a PDF");
    }
}
