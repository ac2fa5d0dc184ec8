package cn.banshi.personaldata;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The field-level encryption of personal data (issue 18): seals the protected attributes of an item before it is
 * written and opens them after it is read, and computes the beacons of exact-match lookups and the pseudonyms of
 * the ephemeral table's keys. One per DynamoDB client and process ({@link #shared}); its key-encryption key comes
 * from the environment ({@link #wrapperFromEnvironment}).
 */
public final class PersonalData {
    /** The ARN or id of the stage's KMS key (AWS). */
    public static final String KMS_KEY_ENV = "BANSHI_KMS_KEY_ID";
    /** The local key file (./banshi up: {@code <data dir>/personal-data.key}, mode 600). */
    public static final String KEY_FILE_ENV = "BANSHI_DATA_KEY_FILE";
    /** A KMS endpoint other than AWS's (LocalStack). */
    public static final String KMS_ENDPOINT_ENV = "BANSHI_KMS_ENDPOINT";

    private static final Map<DynamoDbClient, PersonalData> SHARED = new WeakHashMap<>();
    private static KeyWrapper processWrapper;

    private final DataKeys keys;
    private final FieldCipher cipher;
    private final Beacons beacons;
    private final Pseudonyms pseudonyms;

    public PersonalData(DataKeys keys) {
        this.keys = keys;
        this.cipher = new FieldCipher(keys);
        this.beacons = new Beacons(keys);
        this.pseudonyms = new Pseudonyms(keys);
    }

    /** The one instance over {@code dynamo} in this process, keyed by the environment's key. */
    public static synchronized PersonalData shared(DynamoDbClient dynamo) {
        return SHARED.computeIfAbsent(
                dynamo, d -> new PersonalData(new DataKeys(d, wrapperFromEnvironment(), Clock.systemUTC())));
    }

    /**
     * KMS when {@value #KMS_KEY_ENV} is set; else the key file of {@value #KEY_FILE_ENV} (or {@code
     * -Dbanshi.dataKeyFile}); else, outside Lambda, a key generated for this process (tests). In Lambda without a key
     * it refuses to start rather than write personal data with a key nobody keeps.
     */
    public static synchronized KeyWrapper wrapperFromEnvironment() {
        if (processWrapper != null) return processWrapper;
        String kmsKey = System.getenv(KMS_KEY_ENV);
        String file = System.getProperty("banshi.dataKeyFile", System.getenv(KEY_FILE_ENV));
        if (kmsKey != null && !kmsKey.isBlank()) {
            String endpoint = System.getenv(KMS_ENDPOINT_ENV);
            String region = System.getenv("AWS_REGION");
            if (region == null || region.isBlank()) region = "us-east-1";
            processWrapper = new KmsKeyWrapper(
                    UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(3))
                            .socketTimeout(Duration.ofSeconds(10))
                            .build(),
                    region,
                    endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
                    kmsKey);
        } else if (file != null && !file.isBlank()) {
            processWrapper = LocalKeyWrapper.fromFile(Path.of(file));
        } else if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null) {
            throw new IllegalStateException(KMS_KEY_ENV + " is not set: personal data cannot be encrypted");
        } else {
            processWrapper = LocalKeyWrapper.generated();
        }
        return processWrapper;
    }

    public DataKeys keys() {
        return keys;
    }

    public Beacons beacons() {
        return beacons;
    }

    /** The keyed pseudonyms of the ephemeral table's keys (spam blocks, verification codes, the daily cap). */
    public Pseudonyms pseudonyms() {
        return pseudonyms;
    }

    /** The item as it is written: its protected attributes sealed (values already sealed are kept). */
    public Map<String, AttributeValue> seal(ProtectedAttributes table, Map<String, AttributeValue> item) {
        return table.seal(cipher, item);
    }

    /**
     * The item as it was written: sealed attributes opened, plaintext ones (not yet migrated) as they are until the
     * personal-data job has verified that none is left in that table ({@link DataKeys#plaintextRefused(String)}); after that a plaintext
     * value is refused ({@link PersonalDataException}), never returned.
     */
    public Map<String, AttributeValue> open(ProtectedAttributes table, Map<String, AttributeValue> item) {
        if (table.hasPlaintext(item) && keys.plaintextRefused(table.table())) {
            throw new PersonalDataException("plaintext personal data in " + table.table() + " " + table.itemKey(item)
                    + " after every item was sealed: written around banshi");
        }
        return table.open(cipher, item);
    }

    /** The same, plaintext always accepted: the migration, which seals what it finds. */
    public Map<String, AttributeValue> openForMigration(ProtectedAttributes table, Map<String, AttributeValue> item) {
        return table.open(cipher, item);
    }

    /** One attribute value, sealed for {@code attribute} of the item named {@code itemKey} (UpdateItem values). */
    public AttributeValue seal(ProtectedAttributes table, String itemKey, String attribute, AttributeValue value) {
        return cipher.seal(value, table.table(), itemKey, attribute);
    }
}
