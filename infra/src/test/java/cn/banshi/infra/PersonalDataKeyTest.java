package cn.banshi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.personaldata.DataKeys;
import cn.banshi.store.Tables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the customer managed key that wraps the personal-data keys rotates, and its policy lets exactly the
 * functions that read or write personal data decrypt (their roles reach an item of the cases, messages or staff
 * table), only the personal-data job generate data keys, and the account administer it without using it. The
 * report function, whose jobs read plaintext attributes only, gets nothing; nor do the sweep and the deadline
 * recompute, which write cases back with their sealed personal attribute unopened. Functions that only key the
 * ephemeral table by pseudonyms may decrypt the beacon key alone: their statement is conditioned on its encryption
 * context. (Which functions unwrap which key is measured in {@link IamCoverageTest}.)
 */
class PersonalDataKeyTest {
    private static final Set<String> PERSONAL_TABLES = Set.of("CasesTable", "MessagesTable", "StaffTable");
    /**
     * Roles that rewrite cases without opening them: the overdue sweep and the deadline recompute read and write the
     * sealed personal attribute as it is (cn.banshi.cases.DynamoCaseStore.unopened; SweepWithoutKeyTest runs them
     * with a key that opens nothing). The issue: "the report function and the sweep get no decrypt permission".
     */
    private static final Set<String> UNOPENED = Set.of("OverdueSweepRole", "DeadlineRecomputeRole");

    private static final Set<String> ITEM_ACTIONS =
            Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchGetItem");

    /** The beacon key's encryption context in AWS, as {@code DataKeys} names its item: "<records table>/…". */
    private static final String BEACON_CONTEXT = "${RecordsTable}/" + DataKeys.PK + "/" + DataKeys.BEACON;

    @Test
    void theKeyRotatesAndOnlyTheFunctionsThatTouchPersonalDataMayUseIt() {
        JsonNode key = TemplateTest.TEMPLATE.resources().get("PersonalDataKey");
        assertEquals("AWS::KMS::Key", key.path("Type").asText());
        assertTrue(key.path("Properties").path("EnableKeyRotation").asBoolean());

        Set<String> decrypt = new TreeSet<>();
        Set<String> beaconOnly = new TreeSet<>();
        Set<String> generate = new TreeSet<>();
        for (JsonNode statement : key.path("Properties").path("KeyPolicy").path("Statement")) {
            Set<String> actions = new TreeSet<>();
            Template.list(statement.path("Action")).forEach(a -> actions.add(a.asText()));
            Set<String> roles = new TreeSet<>();
            Template.list(statement.path("Principal").path("AWS")).forEach(p -> {
                if (p.has("Fn::GetAtt")) roles.add(Template.target(p));
            });
            if (statement.has("Condition")) {
                assertEquals(Set.of("kms:Decrypt"), actions, "a conditioned statement only decrypts");
                JsonNode condition = statement.path("Condition");
                JsonNode context = condition.path("StringEquals").path("kms:EncryptionContext:banshi");
                assertEquals(1, condition.size(), condition.toString());
                assertEquals(1, condition.path("StringEquals").size(), condition.toString());
                assertEquals(
                        BEACON_CONTEXT,
                        context.path("Fn::Sub").asText(),
                        "the beacon key alone: its encryption context (KmsKeyWrapper, DataKeys)");
                beaconOnly.addAll(roles);
                continue;
            }
            if (actions.contains("kms:Decrypt")) decrypt.addAll(roles);
            if (actions.contains("kms:GenerateDataKey")) generate.addAll(roles);
            if (roles.isEmpty()) {
                assertFalse(
                        actions.stream()
                                .anyMatch(a -> a.equals("kms:*")
                                        || a.startsWith("kms:Decrypt")
                                        || a.startsWith("kms:GenerateDataKey")
                                        || a.startsWith("kms:Encrypt")),
                        "the account administers the key without using it: " + actions);
            }
        }

        Set<String> touching = new TreeSet<>();
        TemplateTest.FUNCTIONS.forEach((id, fn) -> {
            String role = Template.target(fn.get("Role"));
            if (reachesPersonalItems(role) && !UNOPENED.contains(role)) touching.add(role);
        });
        assertEquals(touching, decrypt, "kms:Decrypt: exactly the roles that read or write personal items");
        assertEquals(Set.of("PersonalDataJobRole"), generate);
        assertFalse(decrypt.contains("ReportJobRole"));
        assertFalse(decrypt.contains("OverdueSweepRole"));
        assertFalse(decrypt.contains("DeadlineRecomputeRole"));
        UNOPENED.forEach(role -> assertTrue(TemplateTest.TEMPLATE.resources().has(role), role));
        // the beacon-key-only grant goes to roles without the full one that touch no personal item
        assertFalse(beaconOnly.isEmpty(), "the verification codes' function keys numbers by pseudonyms");
        for (String role : beaconOnly) {
            assertFalse(decrypt.contains(role), role + " has the full grant already");
            assertFalse(touching.contains(role), role);
        }
        assertFalse(beaconOnly.contains("ReportJobRole"));
        // ${RecordsTable} in the condition is the table DataKeys names in the context (prefix + logical name)
        assertEquals(
                TemplateTest.TEMPLATE
                                .doc
                                .path("Globals")
                                .path("Function")
                                .path("Environment")
                                .path("Variables")
                                .path(Tables.PREFIX_ENV)
                                .path("Fn::Sub")
                                .asText()
                        + Tables.RECORDS,
                TemplateTest.TEMPLATE
                        .resources()
                        .get("RecordsTable")
                        .path("Properties")
                        .path("TableName")
                        .path("Fn::Sub")
                        .asText());
    }

    private static boolean reachesPersonalItems(String role) {
        for (JsonNode statement : TemplateTest.TEMPLATE.statements(role)) {
            boolean itemAction = false;
            for (JsonNode a : Template.list(statement.path("Action"))) {
                if (ITEM_ACTIONS.contains(a.asText())) itemAction = true;
            }
            if (!itemAction) continue;
            for (JsonNode resource : Template.list(statement.path("Resource"))) {
                if (resource.has("Fn::GetAtt") && PERSONAL_TABLES.contains(Template.target(resource))) return true;
            }
        }
        return false;
    }
}
