package cn.banshi.duty;

import static cn.banshi.api.ApiTestSupport.assertError;
import static cn.banshi.api.ApiTestSupport.call;
import static cn.banshi.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Section 三's inputs: a town admin puts the year's leaders, committee and meetings; an auditor reads them. */
class LeadersDutyApiTest extends ApiTestSupport {
    static final String ROUTE = "/api/v1/admin/leaders-duty/{year}";
    private LeadersDutyHandler handler;

    @BeforeEach
    void setUp() {
        setUpApp("2021-12-10T09:00");
        handler = new LeadersDutyHandler(app);
    }

    static ObjectNode entry() {
        ObjectNode body = Json.object();
        body.putArray("leaders").addObject().put("post", "镇党委书记").put("name", "王建华");
        ObjectNode c = body.putObject("committee");
        c.put("name", "高塍镇全面依法治镇委员会").put("establishedOn", "2021-03-10");
        c.putObject("chair").put("post", "镇党委书记").put("name", "王建华");
        c.putArray("viceChairs").addObject().put("post", "党委副书记、镇长").put("name", "陈立新");
        c.put("members", "其他党委成员及相关职能部门负责人");
        c.putObject("officeHead").put("post", "政法委员").put("name", "刘振东");
        body.putArray("meetings")
                .addObject()
                .put("date", "2021-05-06")
                .put("title", "召开全面依法治镇委员会第一次会议")
                .put("chair", "委员会主任王建华")
                .put("content", "审议并通过了法治建设规划。");
        return body;
    }

    private APIGatewayV2HTTPResponse put(String year, JsonNode body) {
        return call(
                handler,
                Events.put(ROUTE, "/api/v1/admin/leaders-duty/" + year, Json.write(body))
                        .claims("admin-1", "gaocheng", "town-admin", null));
    }

    @Test
    void givenAnEntryWhenPutThenGetReturnsIt() {
        APIGatewayV2HTTPResponse saved = put("2021", entry());
        assertEquals(200, saved.getStatusCode(), saved.getBody());
        APIGatewayV2HTTPResponse read = call(
                handler, Events.get(ROUTE, "/api/v1/admin/leaders-duty/2021").claims("a", "gaocheng", "auditor", null));
        assertEquals(200, read.getStatusCode(), read.getBody());
        JsonNode d = json(read);
        assertEquals(2021, d.get("year").asInt());
        assertEquals("陈立新", d.at("/committee/viceChairs/0/name").asText());
        assertEquals("2021-05-06", d.at("/meetings/0/date").asText());
        assertEquals(entry().get("committee"), d.get("committee"));
        assertError(
                call(
                        handler,
                        Events.get(ROUTE, "/api/v1/admin/leaders-duty/2020").claims("a", "gaocheng", "auditor", null)),
                404,
                "NOT_FOUND",
                "year");
    }

    @Test
    void givenABadEntryThenA400NamesTheFieldAndNothingIsStored() {
        ObjectNode otherYear = entry();
        ((ObjectNode) otherYear.at("/meetings/0")).put("date", "2020-05-06");
        assertError(put("2021", otherYear), 400, "INVALID_FORMAT", "meetings[0].date");
        ObjectNode noChair = entry();
        ((ObjectNode) noChair.get("committee")).remove("chair");
        assertError(put("2021", noChair), 400, "REQUIRED", "committee.chair");
        ObjectNode unknown = entry();
        ((ArrayNode) unknown.get("leaders"))
                .addObject()
                .put("post", "镇长")
                .put("name", "陈立新")
                .put("phone", "1");
        assertEquals(400, put("2021", unknown).getStatusCode());
        assertError(
                call(
                        handler,
                        Events.get(ROUTE, "/api/v1/admin/leaders-duty/2021").claims("a", "gaocheng", "auditor", null)),
                404,
                "NOT_FOUND",
                "year");
        APIGatewayV2HTTPResponse village = call(
                handler,
                Events.put(ROUTE, "/api/v1/admin/leaders-duty/2021", Json.write(entry()))
                        .claims("v-1", "gaocheng", "village-staff", "fucun"));
        assertEquals(403, village.getStatusCode(), village.getBody());
    }
}
