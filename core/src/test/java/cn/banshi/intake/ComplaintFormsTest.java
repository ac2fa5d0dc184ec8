package cn.banshi.intake;

import static cn.banshi.intake.IntakeFixtures.assertRefused;
import static cn.banshi.intake.IntakeFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.banshi.cases.CaseDetails;
import cn.banshi.cases.Personal;
import cn.banshi.cases.Personal.Location;
import cn.banshi.cases.Personal.Person;
import cn.banshi.catalog.CaseType;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.notifications.NotifyChoice;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /towns/{town}/complaints}: the form's rules, without the handler. */
class ComplaintFormsTest {
    private static final Catalog GAOCHENG = Catalogs.bundled().town("gaocheng").orElseThrow();

    private static ObjectNode complaint() {
        return json("{'type': 'complaint', 'category': 'environment', 'village': 'meijiadu', 'title': '河道有异味',"
                + " 'description': '梅家渎村河道连续一周有异味',"
                + " 'submitter': {'name': '张三', 'phone': '+86 13812345678'}}");
    }

    private static ObjectNode dispute() {
        return json("{'type': 'dispute', 'category': 'dispute-neighbour', 'title': '宅基地边界纠纷',"
                + " 'description': '与邻居因宅基地边界发生争议',"
                + " 'submitter': {'name': '张三', 'phone': '13812345678'},"
                + " 'parties': [{'name': '李四', 'phone': '0510-87654321', 'role': '邻居'}]}");
    }

    private static CaseForm parse(ObjectNode body) {
        return ComplaintForms.parse(Fields.root(body), GAOCHENG);
    }

    @Nested
    @DisplayName("required fields")
    class Required {
        @Test
        @DisplayName("a complete complaint: the phone in canonical form, hotline details")
        void complete() {
            CaseForm form = parse(complaint());
            assertEquals(CaseType.COMPLAINT, form.type());
            assertEquals("environment", form.category());
            assertEquals("meijiadu", form.village());
            assertEquals("河道有异味", form.title());
            assertEquals(
                    new Person("张三", "13812345678", false, null),
                    form.personal().submitter());
            assertNull(form.personal().parties());
            assertEquals(CaseDetails.empty(CaseType.COMPLAINT), form.details());
        }

        @ParameterizedTest
        @ValueSource(strings = {"type", "category", "title", "description", "submitter"})
        void missing(String field) {
            ObjectNode body = complaint();
            body.remove(field);
            assertRefused("REQUIRED", field, () -> parse(body));
        }

        @Test
        @DisplayName("name and phone of a submitter who is not anonymous")
        void submitterContact() {
            ObjectNode noName = complaint();
            ((ObjectNode) noName.get("submitter")).remove("name");
            assertRefused("REQUIRED", "submitter.name", () -> parse(noName));
            ObjectNode noPhone = complaint();
            ((ObjectNode) noPhone.get("submitter")).remove("phone");
            assertRefused("REQUIRED", "submitter.phone", () -> parse(noPhone));
            ObjectNode badPhone = complaint();
            ((ObjectNode) badPhone.get("submitter")).put("phone", "4008123123");
            assertRefused("INVALID_PHONE", "submitter.phone", () -> parse(badPhone));
        }

        @Test
        @DisplayName("type, category and village must be known, and fit together")
        void codes() {
            assertRefused("INVALID_VALUE", "type", () -> parse(complaint().put("type", "info-request")));
            assertRefused(
                    "UNKNOWN_CATEGORY", "category", () -> parse(complaint().put("category", "weather")));
            assertRefused(
                    "UNKNOWN_CATEGORY", "category", () -> parse(complaint().put("category", "dispute-neighbour")));
            assertRefused("UNKNOWN_VILLAGE", "village", () -> parse(complaint().put("village", "dingshan")));
        }

        @Test
        @DisplayName("lengths and unknown fields")
        void shapes() {
            assertRefused("TOO_SHORT", "title", () -> parse(complaint().put("title", "臭")));
            assertRefused("TOO_SHORT", "description", () -> parse(complaint().put("description", "有异味")));
            assertRefused("UNKNOWN_FIELD", "priority", () -> parse(complaint().put("priority", "high")));
            ObjectNode extra = complaint();
            ((ObjectNode) extra.get("submitter")).put("idNumber", "x");
            assertRefused("UNKNOWN_FIELD", "submitter.idNumber", () -> parse(extra));
        }

        @Test
        @DisplayName("staff intake's extra fields are allowed only when the caller names them")
        void extraFields() {
            ObjectNode body = complaint().put("channel", "phone");
            assertRefused("UNKNOWN_FIELD", "channel", () -> parse(body));
            assertEquals(
                    CaseType.COMPLAINT,
                    ComplaintForms.parse(Fields.root(body), GAOCHENG, StaffReceipts.FIELDS)
                            .type());
        }

        @Test
        @DisplayName("location: coordinates kept as given, both or neither, within range")
        void location() {
            ObjectNode body = complaint();
            body.set("location", json("{'address': '梅家渎村东河', 'lat': 31.45, 'lng': 119.88}"));
            assertEquals(
                    new Location("梅家渎村东河", BigDecimal.valueOf(31.45), BigDecimal.valueOf(119.88)),
                    parse(body).personal().location());
            body.set("location", json("{'lat': 31.45}"));
            assertRefused("REQUIRED", "location.lng", () -> parse(body));
            body.set("location", json("{'lat': 91, 'lng': 119.88}"));
            assertRefused("OUT_OF_RANGE", "location.lat", () -> parse(body));
        }
    }

    @Nested
    @DisplayName("anonymity")
    class Anonymity {
        @Test
        @DisplayName("a complaint may be anonymous, without name or phone")
        void anonymousComplaint() {
            ObjectNode body = complaint();
            body.set("submitter", json("{'anonymous': true}"));
            assertEquals(
                    new Person(null, null, true, null), parse(body).personal().submitter());
        }

        @Test
        @DisplayName("an anonymous submitter's phone, when given, is still checked")
        void anonymousPhoneChecked() {
            ObjectNode body = complaint();
            body.set("submitter", json("{'anonymous': true, 'phone': '12345'}"));
            assertRefused("INVALID_PHONE", "submitter.phone", () -> parse(body));
        }

        @ParameterizedTest
        @ValueSource(strings = {"dispute", "petition"})
        @DisplayName("disputes and petitions cannot be anonymous")
        void mustIdentify(String type) {
            ObjectNode body = type.equals("dispute")
                    ? dispute()
                    : complaint().put("type", "petition").put("category", "petition-other");
            ((ObjectNode) body.get("submitter")).put("anonymous", true);
            assertRefused("NOT_ALLOWED", "submitter.anonymous", () -> parse(body));
        }

        @Test
        void anonymousMustBeBoolean() {
            ObjectNode body = complaint();
            ((ObjectNode) body.get("submitter")).put("anonymous", "yes");
            assertRefused("WRONG_TYPE", "submitter.anonymous", () -> parse(body));
        }
    }

    @Nested
    @DisplayName("disputes' parties")
    class Parties {
        @Test
        @DisplayName("a dispute names 1 to 20 other parties; phone and role optional")
        void parties() {
            CaseForm form = parse(dispute());
            assertEquals(CaseType.DISPUTE, form.type());
            assertEquals(
                    List.of(new Person("李四", "0510-87654321", null, "邻居")),
                    form.personal().parties());
            ObjectNode minimal = dispute();
            minimal.set("parties", json("{'p': [{'name': '李四'}]}").get("p"));
            assertEquals(
                    List.of(new Person("李四", null, null, null)),
                    parse(minimal).personal().parties());
        }

        @Test
        void partiesRequired() {
            ObjectNode none = dispute();
            none.remove("parties");
            assertRefused("REQUIRED", "parties", () -> parse(none));
            ObjectNode empty = dispute();
            empty.putArray("parties");
            assertRefused("REQUIRED", "parties", () -> parse(empty));
        }

        @Test
        @DisplayName("each party: a name, a valid phone if any, no other fields; at most 20")
        void partyFields() {
            ObjectNode body = dispute();
            body.set(
                    "parties",
                    json("{'p': [{'name': '李四'}, {'phone': '13812345678'}]}").get("p"));
            assertRefused("REQUIRED", "parties[1].name", () -> parse(body));
            body.set(
                    "parties",
                    json("{'p': [{'name': '李四', 'phone': '12345678'}]}").get("p"));
            assertRefused("INVALID_PHONE", "parties[0].phone", () -> parse(body));
            body.set("parties", json("{'p': [{'name': '李四', 'idNumber': '1'}]}").get("p"));
            assertRefused("UNKNOWN_FIELD", "parties[0].idNumber", () -> parse(body));
            ArrayNode many = body.putArray("parties");
            for (int i = 0; i < 21; i++) many.addObject().put("name", "当事人" + i);
            assertRefused("OUT_OF_RANGE", "parties", () -> parse(body));
        }

        @Test
        @DisplayName("other types have no parties")
        void onlyDisputes() {
            ObjectNode body = complaint();
            body.set("parties", json("{'p': [{'name': '李四'}]}").get("p"));
            assertRefused("NOT_ALLOWED", "parties", () -> parse(body));
        }

        @Test
        @DisplayName("a petition identifies its submitter and keeps petition details")
        void petition() {
            CaseForm form = parse(complaint().put("type", "petition").put("category", "petition-other"));
            assertEquals(CaseType.PETITION, form.type());
            assertEquals(CaseDetails.empty(CaseType.PETITION), form.details());
            // a mobile number without a choice: told by SMS
            assertEquals(
                    Personal.ofSubmitter(new Person("张三", "13812345678", false, null))
                            .withContact(new Personal.Contact(NotifyChoice.SMS, null)),
                    form.personal());
        }
    }
}
