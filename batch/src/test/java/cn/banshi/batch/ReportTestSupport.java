package cn.banshi.batch;

import cn.banshi.activities.ActivityStore;
import cn.banshi.calendar.CalendarService;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.StoredCases;
import cn.banshi.catalog.Catalogs;
import cn.banshi.demo.DemoCases;
import cn.banshi.demo.DemoInputs;
import cn.banshi.disclosure.DisclosureStore;
import cn.banshi.duty.LeadersDutyStore;
import cn.banshi.json.Json;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.plans.PlanItemStore;
import cn.banshi.reports.FileReportStore;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import cn.banshi.store.BulkLoader;
import cn.banshi.store.Tables;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Running a job against the test's tables and reading what it wrote. */
public final class ReportTestSupport {
    public static final String TOWN = "gaocheng";
    public static final Set<ReportFormat> ALL = EnumSet.allOf(ReportFormat.class);

    private ReportTestSupport() {}

    /** Loads the demo year of {@value #TOWN} into the tables: every generated case, then the seed's inputs. */
    public static void loadDemoYear(DynamoDbClient dynamo, Clock clock) {
        var catalog = Catalogs.bundled().town(TOWN).orElseThrow();
        DemoCases demo = new DemoCases(catalog, new CalendarService(dynamo, clock).deadlines());
        // stored as the desk stores them: personal data sealed (the report jobs never open it)
        StoredCases stored = new StoredCases(PersonalData.shared(dynamo));
        Iterator<CaseRecord> all = demo.cases();
        Iterator<Map<String, AttributeValue>> items = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return all.hasNext();
            }

            @Override
            public Map<String, AttributeValue> next() {
                return stored.toItem(all.next());
            }
        };
        new BulkLoader(dynamo, 8).load(Tables.physical(Tables.CASES), items);
        DemoInputs.load(
                TOWN,
                new ActivityStore(dynamo),
                new PlanItemStore(dynamo),
                new DisclosureStore(dynamo),
                new LeadersDutyStore(dynamo),
                clock.instant());
    }

    public static Path file(Path data, int year, ReportKind kind, ReportFormat format) {
        return new FileReportStore(data.resolve("reports"))
                .directory(TOWN, year, kind)
                .resolve(format.fileName());
    }

    public static String text(Path data, int year, ReportKind kind, ReportFormat format) {
        try {
            return Files.readString(file(data, year, kind, format), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Path data, int year, ReportKind kind) {
        try {
            return Json.parse(text(data, year, kind, ReportFormat.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReportJobs.Result run(ReportJobs jobs, ReportKind kind, int year, LocalDate today) {
        return jobs.run(kind, TOWN, year, ALL, null, today, Progress.NONE);
    }

    /** The same rounding the report states: one decimal, trailing zeros dropped. */
    public static String percent(long part, long whole) {
        return new BigDecimal(part * 100.0 / whole)
                        .setScale(1, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + "%";
    }
}
