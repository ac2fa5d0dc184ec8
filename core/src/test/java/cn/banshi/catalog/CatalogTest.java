package cn.banshi.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogTest {

    /** The villages and communities named in the seed (Gaocheng's 2021 rule-of-law report). */
    static final Map<String, String> SEED_PLACES = Map.of(
            "梅家渎村", "meijiadu",
            "高塍村", "gaocheng-cun",
            "赋村村", "fucun",
            "红星社区", "hongxing",
            "高塍社区", "gaocheng-shequ");

    static Catalog gaocheng() {
        return Catalogs.bundled().town("gaocheng").orElseThrow();
    }

    // ---------------------------------------------------------------- loading

    @Test
    void bundledTownsLoadOnceAndAreCached() {
        assertEquals(Set.of("gaocheng", "dingshu"), Catalogs.bundled().townIds());
        assertSame(Catalogs.bundled(), Catalogs.bundled());
        assertSame(gaocheng(), gaocheng());
        assertTrue(Catalogs.bundled().town("nosuchtown").isEmpty());
        assertTrue(Catalogs.bundled().town(null).isEmpty());
        assertThrows(
                UnsupportedOperationException.class,
                () -> Catalogs.bundled().townIds().add("x"));
    }

    @Test
    void freshLoadEqualsCachedContent() {
        Catalog fresh = Catalogs.load(CatalogTest.class.getClassLoader())
                .town("gaocheng")
                .orElseThrow();
        assertEquals(gaocheng().town(), fresh.town());
        assertEquals(gaocheng().villages(), fresh.villages());
        assertEquals(gaocheng().categories(), fresh.categories());
    }

    @Test
    void catalogsBuiltInCode() throws Exception {
        Catalog t = parse("[]");
        Catalogs set = Catalogs.of(t);
        assertSame(t, set.town("t").orElseThrow());
        assertEquals(Set.of("t"), set.townIds());
        assertThrows(IllegalArgumentException.class, () -> Catalogs.of(t, t));
    }

    @Test
    void town() {
        assertEquals(new Town("gaocheng", "高塍镇", "宜兴市"), gaocheng().town());
    }

    // ---------------------------------------------------------------- villages

    @Test
    void everySeedPlaceIsPresentWithItsSlug() {
        Catalog c = gaocheng();
        SEED_PLACES.forEach((name, id) -> {
            Village v = c.village(id).orElseThrow(() -> new AssertionError("missing " + id));
            assertEquals(name, v.name());
            assertEquals(name.endsWith("社区") ? Village.Kind.COMMUNITY : Village.Kind.VILLAGE, v.kind(), name);
        });
        assertEquals(SEED_PLACES.size(), c.villages().size(), "no places beyond those the seed names");
    }

    @Test
    void villageIdsAreLowercaseSlugs() {
        Pattern slug = Pattern.compile("[a-z]+(-[a-z]+)*");
        for (Village v : gaocheng().villages()) {
            assertTrue(slug.matcher(v.id()).matches(), v.id());
        }
        assertTrue(gaocheng().village("nosuch").isEmpty());
        assertTrue(gaocheng().village(null).isEmpty());
    }

    // ---------------------------------------------------------------- categories and limits

    @Test
    void categoryIdsAreKebabCaseAndNamesChinese() {
        Pattern kebab = Pattern.compile("[a-z]+(-[a-z]+)*");
        for (Category c : gaocheng().categories()) {
            assertTrue(kebab.matcher(c.id()).matches(), c.id());
            assertTrue(
                    c.name().codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                    c.name());
        }
    }

    @Test
    void everyCategoryHasALimitForEachOfItsTypes() {
        for (Category c : gaocheng().categories()) {
            assertFalse(c.types().isEmpty(), c.id());
            assertEquals(new HashSet<>(c.types()), c.limits().keySet(), c.id());
            for (CaseType t : c.types()) {
                TimeLimit l = gaocheng().limitFor(c.id(), t).orElseThrow(() -> new AssertionError(c.id() + "/" + t));
                assertTrue(l.days() > 0);
            }
            assertFalse(c.types().contains(CaseType.INFO_REQUEST));
        }
    }

    @Test
    void everyCategorisedTypeHasCategoriesAndInfoRequestHasNone() {
        for (CaseType t : CaseType.categorised()) {
            assertFalse(gaocheng().categoriesFor(t).isEmpty(), t.code());
            assertTrue(
                    gaocheng().categoriesFor(t).stream().anyMatch(c -> c.id().endsWith("other")),
                    t + " has a catch-all");
        }
        assertTrue(gaocheng().categoriesFor(CaseType.INFO_REQUEST).isEmpty());
        assertTrue(gaocheng().categoriesFor(null).isEmpty());
    }

    @Test
    void hotlineLimitsFollowTheLocal12345Pattern() {
        Catalog c = gaocheng();
        for (String id : List.of(
                "urban-management",
                "environment",
                "land-construction",
                "roads-traffic",
                "social-security",
                "labour-wages",
                "consumer-rights",
                "public-security",
                "education",
                "health",
                "village-affairs",
                "other")) {
            assertEquals(
                    TimeLimit.workingDays(3), c.limitFor(id, CaseType.ENQUIRY).orElseThrow(), id);
            assertEquals(TimeLimit.workingDays(3), c.limitFor(id, CaseType.HELP).orElseThrow(), id);
            assertEquals(
                    TimeLimit.workingDays(13),
                    c.limitFor(id, CaseType.COMPLAINT).orElseThrow(),
                    id);
            assertTrue(c.limitFor(id, CaseType.SUGGESTION).isPresent(), id);
            assertTrue(c.limitFor(id, CaseType.DISPUTE).isEmpty(), id);
            assertTrue(c.limitFor(id, CaseType.PETITION).isEmpty(), id);
        }
    }

    @Test
    void disputesGetOneMonthAndPetitionsSixtyCalendarDays() {
        List<String> disputeNames = new ArrayList<>();
        for (Category c : gaocheng().categoriesFor(CaseType.DISPUTE)) {
            assertEquals(List.of(CaseType.DISPUTE), c.types(), c.id());
            assertEquals(
                    TimeLimit.calendarDays(30), c.limitFor(CaseType.DISPUTE).orElseThrow());
            disputeNames.add(c.name());
        }
        for (String n : List.of("婚姻家庭", "邻里纠纷", "土地承包", "劳动争议", "损害赔偿", "物业纠纷", "其他纠纷")) {
            assertTrue(disputeNames.stream().anyMatch(d -> d.startsWith(n)), n);
        }
        for (Category c : gaocheng().categoriesFor(CaseType.PETITION)) {
            assertEquals(List.of(CaseType.PETITION), c.types(), c.id());
            assertEquals(
                    TimeLimit.calendarDays(60), c.limitFor(CaseType.PETITION).orElseThrow());
        }
    }

    @Test
    void lookups() {
        Catalog c = gaocheng();
        assertEquals("生态环境", c.category("environment").orElseThrow().name());
        assertEquals("邻里纠纷", c.category("dispute-neighbour").orElseThrow().name());
        assertTrue(c.category("nosuch").isEmpty());
        assertTrue(c.category(null).isEmpty());
        assertTrue(c.limitFor("nosuch", CaseType.COMPLAINT).isEmpty());
        assertTrue(c.limitFor("environment", null).isEmpty());
        assertTrue(c.limitFor("environment", CaseType.INFO_REQUEST).isEmpty());
        assertEquals("梅家渎村", c.village("meijiadu").orElseThrow().name());
    }

    @Test
    void collectionsAreImmutable() {
        Catalog c = gaocheng();
        assertThrows(UnsupportedOperationException.class, () -> c.categories().clear());
        assertThrows(UnsupportedOperationException.class, () -> c.villages().clear());
        Category cat = c.categories().get(0);
        assertThrows(UnsupportedOperationException.class, () -> cat.types().clear());
        assertThrows(UnsupportedOperationException.class, () -> cat.limits().clear());
    }

    // ---------------------------------------------------------------- case types

    @Test
    void caseTypeCodes() {
        assertEquals(7, CaseType.values().length);
        assertEquals(6, CaseType.categorised().size());
        assertFalse(CaseType.categorised().contains(CaseType.INFO_REQUEST));
        assertEquals(CaseType.INFO_REQUEST, CaseType.fromCode("info-request"));
        assertThrows(IllegalArgumentException.class, () -> CaseType.fromCode("nosuch"));
        assertThrows(IllegalArgumentException.class, () -> CaseType.fromCode(null));
        assertEquals("政府信息公开申请", CaseType.INFO_REQUEST.nameZh());
        assertEquals("矛盾纠纷调解申请", CaseType.DISPUTE.nameZh());
        assertTrue(CaseType.find("COMPLAINT").isEmpty());
        assertTrue(CaseType.find(null).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(CaseType.class)
    void caseTypeCodesRoundTrip(CaseType t) {
        assertEquals(t, CaseType.fromCode(t.code()));
        assertEquals(t, CaseType.find(t.code()).orElseThrow());
    }

    // ---------------------------------------------------------------- parser validation

    static Catalog parse(String categoriesJson) throws Exception {
        String doc = "{\"town\":{\"id\":\"t\",\"name\":\"某镇\",\"county\":\"某县\"},\"villages\":[]," + "\"categories\":"
                + categoriesJson + "}";
        return CatalogJson.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void perTypeLimitsOverrideTheCategoryDefault() throws Exception {
        Catalog c = parse(
                "[{\"id\":\"x\",\"name\":\"某\",\"types\":[\"help\",\"complaint\"],"
                        + "\"limit\":{\"days\":5,\"unit\":\"working\"},\"limits\":{\"help\":{\"days\":1,\"unit\":\"calendar\"}}}]");
        assertEquals(TimeLimit.calendarDays(1), c.limitFor("x", CaseType.HELP).orElseThrow());
        assertEquals(
                TimeLimit.workingDays(5), c.limitFor("x", CaseType.COMPLAINT).orElseThrow());
        assertEquals(
                List.of(CaseType.COMPLAINT, CaseType.HELP),
                c.category("x").orElseThrow().types());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[{\"id\":\"x\",\"name\":\"某\",\"types\":[\"help\"]}]", // no limit
                "[{\"id\":\"x\",\"name\":\"某\",\"types\":[\"help\"],\"limits\":{\"complaint\":{\"days\":1,\"unit\":\"working\"}}}]",
                "[{\"id\":\"x\",\"name\":\"某\",\"types\":[\"info-request\"],\"limit\":{\"days\":20,\"unit\":\"working\"}}]",
                "[{\"id\":\"x\",\"name\":\"某\",\"types\":[\"nosuch\"],\"limit\":{\"days\":1,\"unit\":\"working\"}}]",
                "[{\"id\":\"x\",\"name\":\"某\",\"types\":[],\"limit\":{\"days\":1,\"unit\":\"working\"}}]",
                "[{\"id\":\"x\",\"name\":\"某\",\"types\":[\"help\",\"help\"],\"limit\":{\"days\":1,\"unit\":\"working\"}}]",
                "[{\"id\":\"x\",\"name\":\"某\",\"types\":[\"help\"],\"limit\":{\"days\":0,\"unit\":\"working\"}}]",
                "[{\"id\":\"x\",\"name\":\"某\",\"types\":[\"help\"],\"limit\":{\"days\":3,\"unit\":\"weeks\"}}]",
                "[{\"id\":\"x\",\"name\":\"某\",\"types\":[\"help\"],\"limit\":{\"days\":\"3\",\"unit\":\"working\"}}]",
                "[{\"id\":\"x\",\"name\":\"某\",\"types\":[\"help\"],\"limit\":{\"days\":1,\"unit\":\"working\"}},"
                        + "{\"id\":\"x\",\"name\":\"某\",\"types\":[\"help\"],\"limit\":{\"days\":1,\"unit\":\"working\"}}]",
                "[{\"name\":\"某\",\"types\":[\"help\"],\"limit\":{\"days\":1,\"unit\":\"working\"}}]",
                "{}",
            })
    void invalidCatalogsAreRejected(String categories) {
        assertThrows(IllegalArgumentException.class, () -> parse(categories));
    }
}
