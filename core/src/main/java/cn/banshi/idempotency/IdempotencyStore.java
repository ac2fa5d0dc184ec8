package cn.banshi.idempotency;

import cn.banshi.digest.Sha256;
import cn.banshi.errors.ApiException;
import cn.banshi.errors.Errors;
import cn.banshi.store.Tables;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency-Key handling with Powertools' semantics, built on conditional writes (no transactions):
 * the first request with a key claims it (conditional put), performs the operation, and stores the
 * response; a retry with the same key and body gets that response back; the same key with another body
 * is 409. A concurrent retry waits for the first to finish. A claim whose holder died is taken over after
 * its lease, and the new holder reuses the claim's tracking number so no second case can appear.
 *
 * <p>The stored response contains the case's access code, which must otherwise exist only as a hash. It is
 * therefore stored encrypted with a key derived from the Idempotency-Key and the body, which the store
 * does not keep (the record's key is a hash of them): only the client that knows both can replay it.
 */
public final class IdempotencyStore {
    public static final Duration RETENTION = Duration.ofHours(24);
    static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(8);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final SecureRandom random;

    public IdempotencyStore(DynamoDbClient dynamo, Clock clock, SecureRandom random) {
        this.dynamo = dynamo;
        this.table = Tables.physical(Tables.EPHEMERAL);
        this.clock = clock;
        this.random = random;
    }

    /** Validates the header value: 1–128 visible ASCII characters. */
    public static String checkKey(String key) {
        if (key.isEmpty() || key.length() > 128 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw Errors.invalidHeader(
                    "idempotency-key",
                    "Idempotency-Key 须为 1–128 个可见 ASCII 字符",
                    "Idempotency-Key must be 1 to 128 visible ASCII characters");
        }
        return key;
    }

    /**
     * Runs {@code operation} at most once per (scope, key, body). Without a key it just runs it.
     * Validation must happen before: an {@link ApiException} from the operation releases the claim.
     */
    public StoredResponse execute(
            String scope,
            String key,
            byte[] body,
            Supplier<String> newTrackingNo,
            Function<Claim, StoredResponse> operation) {
        if (key == null) return operation.apply(new Claim(null, newTrackingNo.get()));
        checkKey(key);
        String pk = "idem#" + Sha256.hex(scope + "\n" + key);
        String bodyHash = Sha256.hex(body);
        byte[] responseKey = Sha256.of("banshi-idem-response-v1\n" + scope + "\n" + key + "\n" + bodyHash);
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        // one claim id per request: a claim or take-over that was written although the call reported a failure
        // (a 5xx after the write, then the SDK's retry failing its condition) is recognised below as ours
        String claimId = UUID.randomUUID().toString();
        while (true) {
            String trackingNo = newTrackingNo.get();
            Map<String, AttributeValue> claimed = claimItem(pk, bodyHash, claimId, trackingNo);
            if (tryClaim(claimed)) {
                return runClaimed(claimed, new Claim(pk, trackingNo), responseKey, operation);
            }
            Map<String, AttributeValue> existing = dynamo.getItem(
                            b -> b.tableName(table).consistentRead(true).key(Map.of("pk", AttributeValue.fromS(pk))))
                    .item();
            if (existing == null || existing.isEmpty() || expired(existing)) continue;
            if (!bodyHash.equals(existing.get("bodyHash").s())) throw Errors.idempotencyKeyReused();
            if ("COMPLETED".equals(existing.get("state").s())) return decrypt(existing, responseKey);
            if (claimId.equals(existing.get("claimId").s())) {
                return runClaimed(
                        existing, new Claim(pk, existing.get("trackingNo").s()), responseKey, operation);
            }
            long leaseUntil = Long.parseLong(existing.get("leaseUntil").n());
            if (leaseUntil < clock.millis()) {
                String stalled = existing.get("claimId").s();
                if (takeOver(pk, stalled, claimId)) {
                    Map<String, AttributeValue> ours = new HashMap<>(existing);
                    ours.put("claimId", AttributeValue.fromS(claimId));
                    return runClaimed(
                            ours, new Claim(pk, existing.get("trackingNo").s()), responseKey, operation);
                }
                continue;
            }
            if (System.nanoTime() > deadline) throw Errors.idempotencyInProgress();
            sleep(50 + random.nextInt(50));
        }
    }

    /** Runs the operation under the claim record {@code claimed} (ours: its claimId is this request's). */
    private StoredResponse runClaimed(
            Map<String, AttributeValue> claimed,
            Claim claim,
            byte[] responseKey,
            Function<Claim, StoredResponse> operation) {
        String pk = claimed.get("pk").s();
        String claimId = claimed.get("claimId").s();
        StoredResponse response;
        try {
            response = operation.apply(claim);
        } catch (ApiException refused) {
            if (refused.status() < 500) release(pk, claimId);
            else expireLease(pk, claimId);
            throw refused;
        } catch (RuntimeException failed) {
            expireLease(pk, claimId);
            throw failed;
        }
        complete(claimed, response, responseKey);
        return response;
    }

    private Map<String, AttributeValue> claimItem(String pk, String bodyHash, String claimId, String trackingNo) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("state", AttributeValue.fromS("IN_PROGRESS"));
        item.put("bodyHash", AttributeValue.fromS(bodyHash));
        item.put("claimId", AttributeValue.fromS(claimId));
        item.put("trackingNo", AttributeValue.fromS(trackingNo));
        item.put("leaseUntil", AttributeValue.fromN(Long.toString(clock.millis() + LEASE.toMillis())));
        item.put(
                Tables.EXPIRES_AT,
                AttributeValue.fromN(
                        Long.toString(clock.instant().plus(RETENTION).getEpochSecond())));
        return item;
    }

    private boolean tryClaim(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #exp < :now")
                    .expressionAttributeNames(Map.of("#exp", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(
                            ":now",
                            AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    private boolean takeOver(String pk, String stalledClaim, String claimId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(pk)))
                    .updateExpression("SET claimId = :mine, leaseUntil = :lease")
                    .conditionExpression("claimId = :stalled AND #state = :progress")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(
                            ":mine", AttributeValue.fromS(claimId),
                            ":stalled", AttributeValue.fromS(stalledClaim),
                            ":progress", AttributeValue.fromS("IN_PROGRESS"),
                            ":lease", AttributeValue.fromN(Long.toString(clock.millis() + LEASE.toMillis())))));
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    /**
     * Stores the response: the claim record rewritten whole (a conditional PutItem, the same item an UpdateItem
     * {@code SET state, sealed REMOVE leaseUntil} would leave), so that the submission's path makes no UpdateItem:
     * in a cold function each further kind of DynamoDB request loads its own SDK classes.
     */
    private void complete(Map<String, AttributeValue> claimed, StoredResponse response, byte[] responseKey) {
        Map<String, AttributeValue> done = new HashMap<>(claimed);
        done.remove("leaseUntil");
        done.put("state", AttributeValue.fromS("COMPLETED"));
        done.put("sealed", AttributeValue.fromS(encrypt(response, responseKey)));
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(done)
                    .conditionExpression("claimId = :mine")
                    .expressionAttributeValues(Map.of(":mine", done.get("claimId"))));
        } catch (ConditionalCheckFailedException lost) {
            // Another holder took the claim over after our lease ran out; it wrote the same case and
            // stores its own response. Ours is still a true answer for this request.
        }
    }

    /**
     * After a failure (DynamoDB throttled or unavailable) the case may or may not have been written, so the claim
     * must not be released; ending its lease lets the client's retry take it over at once and write the same
     * case (same tracking number) instead of waiting for the lease. Best effort: otherwise the lease runs out.
     */
    private void expireLease(String pk, String claimId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(pk)))
                    .updateExpression("SET leaseUntil = :zero")
                    .conditionExpression("claimId = :mine AND #state = :progress")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(
                            ":mine",
                            AttributeValue.fromS(claimId),
                            ":progress",
                            AttributeValue.fromS("IN_PROGRESS"),
                            ":zero",
                            AttributeValue.fromN("0"))));
        } catch (RuntimeException ignored) {
            // the lease expires by itself
        }
    }

    private void release(String pk, String claimId) {
        try {
            dynamo.deleteItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(pk)))
                    .conditionExpression("claimId = :mine AND #state = :progress")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(
                            ":mine", AttributeValue.fromS(claimId), ":progress", AttributeValue.fromS("IN_PROGRESS"))));
        } catch (ConditionalCheckFailedException gone) {
            // nothing to release
        }
    }

    private boolean expired(Map<String, AttributeValue> item) {
        AttributeValue expiresAt = item.get(Tables.EXPIRES_AT);
        return expiresAt != null
                && Long.parseLong(expiresAt.n()) < clock.instant().getEpochSecond();
    }

    private String encrypt(StoredResponse response, byte[] key) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            String plain = response.status() + "\n" + (response.location() == null ? "" : response.location()) + "\n"
                    + response.body();
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(iv) + "."
                    + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoredResponse decrypt(Map<String, AttributeValue> item, byte[] key) {
        try {
            String[] parts = item.get("sealed").s().split("\\.");
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, Base64.getDecoder().decode(parts[0])));
            String plain = new String(cipher.doFinal(Base64.getDecoder().decode(parts[1])), StandardCharsets.UTF_8);
            int first = plain.indexOf('\n');
            int second = plain.indexOf('\n', first + 1);
            String location = plain.substring(first + 1, second);
            return new StoredResponse(
                    Integer.parseInt(plain.substring(0, first)),
                    plain.substring(second + 1),
                    location.isEmpty() ? null : location);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored idempotent response cannot be opened", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.unavailable(1);
        }
    }
}
