package cn.banshi.reports.drafts;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.catalog.Catalogs;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;

/**
 * The town's published year-end reports, for everyone (no sign-in): {@code GET /api/v1/towns/{town}/reports}
 * lists every published version, {@code GET /api/v1/towns/{town}/reports/{year}/{job}/{version}/{file}} serves
 * its frozen file (checked against its recorded SHA-256): the HTML to read in the browser, the others as
 * attachments.
 */
public final class PublishedReportsHandler extends ApiHandler {
    private final Publications publications;
    private final ReportDrafts drafts;
    private final Catalogs catalogs;

    /** Lambda's: the publications (records table) and the report store at first use. */
    public PublishedReportsHandler() {
        this(ExecutionEnvironment.context());
        SnapStartPriming.register(this, null);
    }

    public PublishedReportsHandler(AppContext app) {
        this.publications = app.publications();
        this.drafts = app.reportDrafts();
        this.catalogs = app.catalogs();
    }

    @Override
    protected void primeReads() {
        publications.list("snapstart-priming"); // never a town
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of(
                "GET /api/v1/towns/{town}/reports", this::list,
                "GET /api/v1/towns/{town}/reports/{year}/{job}/{version}/{file}", this::file);
    }

    private String town(ApiRequest request) {
        String town = request.pathParam("town");
        if (catalogs.town(town).isEmpty()) throw Errors.unknownTown(town);
        return town;
    }

    private ApiResponse list(ApiRequest request) {
        String town = town(request);
        ObjectNode body = Json.object();
        body.put("town", town);
        ArrayNode reports = body.putArray("reports");
        for (Publication p : publications.list(town)) reports.add(DraftJson.publication(p, false));
        return ApiResponse.json(200, body).withHeader("cache-control", "public, max-age=60");
    }

    private ApiResponse file(ApiRequest request) {
        String town = town(request);
        int year = Fields.yearParam("year", request.pathParam("year"), 2000, 2100);
        ReportKind kind = ReportKind.find(request.pathParam("job")).orElseThrow(() -> Errors.notFound("job"));
        int version = Fields.intParam("version", request.pathParam("version"), 1, 999);
        ReportFormat format =
                ReportFormat.byFileName(request.pathParam("file")).orElseThrow(() -> Errors.notFound("file"));
        Publication p = publications.find(town, year, kind, version).orElseThrow(() -> Errors.notFound("version"));
        byte[] content = drafts.publishedFile(p, format);
        String name = town + "-" + year + "-" + kind.code() + "-v" + version + "." + format.code();
        return ApiResponse.binary(200, content, format.contentType())
                .withHeader(
                        "content-disposition",
                        (format == ReportFormat.HTML ? "inline" : "attachment") + "; filename=\"" + name + "\"")
                .withHeader("etag", "\"" + p.sha256().get(format) + "\"")
                .withHeader("cache-control", "public, max-age=86400, immutable")
                .withHeader("x-content-type-options", "nosniff")
                .withHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    }
}
