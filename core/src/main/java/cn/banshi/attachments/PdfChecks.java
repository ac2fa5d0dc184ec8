package cn.banshi.attachments;

import cn.banshi.errors.Errors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * PDFs (Apache PDFBox): the file must parse and have pages; every object in it (those the cross-reference table lists,
 * in object streams too, and everything they hold) is looked at, so nothing escapes by being unreferenced from the
 * page tree. Refused: JavaScript anywhere (actions of the document, pages, annotations and form fields, the names
 * tree), launch, import-data, embedded go-to and rich-media actions, XFA forms ({@link Errors#PDF_ACTIVE_CONTENT});
 * embedded files and file attachments ({@link Errors#PDF_EMBEDDED_FILE}); a password to open it
 * ({@link Errors#PDF_ENCRYPTED}); bytes after the last {@code %%EOF} that are not padding
 * ({@link Errors#FILE_HIDDEN_CONTENT}). A PDF that passes is saved again by PDFBox without its document information
 * and XMP metadata (author, software, dates), so what is served is what was checked; a signed PDF is kept as it
 * came, since saving it again would break its signature.
 */
final class PdfChecks {
    private static final Set<COSName> ACTIVE_ACTIONS = Set.of(
            COSName.getPDFName("JavaScript"),
            COSName.getPDFName("Launch"),
            COSName.getPDFName("ImportData"),
            COSName.getPDFName("GoToE"),
            COSName.getPDFName("RichMediaExecute"));
    private static final COSName XFA = COSName.getPDFName("XFA");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
    private static final COSName RICH_MEDIA = COSName.getPDFName("RichMedia");

    private PdfChecks() {}

    static Checked check(byte[] bytes) {
        if (trailingContent(bytes)) return new Checked.Refused(Errors.FILE_HIDDEN_CONTENT);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.getNumberOfPages() < 1) return new Checked.Refused(Errors.FILE_DAMAGED);
            Optional<String> refused = scan(document.getDocument());
            if (refused.isPresent()) return new Checked.Refused(refused.get());
            if (!document.getSignatureDictionaries().isEmpty()) return new Checked.Document(bytes);
            document.setDocumentInformation(new PDDocumentInformation());
            document.getDocumentCatalog().setMetadata(null);
            if (document.isEncrypted()) document.setAllSecurityToBeRemoved(true); // an owner password only
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            document.save(out);
            return new Checked.Document(out.toByteArray());
        } catch (InvalidPasswordException locked) {
            return new Checked.Refused(Errors.PDF_ENCRYPTED);
        } catch (IOException | RuntimeException damaged) {
            return new Checked.Refused(Errors.FILE_DAMAGED);
        }
    }

    /** Whether anything but whitespace follows the last {@code %%EOF} (a ZIP or HTML appended to a PDF). */
    static boolean trailingContent(byte[] b) {
        for (int i = b.length - 5; i >= 0; i--) {
            if (b[i] == '%' && b[i + 1] == '%' && b[i + 2] == 'E' && b[i + 3] == 'O' && b[i + 4] == 'F') {
                return !HiddenContent.blank(b, i + 5);
            }
        }
        return false; // no %%EOF at all: PDFBox decides whether it parses
    }

    /** The first refusal found walking every object of the document, or empty. */
    private static Optional<String> scan(COSDocument cos) throws IOException {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.add(cos.getTrailer());
        for (COSObjectKey key : cos.getXrefTable().keySet()) todo.add(cos.getObjectFromPool(key));
        while (!todo.isEmpty()) {
            COSBase next = todo.pop();
            if (next instanceof COSObject indirect) next = indirect.getObject();
            if (next == null || !seen.add(next)) continue;
            if (next instanceof COSDictionary dictionary) {
                Optional<String> refused = refusal(dictionary);
                if (refused.isPresent()) return refused;
                todo.addAll(dictionary.getValues());
            } else if (next instanceof COSArray array) {
                for (COSBase element : array) todo.add(element);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> refusal(COSDictionary d) {
        COSName action = d.getCOSName(COSName.S);
        if ((action != null && ACTIVE_ACTIONS.contains(action))
                || d.containsKey(COSName.JS)
                || d.containsKey(COSName.JAVA_SCRIPT)
                || d.containsKey(XFA)
                || RICH_MEDIA.equals(d.getCOSName(COSName.SUBTYPE))) {
            return Optional.of(Errors.PDF_ACTIVE_CONTENT);
        }
        if (d.containsKey(EMBEDDED_FILES)
                || d.containsKey(COSName.EF)
                || EMBEDDED_FILE.equals(d.getCOSName(COSName.TYPE))
                || FILE_ATTACHMENT.equals(d.getCOSName(COSName.SUBTYPE))) {
            return Optional.of(Errors.PDF_EMBEDDED_FILE);
        }
        return Optional.empty();
    }
}
