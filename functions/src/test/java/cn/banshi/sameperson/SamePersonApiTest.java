package cn.banshi.sameperson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.audit.AuditEntry;
import cn.banshi.audit.AuditFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 同一当事人的其他事项: a case's other cases in the town with the same phone (written differently: +86) or ID number, found
 * through the people index, as list rows without personal data; another town's cases and other people's are not
 * there; a village's staff see their village's only; looking is audited.
 */
class SamePersonApiTest extends ApiTestSupport {
    @BeforeEach
    void setUp() {
        setUpApp("2021-04-06T09:00");
    }

    private String submit(String town, String village, String phone) {
        ObjectNode body = complaint();
        if (village == null) body.remove("village");
        else body.put("village", village);
        ((ObjectNode) body.get("submitter")).put("phone", phone);
        return submitOnline(town, "complaints", body).get("trackingNo").asText();
    }

    private List<String> samePerson(String no, String role, String village) {
        var response = call(
                new SamePersonHandler(app),
                as(
                        Events.get(
                                "/api/v1/admin/cases/{trackingNo}/same-person",
                                "/api/v1/admin/cases/" + no + "/same-person"),
                        role,
                        village));
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertFalse(response.getBody().contains("1391234") || response.getBody().contains("王小明"));
        List<String> out = new ArrayList<>();
        for (JsonNode row : json(response).get("items"))
            out.add(row.get("trackingNo").asText());
        return out;
    }

    @Test
    void theTownsOtherCasesOfTheSamePhoneOrIdNumber() {
        String first = submit("gaocheng", "meijiadu", "13912345678");
        clock.advance(Duration.ofHours(1));
        String second = submit("gaocheng", "hongxing", "+86 13912345678");
        String otherPerson = submit("gaocheng", "meijiadu", "13800000000");
        String otherTown = submit("dingshu", null, "13912345678");
        String infoA =
                submitOnline("info-requests", infoRequest()).get("trackingNo").asText();
        ObjectNode sameId = infoRequest();
        ((ObjectNode) sameId.get("applicant")).put("phone", "0510-87651234").put("name", "李华华");
        String infoB = submitOnline("info-requests", sameId).get("trackingNo").asText();

        assertEquals(List.of(second), samePerson(first, ADMIN, null));
        assertEquals(List.of(first), samePerson(second, ADMIN, null));
        assertEquals(List.of(), samePerson(otherPerson, ADMIN, null));
        assertEquals(List.of(infoB), samePerson(infoA, ADMIN, null));
        // meijiadu's staff see the case of their village only, not hongxing's
        assertEquals(List.of(), samePerson(first, VILLAGE, "meijiadu"));
        assertTrue(otherTown.length() > 0);

        List<AuditEntry> audit = app.audit()
                .list("gaocheng", new AuditFilter(null, null, "view-same-person", null, null), 50, null)
                .items();
        assertEquals(5, audit.size());
        assertTrue(audit.stream().anyMatch(e -> e.trackingNo().equals(first)));
    }
}
