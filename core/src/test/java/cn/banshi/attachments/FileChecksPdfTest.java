package cn.banshi.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.banshi.errors.Errors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.junit.jupiter.api.Test;

class FileChecksPdfTest {
    private final FileChecks checks = new FileChecks();

    private Checked check(byte[] bytes) throws IOException {
        return checks.check(new ByteArrayInputStream(bytes), bytes.length, FilePurpose.PHOTO_OR_PDF);
    }

    /** A one-page PDF, changed by {@code change} before it is saved. */
    private static byte[] pdf(Consumer<PDDocument> change) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.getDocumentInformation().setAuthor("张三");
            document.getDocumentInformation().setProducer("Scanner 9000");
            change.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPlainPdfIsSavedAgainWithoutItsDocumentInformation() throws Exception {
        byte[] plain = pdf(d -> {});
        Checked.Document document = assertInstanceOf(Checked.Document.class, check(plain));
        assertEquals("application/pdf", document.contentType());
        try (PDDocument saved = Loader.loadPDF(document.body())) {
            assertEquals(1, saved.getNumberOfPages());
            assertNull(saved.getDocumentInformation().getAuthor());
            assertNull(saved.getDocumentInformation().getProducer());
        }
        assertInstanceOf(
                Checked.Document.class,
                checks.check(new ByteArrayInputStream(plain), plain.length, FilePurpose.STAFF_DOCUMENT),
                "staff documents may be PDFs");
    }

    @Test
    void javaScriptAnywhereIsRefused() throws Exception {
        PDActionJavaScript script = new PDActionJavaScript("app.alert('x')");
        Map<String, byte[]> pdfs = Map.of(
                "open action",
                pdf(d -> d.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"))),
                "names tree",
                pdf(d -> {
                    PDJavascriptNameTreeNode tree = new PDJavascriptNameTreeNode();
                    tree.setNames(Map.of("init", script));
                    PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
                    names.setJavascript(tree);
                    d.getDocumentCatalog().setNames(names);
                }),
                "link annotation",
                pdf(d -> {
                    PDAnnotationLink link = new PDAnnotationLink();
                    link.setAction(new PDActionJavaScript("this.submitForm('http://x')"));
                    try {
                        d.getPage(0).getAnnotations().add(link);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }),
                "page open action",
                pdf(d -> d.getPage(0).getCOSObject().setItem(COSName.AA, dictionary(COSName.O, script.getCOSObject()))),
                "unreferenced object",
                raw("<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>"),
                "launch action",
                pdf(d -> {
                    PDActionLaunch launch = new PDActionLaunch();
                    launch.getCOSObject().setString(COSName.F, "cmd.exe");
                    d.getDocumentCatalog().setOpenAction(launch);
                }),
                "XFA form",
                pdf(d -> {
                    PDAcroForm form = new PDAcroForm(d);
                    form.getCOSObject().setString(COSName.getPDFName("XFA"), "<xdp:xdp/>");
                    d.getDocumentCatalog().setAcroForm(form);
                }));
        pdfs.forEach((where, bytes) -> {
            try {
                assertEquals(new Checked.Refused(Errors.PDF_ACTIVE_CONTENT), check(bytes), where);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertInstanceOf(
                Checked.Document.class, check(raw("<< /Note (harmless) >>")), "the hand-written PDF itself passes");
    }

    /** A PDF written by hand: catalog, pages, one page, and an object nothing refers to, with a correct xref. */
    private static byte[] raw(String unreferenced) {
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                unreferenced);
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) pdf.append(String.format("%010d 00000 n \n", offset));
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static COSDictionary dictionary(COSName key, COSDictionary value) {
        COSDictionary d = new COSDictionary();
        d.setItem(key, value);
        return d;
    }

    @Test
    void embeddedFilesAreRefused() throws Exception {
        byte[] bytes = pdf(d -> {
            try {
                PDEmbeddedFile file = new PDEmbeddedFile(
                        d, new ByteArrayInputStream("MZ payload".getBytes(StandardCharsets.US_ASCII)));
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile("invoice.exe");
                spec.setEmbeddedFile(file);
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(Map.of("invoice.exe", spec));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                d.getDocumentCatalog().setNames(names);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(new Checked.Refused(Errors.PDF_EMBEDDED_FILE), check(bytes));
    }

    @Test
    void damagedAndPasswordProtectedPdfsAreRefused() throws Exception {
        byte[] garbage = new byte[5000];
        new Random(16).nextBytes(garbage);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, garbage, 0, 9);
        assertEquals(new Checked.Refused(Errors.FILE_DAMAGED), check(garbage));
        byte[] plain = pdf(d -> {});
        assertEquals(
                new Checked.Refused(Errors.FILE_DAMAGED),
                check(Arrays.copyOf(plain, 40)),
                "cut after its header: nothing to parse");

        byte[] locked = pdf(d -> {
            try {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                d.protect(policy);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(new Checked.Refused(Errors.PDF_ENCRYPTED), check(locked));
    }

    @Test
    void aPdfWithSomethingAppendedIsRefused() throws Exception {
        byte[] plain = pdf(d -> {});
        assertEquals(
                new Checked.Refused(Errors.FILE_HIDDEN_CONTENT),
                check(Fixtures.concat(plain, "PK\u0003\u0004zipzipzip".getBytes(StandardCharsets.ISO_8859_1))));
        assertInstanceOf(Checked.Document.class, check(Fixtures.concat(plain, "\r\n\n".getBytes())));
    }

    @Test
    void anOversizePdfIsRefusedBeforeParsing() throws Exception {
        byte[] plain = pdf(d -> {});
        byte[] big = Arrays.copyOf(plain, (int) FilePurpose.MAX_PDF_BYTES + 1);
        assertEquals(new Checked.Refused(Errors.FILE_TOO_LARGE), check(big));
        byte[] within = Arrays.copyOf(plain, (int) FilePurpose.MAX_IMAGE_BYTES + 1);
        assertInstanceOf(Checked.Document.class, check(within), "a PDF over 10 MB (zero padding) is within 20 MB");
    }
}
