package cn.banshi.intake;

import static cn.banshi.intake.IntakeFixtures.assertRefused;
import static cn.banshi.intake.IntakeFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.banshi.cases.InfoRequestDetails;
import cn.banshi.cases.Personal.Applicant;
import cn.banshi.catalog.CaseType;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /towns/{town}/info-requests}: the statutory application form's rules, without the handler. */
class InfoRequestFormsTest {
    /** GB 11643's example number, with its check character X. */
    private static final String ID_NUMBER = "11010519491231002X";
    /** GB 32100's example code. */
    private static final String CREDIT_CODE = "91350100M000100Y43";

    private static CaseForm parse(ObjectNode body) {
        return InfoRequestForms.parse(Fields.root(body));
    }

    private static ObjectNode person() {
        return json("{'applicant': {'kind': 'natural-person', 'name': '张三', 'idType': 'resident-id',"
                + " 'idNumber': '11010519491231002x', 'phone': '13812345678'},"
                + " 'description': '申请公开本镇2021年河道整治项目的预算', 'form': 'electronic', 'delivery': 'online'}");
    }

    private static ObjectNode organisation(String kind) {
        return json("{'applicant': {'kind': '" + kind + "', 'organization': '宜兴某某环保科技有限公司',"
                + " 'creditCode': '91350100m000100y43', 'phone': '0510-87654321'},"
                + " 'description': '申请公开本镇2021年河道整治项目的预算', 'form': 'paper', 'delivery': 'pickup'}");
    }

    private static ObjectNode applicant(ObjectNode body) {
        return (ObjectNode) body.get("applicant");
    }

    @Nested
    @DisplayName("natural persons")
    class NaturalPersons {
        @Test
        @DisplayName("name and resident ID, the ID upper-cased; the request's details")
        void complete() {
            CaseForm form = parse(person());
            assertEquals(CaseType.INFO_REQUEST, form.type());
            assertEquals(InfoRequestForms.CATEGORY, form.category());
            assertEquals("政府信息公开申请", form.title());
            assertNull(form.village());
            assertEquals(
                    new Applicant(
                            "natural-person", "张三", "resident-id", ID_NUMBER, null, null, "13812345678", null, null),
                    form.personal().applicant());
            assertNull(form.personal().submitter());
            assertEquals(InfoRequestDetails.of("natural-person", "electronic", "online"), form.details());
        }

        @Test
        @DisplayName("a resident ID with a wrong check character: INVALID_ID_NUMBER")
        void badResidentId() {
            ObjectNode body = person();
            applicant(body).put("idNumber", "110105194912310021");
            assertRefused("INVALID_ID_NUMBER", "applicant.idNumber", () -> parse(body));
        }

        @Test
        @DisplayName("other ID types: letters, digits, brackets and dashes only")
        void otherIds() {
            ObjectNode body = person();
            applicant(body).put("idType", "passport").put("idNumber", "E12345678");
            assertEquals("E12345678", parse(body).personal().applicant().idNumber());
            applicant(body).put("idNumber", "E123 45678");
            assertRefused("INVALID_FORMAT", "applicant.idNumber", () -> parse(body));
            applicant(body).put("idType", "driving-licence");
            assertRefused("INVALID_VALUE", "applicant.idType", () -> parse(body));
        }

        @Test
        @DisplayName("name, ID type and number are required; organisation fields are refused")
        void fields() {
            for (String field : new String[] {"name", "idType", "idNumber", "phone"}) {
                ObjectNode body = person();
                applicant(body).remove(field);
                assertRefused("REQUIRED", "applicant." + field, () -> parse(body));
            }
            ObjectNode body = person();
            applicant(body).put("creditCode", CREDIT_CODE);
            assertRefused("UNKNOWN_FIELD", "applicant.creditCode", () -> parse(body));
        }
    }

    @Nested
    @DisplayName("organisations")
    class Organisations {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "commercial-enterprise",
                    "research-institution",
                    "public-interest-org",
                    "legal-service-org",
                    "other-org"
                })
        @DisplayName("every organisation kind: its name and credit code (upper-cased), a contact name optional")
        void kinds(String kind) {
            CaseForm form = parse(organisation(kind));
            assertEquals(
                    new Applicant(kind, null, null, null, "宜兴某某环保科技有限公司", CREDIT_CODE, "0510-87654321", null, null),
                    form.personal().applicant());
            assertEquals(InfoRequestDetails.of(kind, "paper", "pickup"), form.details());
        }

        @Test
        @DisplayName("a credit code with a wrong check character: INVALID_CREDIT_CODE")
        void badCreditCode() {
            ObjectNode body = organisation("other-org");
            applicant(body).put("creditCode", "91350100M000100Y44");
            assertRefused("INVALID_CREDIT_CODE", "applicant.creditCode", () -> parse(body));
            applicant(body).put("creditCode", "91350100M000100Y4");
            assertRefused("TOO_SHORT", "applicant.creditCode", () -> parse(body));
        }

        @Test
        @DisplayName("organisation and credit code are required; a person's ID fields are refused")
        void fields() {
            for (String field : new String[] {"organization", "creditCode"}) {
                ObjectNode body = organisation("other-org");
                applicant(body).remove(field);
                assertRefused("REQUIRED", "applicant." + field, () -> parse(body));
            }
            ObjectNode body = organisation("other-org");
            applicant(body).put("idNumber", ID_NUMBER);
            assertRefused("UNKNOWN_FIELD", "applicant.idNumber", () -> parse(body));
            ObjectNode contact = organisation("other-org");
            applicant(contact).put("name", "王经理");
            assertEquals("王经理", parse(contact).personal().applicant().name());
        }

        @Test
        void unknownKind() {
            ObjectNode body = organisation("association");
            assertRefused("INVALID_VALUE", "applicant.kind", () -> parse(body));
        }
    }

    @Nested
    @DisplayName("form and delivery")
    class Delivery {
        @Test
        @DisplayName("delivery by e-mail needs the applicant's e-mail address")
        void email() {
            ObjectNode body = person().put("delivery", "email");
            assertRefused("REQUIRED", "applicant.email", () -> parse(body));
            applicant(body).put("email", "zhangsan@example");
            assertRefused("INVALID_EMAIL", "applicant.email", () -> parse(body));
            applicant(body).put("email", "zhangsan@example.cn");
            assertEquals(
                    "zhangsan@example.cn", parse(body).personal().applicant().email());
        }

        @Test
        @DisplayName("delivery by post needs the applicant's address")
        void post() {
            ObjectNode body = person().put("delivery", "post");
            assertRefused("REQUIRED", "applicant.address", () -> parse(body));
            applicant(body).put("address", "宜兴市高塍镇人民路1号");
            assertEquals("post", ((InfoRequestDetails) parse(body).details()).delivery());
        }

        @Test
        @DisplayName("form and delivery are required codes; the description at least 5 characters")
        void codes() {
            assertRefused("INVALID_VALUE", "form", () -> parse(person().put("form", "fax")));
            assertRefused("INVALID_VALUE", "delivery", () -> parse(person().put("delivery", "fax")));
            ObjectNode noForm = person();
            noForm.remove("form");
            assertRefused("REQUIRED", "form", () -> parse(noForm));
            assertRefused("TOO_SHORT", "description", () -> parse(person().put("description", "预算")));
            assertRefused("UNKNOWN_FIELD", "village", () -> parse(person().put("village", "meijiadu")));
            ObjectNode noApplicant = person();
            noApplicant.remove("applicant");
            assertRefused("REQUIRED", "applicant", () -> parse(noApplicant));
        }
    }
}
