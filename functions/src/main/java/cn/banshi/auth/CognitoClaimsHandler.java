package cn.banshi.auth;

import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.catalog.DeployedTowns;
import cn.banshi.json.Json;
import cn.banshi.logging.Log;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cognito pre-token-generation trigger (event version 1): turns a staff member's user-pool group (town-admin,
 * village-staff or auditor) and the attributes {@code custom:town} and {@code custom:village} into the ID token's
 * claims {@code role}, {@code town} and {@code village}, which API Gateway's JWT authorizer passes on and
 * {@link cn.banshi.api.StaffAuth} reads. A user whose set-up is incomplete or ambiguous (no group or several, no
 * town, a town this deployment does not serve, village staff without a village of that town) gets no token:
 * the trigger fails and Cognito refuses the sign-in. Works on the raw JSON so that the response carries exactly
 * the fields Cognito expects.
 */
public final class CognitoClaimsHandler implements RequestStreamHandler {
    private static final Log LOG = Log.get(CognitoClaimsHandler.class);

    private final Catalogs catalogs;
    private final Set<String> towns;

    public CognitoClaimsHandler() {
        this(Catalogs.bundled(), DeployedTowns.fromEnvironment(Catalogs.bundled()));
    }

    public CognitoClaimsHandler(Catalogs catalogs, Set<String> towns) {
        this.catalogs = catalogs;
        this.towns = towns;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ObjectNode event = (ObjectNode) Json.mapper().readTree(input);
        JsonNode request = event.path("request");
        ObjectNode claims = claims(
                request.path("userAttributes"),
                request.path("groupConfiguration").path("groupsToOverride"));
        ObjectNode details = Json.object();
        details.set("claimsToAddOrOverride", claims);
        event.putObject("response").set("claimsOverrideDetails", details);
        output.write(Json.write(event).getBytes(StandardCharsets.UTF_8));
    }

    ObjectNode claims(JsonNode attributes, JsonNode groups) {
        List<Role> roles = new ArrayList<>();
        if (groups.isArray()) groups.forEach(g -> Role.fromCode(g.asText()).ifPresent(roles::add));
        if (roles.size() != 1) {
            throw refuse(
                    "role",
                    "账号须且只能属于一个角色组（town-admin、village-staff、auditor）",
                    "the user must be in exactly one of the groups town-admin, village-staff, auditor");
        }
        Role role = roles.get(0);
        String town = attributes.path("custom:town").asText("").strip();
        Catalog catalog = towns.contains(town) ? catalogs.town(town).orElse(null) : null;
        if (catalog == null) {
            throw refuse("town", "账号的 custom:town 不是本系统服务的镇", "custom:town is not a town this deployment serves");
        }
        ObjectNode claims = Json.object().put("role", role.code()).put("town", town);
        if (role == Role.VILLAGE_STAFF) {
            String village = attributes.path("custom:village").asText("").strip();
            if (catalog.village(village).isEmpty()) {
                throw refuse(
                        "village",
                        "村（社区）工作人员的 custom:village 须为本镇的村（社区）",
                        "village staff need custom:village naming a village of their town");
            }
            claims.put("village", village);
        }
        return claims;
    }

    private static IllegalStateException refuse(String reason, String zh, String en) {
        LOG.warn("staff token refused", "reason", reason);
        return new IllegalStateException(zh + " / " + en);
    }
}
