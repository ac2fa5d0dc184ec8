package cn.banshi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiRequest;
import cn.banshi.api.Events;
import cn.banshi.api.StaffAuth;
import cn.banshi.catalog.Catalogs;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pre-token-generation trigger: Cognito's event in, the claims StaffAuth reads out, or no token at all. */
class CognitoClaimsHandlerTest {
    private final CognitoClaimsHandler handler = new CognitoClaimsHandler(Catalogs.bundled(), Set.of("gaocheng"));

    static String event(String town, String village, String... groups) {
        ObjectNode event = Json.object()
                .put("version", "1")
                .put("triggerSource", "TokenGeneration_Authentication")
                .put("region", "cn-north-1")
                .put("userPoolId", "cn-north-1_pool")
                .put("userName", "wang.li");
        event.putObject("callerContext").put("awsSdkVersion", "aws-sdk-unknown").put("clientId", "client");
        ObjectNode request = event.putObject("request");
        ObjectNode attributes =
                request.putObject("userAttributes").put("sub", "3f1c-staff").put("email", "wang@example.gov.cn");
        if (town != null) attributes.put("custom:town", town);
        if (village != null) attributes.put("custom:village", village);
        ObjectNode groupConfiguration = request.putObject("groupConfiguration");
        var list = groupConfiguration.putArray("groupsToOverride");
        for (String g : groups) list.add(g);
        groupConfiguration.putArray("iamRolesToOverride");
        groupConfiguration.putNull("preferredRole");
        event.putObject("response").putNull("claimsOverrideDetails");
        return Json.write(event);
    }

    JsonNode run(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.mapper().readTree(out.toByteArray());
    }

    @Test
    void villageStaffGetRoleTownAndVillageThatStaffAuthAccepts() throws Exception {
        JsonNode response = run(event("gaocheng", "meijiadu", "village-staff"));
        JsonNode claims = response.at("/response/claimsOverrideDetails/claimsToAddOrOverride");
        assertEquals("village-staff", claims.get("role").asText());
        assertEquals("gaocheng", claims.get("town").asText());
        assertEquals("meijiadu", claims.get("village").asText());
        assertEquals("wang.li", response.get("userName").asText(), "the event is returned with the response filled in");

        // what API Gateway's JWT authorizer hands the handlers: the token's claims, here sub plus the added ones
        Events request = Events.get("/api/v1/admin/cases", "/api/v1/admin/cases")
                .claims(
                        "3f1c-staff",
                        claims.get("town").asText(),
                        claims.get("role").asText(),
                        claims.get("village").asText());
        Staff staff = StaffAuth.require(new ApiRequest(request.build()));
        assertEquals(Role.VILLAGE_STAFF, staff.role());
        assertEquals("gaocheng", staff.town());
        assertEquals("meijiadu", staff.village());
    }

    @Test
    void townAdminsAndAuditorsGetNoVillageClaim() throws Exception {
        for (String group : new String[] {"town-admin", "auditor"}) {
            JsonNode claims = run(event("gaocheng", "meijiadu", group, "some-other-group"))
                    .at("/response/claimsOverrideDetails/claimsToAddOrOverride");
            assertEquals(group, claims.get("role").asText());
            assertNull(claims.get("village"), group);
        }
    }

    @Test
    void incompleteOrAmbiguousAccountsGetNoToken() {
        for (String event : new String[] {
            event("gaocheng", null), // no group
            event("gaocheng", null, "town-admin", "auditor"), // two roles
            event(null, null, "town-admin"), // no town
            event("dingshu", null, "town-admin"), // a catalog town this deployment does not serve
            event("nowhere", null, "auditor"), // not a town at all
            event("gaocheng", null, "village-staff"), // village staff without village
            event("gaocheng", "not-a-village", "village-staff")
        }) { // a village of no town here
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> run(event), event);
            assertTrue(refused.getMessage()
                    .codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
            assertFalse(refused.getMessage().contains("wang"), "no personal data in the message");
        }
    }
}
