package cn.banshi.reports.drafts;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.digest.Sha256;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.reports.ReportMember;
import cn.banshi.reports.ReportStore;
import cn.banshi.reports.document.Doc;
import cn.banshi.reports.document.DocJson;
import cn.banshi.reports.document.DocxRenderer;
import cn.banshi.reports.document.HtmlRenderer;
import cn.banshi.reports.document.MarkdownRenderer;
import cn.banshi.reports.document.Texts;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Drafts the legal office edits, approves and publishes: the latest run's document ({@code draft/doc.json} in
 * the report store) under the layer of edits ({@link DraftStore}), and the published versions
 * ({@link Publications}, their files frozen under {@code published/vN/}).
 */
public final class ReportDrafts {
    private final DraftStore drafts;
    private final Publications publications;
    private final Supplier<ReportStore> reports;
    private final ReportReminder reminder;
    private final Clock clock;

    public ReportDrafts(
            DraftStore drafts,
            Publications publications,
            Supplier<ReportStore> reports,
            ReportReminder reminder,
            Clock clock) {
        this.drafts = drafts;
        this.publications = publications;
        this.reports = reports;
        this.reminder = reminder;
        this.clock = clock;
    }

    /** A draft as staff see it. {@code sourceHash}: the SHA-256 of the generated document it is built on. */
    public record View(
            DraftState state,
            DraftSource source,
            String sourceHash,
            List<DraftBlock> blocks,
            List<Publication> publications) {
        public boolean approved() {
            return state.approved(sourceHash);
        }

        public int flagged() {
            return (int) blocks.stream().filter(DraftBlock::flagged).count();
        }
    }

    /** The draft of a report; 404 (field job) until a run has generated one. */
    public View view(String town, int year, ReportKind kind) {
        return view(drafts.find(town, year, kind), town, year, kind);
    }

    private View view(DraftState state, String town, int year, ReportKind kind) {
        byte[] bytes = reports.get()
                .readMember(town, year, kind, ReportMember.draftDocument())
                .orElseThrow(() -> Errors.notFound("job"));
        DraftSource source = DraftSource.fromBytes(bytes);
        return new View(
                state,
                source,
                Sha256.hex(bytes),
                DraftMerge.merge(source.doc(), state),
                publications.list(town, year, kind));
    }

    public View change(String town, int year, ReportKind kind, long expected, DraftChange change, String by) {
        View view = current(town, year, kind, expected);
        DraftState next = DraftChanges.apply(view.state(), view.blocks(), change, by, clock.instant());
        return save(view, next, expected);
    }

    public View approve(String town, int year, ReportKind kind, long expected, String by) {
        View view = current(town, year, kind, expected);
        if (view.flagged() > 0) throw Errors.draftFlagged(view.flagged());
        DraftState s = view.state();
        Instant now = clock.instant();
        long version = s.version() + 1;
        DraftState next = new DraftState(
                s.town(),
                s.year(),
                s.kind(),
                version,
                s.order(),
                s.edits(),
                s.removed(),
                new DraftState.Approval(version, view.sourceHash(), by, now),
                s.published(),
                by,
                now);
        return save(view, next, expected);
    }

    /**
     * Publishes the approved draft as the next version: claims the version number on the draft (which uses up
     * the approval), freezes the four files with their hashes, then records the version (written once).
     */
    public Publication publish(
            String town, int year, ReportKind kind, long expected, LocalDate entered, String correction, String by) {
        View view = current(town, year, kind, expected);
        if (!view.approved()) throw Errors.draftNotApproved();
        int number = view.state().published() + 1;
        if (number > ReportMember.MAX_VERSION) throw Errors.outOfRange("version", "1–999", "1 to 999");
        if (number == 1 && correction != null)
            throw Errors.notAllowed("correction", "首次发布无更正说明", "the first version corrects nothing");
        if (number > 1) {
            if (correction == null) throw Errors.required("correction");
            if (correction.isBlank()) throw Errors.blank("correction");
            if (correction.length() > 1000) throw Errors.tooLong("correction", 1000);
        }
        Instant now = clock.instant();
        LocalDate today = ChinaTime.today(clock);
        LocalDate signing = SigningDates.resolve(kind, year, today, entered);
        DraftState s = view.state();
        DraftState claimed = new DraftState(
                s.town(),
                s.year(),
                s.kind(),
                s.version() + 1,
                s.order(),
                s.edits(),
                s.removed(),
                null,
                number,
                by,
                now);
        if (!drafts.save(claimed, expected))
            throw Errors.draftChanged(drafts.find(town, year, kind).version());

        Doc doc = published(view, signing, number, correction, today);
        Map<ReportFormat, byte[]> files = new EnumMap<>(ReportFormat.class);
        files.put(ReportFormat.JSON, json(view, doc, town, number, signing, correction, now));
        files.put(ReportFormat.MD, MarkdownRenderer.render(doc));
        files.put(ReportFormat.HTML, HtmlRenderer.render(doc));
        files.put(ReportFormat.DOCX, DocxRenderer.render(doc, signing));
        Map<ReportFormat, String> hashes = new EnumMap<>(ReportFormat.class);
        Map<ReportFormat, Long> sizes = new EnumMap<>(ReportFormat.class);
        for (var f : files.entrySet()) {
            reports.get().putMember(town, year, kind, ReportMember.published(number, f.getKey()), f.getValue());
            hashes.put(f.getKey(), Sha256.hex(f.getValue()));
            sizes.put(f.getKey(), (long) f.getValue().length);
        }
        Publication publication = new Publication(
                town, year, kind, number, signing, doc.title(), correction, s.version(), by, now, hashes, sizes);
        publications.put(publication);
        if (kind == ReportKind.OGI_ANNUAL) reminder.withdraw(town, year);
        return publication;
    }

    /** The frozen bytes of a published version's file, checked against the recorded hash. */
    public byte[] publishedFile(Publication p, ReportFormat format) {
        byte[] content = reports.get()
                .readMember(p.town(), p.year(), p.kind(), ReportMember.published(p.version(), format))
                .orElseThrow(() -> new IllegalStateException("published file missing"));
        if (!Sha256.hex(content).equals(p.sha256().get(format)))
            throw new IllegalStateException("published file does not match its hash");
        return content;
    }

    /** The draft with the signing date, and for a correction a note that says so at the top. */
    static Doc published(View view, LocalDate signing, int number, String correction, LocalDate today) {
        List<Doc.Entry> entries = new ArrayList<>();
        if (number > 1) {
            entries.add(new Doc.Entry(
                    "v-correction",
                    new Doc.Para("（本报告为第" + number + "版，" + Texts.date(today) + "更正发布。更正说明：" + correction
                            + "。此前各版本继续保留。）")));
        }
        for (DraftBlock b : view.blocks()) {
            Doc.Block block =
                    b.block() instanceof Doc.Signature sig ? new Doc.Signature(sig.issuer(), signing) : b.block();
            entries.add(new Doc.Entry(b.id(), block));
        }
        return Doc.of(view.source().doc().title(), entries);
    }

    private static byte[] json(
            View view, Doc doc, String town, int number, LocalDate signing, String correction, Instant now) {
        ObjectNode root = Json.object();
        root.put("town", town);
        root.put("year", view.state().year());
        root.put("job", view.state().kind().code());
        root.put("version", number);
        root.put("signingDate", signing.toString());
        root.put("publishedAt", ChinaTime.timestamp(now));
        if (correction != null) root.put("correction", correction);
        root.set("document", DocJson.write(doc));
        try {
            root.set("figures", Json.mapper().readTree(view.source().figures()));
            return (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private View current(String town, int year, ReportKind kind, long expected) {
        View view = view(town, year, kind);
        if (view.state().version() != expected)
            throw Errors.draftChanged(view.state().version());
        return view;
    }

    private View save(View view, DraftState next, long expected) {
        if (!drafts.save(next, expected)) {
            throw Errors.draftChanged(
                    drafts.find(next.town(), next.year(), next.kind()).version());
        }
        return new View(
                next,
                view.source(),
                view.sourceHash(),
                DraftMerge.merge(view.source().doc(), next),
                view.publications());
    }
}
