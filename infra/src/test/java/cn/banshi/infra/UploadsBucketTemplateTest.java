package cn.banshi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.attachments.UploadLimits;
import cn.banshi.attachments.UploadsBucket;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The uploads bucket of the template and the code that uses it agree: unprocessed uploads under
 * {@link UploadsBucket#INCOMING_PREFIX} expire after {@link UploadsBucket#INCOMING_EXPIRY_DAYS} day(s), the bucket is
 * private and encrypted, and the pages' origin may POST to it.
 */
class UploadsBucketTemplateTest {
    private static final JsonNode BUCKET =
            TemplateTest.TEMPLATE.resources().path("UploadsBucket").path("Properties");

    @Test
    void unprocessedUploadsExpireAfterADay() {
        JsonNode rules = BUCKET.path("LifecycleConfiguration").path("Rules");
        assertEquals(2, rules.size());
        JsonNode rule = rules.get(0);
        assertEquals(0, rule.path("TagFilters").size(), "every upload left under incoming/ expires");
        assertEquals("Enabled", rule.path("Status").asText());
        assertEquals(UploadsBucket.INCOMING_PREFIX, rule.path("Prefix").asText());
        assertEquals(
                UploadsBucket.INCOMING_EXPIRY_DAYS,
                rule.path("ExpirationInDays").asInt());
    }

    @Test
    void processedFilesNoCaseLinksExpireADayAfterTheirUpload() {
        JsonNode rule = BUCKET.path("LifecycleConfiguration").path("Rules").get(1);
        assertEquals("Enabled", rule.path("Status").asText());
        assertEquals(UploadsBucket.PROCESSED_PREFIX, rule.path("Prefix").asText());
        JsonNode tags = rule.path("TagFilters");
        assertEquals(1, tags.size());
        assertEquals(UploadsBucket.ATTACHED_TAG, tags.get(0).path("Key").asText());
        assertEquals(UploadsBucket.NOT_ATTACHED, tags.get(0).path("Value").asText());
        assertEquals(
                UploadsBucket.PROCESSED_ORPHAN_EXPIRY_DAYS,
                rule.path("ExpirationInDays").asInt());
        assertTrue(
                UploadsBucket.PROCESSED_ORPHAN_EXPIRY_DAYS * 24L > UploadLimits.ORPHAN_AFTER.toHours(),
                "a processed file outlives its upload slot's record, so no attachable record points at an expired file");
    }

    @Test
    void theBucketIsPrivateEncryptedAndTakesPostsFromThePagesOrigin() {
        JsonNode block = BUCKET.path("PublicAccessBlockConfiguration");
        for (String setting :
                List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertTrue(block.path(setting).asBoolean(), setting);
        }
        assertEquals(
                "AES256",
                BUCKET.at(
                                "/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm")
                        .asText());
        JsonNode cors = BUCKET.path("CorsConfiguration").path("CorsRules").get(0);
        List<String> methods = new ArrayList<>();
        cors.path("AllowedMethods").forEach(m -> methods.add(m.asText()));
        assertTrue(methods.contains("POST"), methods.toString());
        String origins = cors.path("AllowedOrigins").toString();
        assertTrue(origins.contains("Distribution.DomainName") && origins.contains("SiteOrigin"), origins);
        assertTrue(!origins.contains("\"*\""), "no wildcard origin: " + origins);
    }
}
