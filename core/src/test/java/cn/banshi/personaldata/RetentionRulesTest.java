package cn.banshi.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.calendar.Deadlines;
import cn.banshi.calendar.Due;
import cn.banshi.calendar.WorkingDayCalendar;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.CaseStatus;
import cn.banshi.cases.HotlineDetails;
import cn.banshi.cases.LegalHold;
import cn.banshi.cases.Personal;
import cn.banshi.cases.Personal.Applicant;
import cn.banshi.cases.Personal.Location;
import cn.banshi.cases.Personal.Person;
import cn.banshi.cases.Resolution;
import cn.banshi.cases.SpamMark;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.CatalogJson;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.Retention;
import cn.banshi.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retention periods, the day erasure may start, the erased form, and a request's 15-working-day due date. */
class RetentionRulesTest {
    static final Deadlines DEADLINES = new Deadlines(WorkingDayCalendar.bundled());

    @Test
    void defaultsAreThreeYearsForHotlineCasesAndInformationRequestsFiveForDisputesTenForPetitions() {
        Retention r = Retention.DEFAULTS;
        for (CaseType t : List.of(CaseType.COMPLAINT, CaseType.HELP, CaseType.ENQUIRY, CaseType.SUGGESTION)) {
            assertEquals(3, r.yearsFor(t), t.code());
        }
        assertEquals(3, r.yearsFor(CaseType.INFO_REQUEST));
        assertEquals(5, r.yearsFor(CaseType.DISPUTE));
        assertEquals(10, r.yearsFor(CaseType.PETITION));
        assertEquals(3, r.shortestYears());
        assertEquals(
                Retention.DEFAULTS,
                Catalogs.bundled().town("gaocheng").orElseThrow().retention());
    }

    @Test
    void theDayAfterTheLastKeptDayAcrossTheYearBoundaryAndLeapDays() {
        Retention r = Retention.DEFAULTS;
        // finished on New Year's Eve: kept through 31 December three years on, erased on 1 January
        assertEquals(LocalDate.of(2025, 1, 1), r.erasableOn(CaseType.COMPLAINT, LocalDate.of(2021, 12, 31)));
        assertEquals(LocalDate.of(2024, 1, 1), r.erasableOn(CaseType.INFO_REQUEST, LocalDate.of(2020, 12, 31)));
        // 29 February plus whole years ends on 28 February; the next day may erase
        assertEquals(LocalDate.of(2023, 3, 1), r.erasableOn(CaseType.HELP, LocalDate.of(2020, 2, 29)));
        assertEquals(LocalDate.of(2030, 3, 1), r.erasableOn(CaseType.PETITION, LocalDate.of(2020, 2, 29)));

        CaseRecord finished = finished(CaseType.COMPLAINT, LocalDate.of(2021, 12, 31));
        assertFalse(RetentionJob.due(finished, r, LocalDate.of(2024, 12, 31)));
        assertTrue(RetentionJob.due(finished, r, LocalDate.of(2025, 1, 1)));
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        assertFalse(RetentionJob.due(
                finished.toBuilder()
                        .legalHold(new LegalHold("行政诉讼", "admin", at))
                        .build(),
                r,
                LocalDate.of(2030, 1, 1)));
        assertFalse(RetentionJob.due(finished.toBuilder().personalErasedAt(at).build(), r, LocalDate.of(2030, 1, 1)));
        assertFalse(RetentionJob.due(
                finished.toBuilder().spam(new SpamMark("广告", "admin", at, null)).build(), r, LocalDate.of(2030, 1, 1)));
        assertFalse(RetentionJob.due(
                finished.toBuilder().status(CaseStatus.ACCEPTED).build(), r, LocalDate.of(2030, 1, 1)));
    }

    @Test
    void aTownOverridesSomeTypesAndABadPeriodFailsTheCatalog() throws Exception {
        String base = "{\"town\":{\"id\":\"t\",\"name\":\"镇\",\"county\":\"县\"},\"villages\":[],\"categories\":[]";
        Catalog c = CatalogJson.read(Json.parse(base + ",\"retention\":{\"petition\":30,\"complaint\":5}}"));
        assertEquals(30, c.retention().yearsFor(CaseType.PETITION));
        assertEquals(5, c.retention().yearsFor(CaseType.COMPLAINT));
        assertEquals(3, c.retention().yearsFor(CaseType.HELP));
        assertEquals(3, c.retention().shortestYears());
        assertThrows(
                IllegalArgumentException.class,
                () -> CatalogJson.read(Json.parse(base + ",\"retention\":{\"petition\":0}}")));
        assertThrows(
                IllegalArgumentException.class,
                () -> CatalogJson.read(Json.parse(base + ",\"retention\":{\"lawsuit\":3}}")));
        assertThrows(IllegalArgumentException.class, () -> Retention.DEFAULTS.with(Map.of(CaseType.DISPUTE, 101)));
    }

    @Test
    void theErasedFormKeepsCountsRolesAndKindsAndNothingThatIdentifies() {
        Personal p = new Personal(
                new Person("王小明", "13912345678", false, null),
                List.of(new Person("李四", "13800000000", false, "邻居"), new Person("赵五", null, false, "邻居")),
                new Applicant("organization", "张三", null, null, "某公司", "91320282MA1XXXXX0X", "0510-1", "a@b.cn", "地址"),
                new Location("梅家渎村1号", new BigDecimal("31.45"), new BigDecimal("119.9")),
                null);
        Personal e = p.erased();
        assertEquals(new Person(null, null, false, null), e.submitter());
        assertEquals(List.of(new Person(null, null, false, "邻居"), new Person(null, null, false, "邻居")), e.parties());
        assertEquals("organization", e.applicant().kind());
        assertNull(e.applicant().organization());
        assertNull(e.applicant().creditCode());
        assertNull(e.location());
        assertNull(e.contact());
        assertEquals(e, e.erased(), "erasing twice changes nothing");
    }

    @Test
    void aRequestIsDueFifteenWorkingDaysLaterCountedOverHolidaysAndMakeUpDays() {
        // 2021-09-27: the National Day week (1–7 October) is off, Saturday 9 October is a make-up working day
        assertEquals(
                new Due(LocalDate.of(2021, 10, 22), 0),
                request(LocalDate.of(2021, 9, 27)).due(DEADLINES));
        // the Dragon Boat Festival (Monday 14 June 2021) is off: three weeks and a day
        assertEquals(
                new Due(LocalDate.of(2021, 6, 29), 0),
                request(LocalDate.of(2021, 6, 7)).due(DEADLINES));
        // counted into 2027, whose notice is not loaded: provisional
        Due late = request(LocalDate.of(2026, 12, 21)).due(DEADLINES);
        assertEquals(2027, late.provisionalYear());
        assertTrue(late.date().isAfter(LocalDate.of(2027, 1, 8)));
    }

    static DataRequest request(LocalDate on) {
        return new DataRequest(
                "7K3M-9QXD-T4W2-H8PZ-01",
                "gaocheng",
                "7K3M-9QXD-T4W2-H8PZ",
                DataRequest.Kind.CORRECTION,
                "电话号码有误",
                on.atStartOfDay(ChinaTime.ZONE).toInstant(),
                on,
                DataRequest.State.OPEN,
                null,
                null,
                null);
    }

    static CaseRecord finished(CaseType type, LocalDate finishedOn) {
        Instant at = finishedOn.atStartOfDay(ChinaTime.ZONE).toInstant();
        return CaseRecord.builder()
                .trackingNo("7K3M-9QXD-T4W2-H8PZ")
                .town("gaocheng")
                .type(type)
                .category("environment")
                .title("河道有垃圾")
                .description("河道漂浮垃圾")
                .channel("online")
                .status(CaseStatus.RESOLVED)
                .version(4)
                .receivedAt(at)
                .receivedOn(finishedOn)
                .personal(Personal.ofSubmitter(new Person("王小明", "13912345678", false, null)))
                .details(HotlineDetails.EMPTY)
                .history(List.of())
                .resolution(new Resolution(at, finishedOn, true, "resolved", null))
                .build();
    }
}
