package cn.banshi.accounts;

import cn.banshi.auth.Role;
import cn.banshi.errors.Errors;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.ProtectedAttributes;
import cn.banshi.store.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The staff table ({@link Tables#STAFF}): one item per account, keyed by username, listed per town through
 * {@link Tables#STAFF_BY_TOWN}; the same store locally and in AWS (where Cognito keeps the credentials and this
 * table the directory: role, village, contact details, enabled). Each town also has a counter item of its enabled
 * town admins, changed with conditional ADDs, so that two admins disabling each other at once cannot leave the town
 * without one (DynamoDB's conditional writes are atomic; no transactions needed).
 */
public final class StaffAccountStore {
    private final PersonalData personalData;

    /** An account with its credentials, for the sign-in path only. */
    public record Stored(StaffAccount account, Credentials credentials) {}

    private final DynamoDbClient dynamo;
    private final String table;

    public StaffAccountStore(DynamoDbClient dynamo) {
        this(dynamo, PersonalData.shared(dynamo));
    }

    public StaffAccountStore(DynamoDbClient dynamo, PersonalData personalData) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.STAFF);
        this.personalData = personalData;
    }

    public Optional<StaffAccount> find(String username) {
        return findStored(username).map(Stored::account);
    }

    public Optional<Stored> findStored(String username) {
        if (username == null || username.startsWith("#")) return Optional.empty();
        var item = dynamo.getItem(b -> b.tableName(table).key(key(username)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new Stored(account(open(item)), credentials(item)));
    }

    /** A town's accounts, ordered by username. */
    public List<StaffAccount> listTown(String town) {
        List<StaffAccount> accounts = new ArrayList<>();
        for (var page : dynamo.queryPaginator(b -> b.tableName(table)
                .indexName(Tables.STAFF_BY_TOWN)
                .keyConditionExpression("town = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(town))))) {
            page.items().forEach(item -> accounts.add(account(open(item))));
        }
        return accounts;
    }

    /** A new account; USERNAME_TAKEN if the name exists (in any town). */
    public void create(StaffAccount account, String passwordHash, boolean temporaryPassword) {
        Map<String, AttributeValue> item = seal(profile(account));
        item.put("createdAt", AttributeValue.fromS(account.createdAt().toString()));
        if (passwordHash != null) {
            item.put("passwordHash", AttributeValue.fromS(passwordHash));
            item.put("temporaryPassword", AttributeValue.fromBool(temporaryPassword));
        }
        item.put("failures", AttributeValue.fromN("0"));
        item.put("totpLastStep", AttributeValue.fromN("0"));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(username)"));
        } catch (ConditionalCheckFailedException e) {
            throw Errors.usernameTaken();
        }
        if (account.isActiveAdmin()) addAdmins(account.town(), 1);
    }

    /**
     * Writes the profile of {@code after} if the stored account is still {@code before} (else VERSION_CONFLICT-like
     * 409 via {@link Errors#staffChanged()}). Taking away a town's last enabled admin is refused with LAST_ADMIN.
     */
    public void update(StaffAccount before, StaffAccount after) {
        boolean losesAdmin = before.isActiveAdmin() && !after.isActiveAdmin();
        boolean gainsAdmin = !before.isActiveAdmin() && after.isActiveAdmin();
        if (losesAdmin) takeAdmin(before.town());
        try {
            Map<String, AttributeValue> item = seal(profile(after));
            item.remove("username");
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            List<String> sets = new ArrayList<>();
            List<String> removes = new ArrayList<>();
            int i = 0;
            for (String attribute :
                    List.of("town", "role", "village", "displayName", "phone", "email", "enabled", "updatedAt")) {
                names.put("#a" + i, attribute);
                if (item.containsKey(attribute)) {
                    values.put(":v" + i, item.get(attribute));
                    sets.add("#a" + i + " = :v" + i);
                } else {
                    removes.add("#a" + i);
                }
                i++;
            }
            names.put("#u", "updatedAt");
            values.put(":before", AttributeValue.fromS(before.updatedAt().toString()));
            String expression = "SET " + String.join(", ", sets)
                    + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(before.username()))
                    .updateExpression(expression)
                    .conditionExpression("#u = :before")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            if (losesAdmin) addAdmins(before.town(), 1);
            throw Errors.staffChanged();
        } catch (RuntimeException e) {
            if (losesAdmin) addAdmins(before.town(), 1);
            throw e;
        }
        if (gainsAdmin) addAdmins(after.town(), 1);
    }

    public void setPassword(String username, String hash, boolean temporary) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(username))
                .updateExpression("SET passwordHash = :h, temporaryPassword = :t, failures = :zero REMOVE lockedUntil")
                .conditionExpression("attribute_exists(username)")
                .expressionAttributeValues(Map.of(
                        ":h", AttributeValue.fromS(hash),
                        ":t", AttributeValue.fromBool(temporary),
                        ":zero", AttributeValue.fromN("0"))));
    }

    /** Removes the TOTP secret: the account enrols again at its next sign-in (a lost phone). */
    public void clearTotp(String username) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(username))
                .updateExpression("REMOVE totpSecret SET totpLastStep = :zero")
                .conditionExpression("attribute_exists(username)")
                .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))));
    }

    /**
     * One more consecutive failure (an atomic ADD, so concurrent guesses are all counted); at {@code max} the account
     * is locked until {@code lockedUntil} and the count starts again. True if this failure locked it.
     */
    public boolean recordFailure(String username, int max, Instant lockedUntil) {
        var updated = dynamo.updateItem(b -> b.tableName(table)
                        .key(key(username))
                        .updateExpression("ADD failures :one")
                        .conditionExpression("attribute_exists(username)")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .returnValues(ReturnValue.UPDATED_NEW))
                .attributes();
        if (Integer.parseInt(updated.get("failures").n()) < max) return false;
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(username))
                    .updateExpression("SET lockedUntil = :until, failures = :zero")
                    .conditionExpression("failures >= :max")
                    .expressionAttributeValues(Map.of(
                            ":until", AttributeValue.fromS(lockedUntil.toString()),
                            ":zero", AttributeValue.fromN("0"),
                            ":max", AttributeValue.fromN(Integer.toString(max)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // a concurrent failure locked it
        }
    }

    public void clearFailures(String username) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(username))
                .updateExpression("SET failures = :zero REMOVE lockedUntil")
                .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))));
    }

    /** Enrols TOTP with the step its confirming code used. */
    public void enrolTotp(String username, String secret, long step) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(username))
                .updateExpression("SET totpSecret = :s, totpLastStep = :step")
                .conditionExpression("attribute_exists(username)")
                .expressionAttributeValues(Map.of(
                        ":s", AttributeValue.fromS(secret), ":step", AttributeValue.fromN(Long.toString(step)))));
    }

    /** Marks a TOTP step used; false if it (or a later one) was used already: a replayed code. */
    public boolean useTotpStep(String username, long step) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(username))
                    .updateExpression("SET totpLastStep = :step")
                    .conditionExpression("totpLastStep < :step")
                    .expressionAttributeValues(Map.of(":step", AttributeValue.fromN(Long.toString(step)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The number of enabled town admins of a town (the counter item). */
    public int enabledAdmins(String town) {
        var item = dynamo.getItem(
                        b -> b.tableName(table).key(key(adminsKey(town))).consistentRead(true))
                .item();
        return item == null || !item.containsKey("admins")
                ? 0
                : Integer.parseInt(item.get("admins").n());
    }

    private void takeAdmin(String town) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(adminsKey(town)))
                    .updateExpression("ADD admins :minus")
                    .conditionExpression("admins > :one")
                    .expressionAttributeValues(
                            Map.of(":minus", AttributeValue.fromN("-1"), ":one", AttributeValue.fromN("1"))));
        } catch (ConditionalCheckFailedException e) {
            throw Errors.lastAdmin();
        }
    }

    private void addAdmins(String town, int n) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(adminsKey(town)))
                .updateExpression("ADD admins :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Integer.toString(n)))));
    }

    private static String adminsKey(String town) {
        return "#admins#" + town;
    }

    private static Map<String, AttributeValue> key(String username) {
        return Map.of("username", AttributeValue.fromS(username));
    }

    /** Name and contact details sealed (issue 18); username, town, role and village stay plaintext. */
    private Map<String, AttributeValue> seal(Map<String, AttributeValue> profile) {
        return new HashMap<>(personalData.seal(ProtectedAttributes.STAFF, profile));
    }

    private Map<String, AttributeValue> open(Map<String, AttributeValue> item) {
        return personalData.open(ProtectedAttributes.STAFF, item);
    }

    private static Map<String, AttributeValue> profile(StaffAccount a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("username", AttributeValue.fromS(a.username()));
        item.put("town", AttributeValue.fromS(a.town()));
        item.put("role", AttributeValue.fromS(a.role().code()));
        if (a.village() != null) item.put("village", AttributeValue.fromS(a.village()));
        item.put("displayName", AttributeValue.fromS(a.displayName()));
        if (a.phone() != null) item.put("phone", AttributeValue.fromS(a.phone()));
        if (a.email() != null) item.put("email", AttributeValue.fromS(a.email()));
        item.put("enabled", AttributeValue.fromBool(a.enabled()));
        item.put("updatedAt", AttributeValue.fromS(a.updatedAt().toString()));
        return item;
    }

    private static StaffAccount account(Map<String, AttributeValue> item) {
        return new StaffAccount(
                item.get("username").s(),
                item.get("town").s(),
                Role.fromCode(item.get("role").s()).orElseThrow(),
                s(item, "village"),
                item.get("displayName").s(),
                s(item, "phone"),
                s(item, "email"),
                item.get("enabled").bool(),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()));
    }

    private static Credentials credentials(Map<String, AttributeValue> item) {
        return new Credentials(
                s(item, "passwordHash"),
                item.containsKey("temporaryPassword")
                        && item.get("temporaryPassword").bool(),
                s(item, "totpSecret"),
                item.containsKey("totpLastStep")
                        ? Long.parseLong(item.get("totpLastStep").n())
                        : 0,
                item.containsKey("failures")
                        ? Integer.parseInt(item.get("failures").n())
                        : 0,
                item.containsKey("lockedUntil")
                        ? Instant.parse(item.get("lockedUntil").s())
                        : null);
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}
