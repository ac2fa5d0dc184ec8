package cn.banshi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The functions module ships two packages: {@code -lambda.jar} for every function but the report and calendar routes,
 * without the S3 and Lambda clients, and {@code -lambda-reports.jar} with them. Every function deployed with the
 * small package starts from it alone: its handler class loads and is constructed (AppContext included) in a class
 * loader that sees nothing but that jar, so nothing on its start-up path needs the clients left out. The attachments'
 * image and PDF libraries are only in {@code -lambda-attachments.jar}, the processing function's package.
 */
class FunctionPackagesTest {
    /**
     * The handlers that use the S3 client (report downloads) or the Lambda client (starting a report run, starting the
     * deadline recompute after a calendar load).
     */
    static final Set<String> NEEDS_REPORT_CLIENTS = Set.of(
            "cn.banshi.reports.ReportsHandler",
            "cn.banshi.reports.ReportRunsHandler",
            "cn.banshi.reports.drafts.ReportDraftsHandler",
            "cn.banshi.reports.drafts.PublishedReportsHandler",
            "cn.banshi.calendar.CalendarAdminHandler",

            // the message dispatcher: the SNS and SES clients, which only the full package holds
            "cn.banshi.notifications.DispatchHandler",
            // phone verification codes, sent at once through SNS (docs/abuse.md)
            "cn.banshi.abuse.VerificationCodesHandler",
            // staff accounts: the Cognito admin client (3 MB), which only the full package holds
            "cn.banshi.accounts.StaffAccountsHandler");

    static final long MAX_PACKAGE_BYTES = 15L * 1024 * 1024;

    /** Handlers deployed from {@code -lambda-attachments.jar}: the uploads' processing (S3 client, image and PDF code). */
    static final Set<String> NEEDS_ATTACHMENT_LIBRARIES = Set.of("cn.banshi.attachments.UploadProcessingHandler");

    /** The attachments' image and PDF libraries: only {@code -lambda-attachments.jar} holds them. */
    static final List<String> ATTACHMENT_LIBRARIES =
            List.of("org/apache/pdfbox/", "org/apache/fontbox/", "com/twelvemonkeys/");

    private static Path jar(String classifier) {
        return Template.ROOT.resolve("functions/target/banshi-functions-" + System.getProperty("banshi.version") + "-"
                + classifier + ".jar");
    }

    @Test
    void theSmallPackageHasNoS3OrLambdaClientAndStaysUnder15MB() throws Exception {
        Path small = jar("lambda");
        assertTrue(Files.exists(small), small + " (built by the functions module's package phase)");
        try (ZipFile zip = new ZipFile(small.toFile())) {
            assertTrue(
                    zip.stream()
                            .noneMatch(e -> e.getName().startsWith("software/amazon/awssdk/services/s3/")
                                    || e.getName().startsWith("software/amazon/awssdk/services/lambda/")
                                    || e.getName().startsWith("software/amazon/awssdk/services/sns/")
                                    || e.getName().startsWith("software/amazon/awssdk/services/sesv2/")
                                    || e.getName().startsWith("software/amazon/awssdk/services/secretsmanager/")
                                    || e.getName()
                                            .startsWith("software/amazon/awssdk/services/cognitoidentityprovider/")),
                    "no S3, Lambda, SNS, SES, Secrets Manager or Cognito client classes");
            assertTrue(zip.getEntry("software/amazon/awssdk/services/dynamodb/DynamoDbClient.class") != null);
        }
        assertTrue(Files.size(small) <= MAX_PACKAGE_BYTES, small + ": " + Files.size(small) + " bytes");
        try (ZipFile zip = new ZipFile(jar("lambda-reports").toFile())) {
            assertTrue(zip.getEntry("software/amazon/awssdk/services/s3/S3Client.class") != null);
            assertTrue(zip.getEntry("software/amazon/awssdk/services/lambda/LambdaClient.class") != null);
            // the dispatcher's Alibaba Cloud SMS sender reads its AccessKey pair from Secrets Manager
            assertTrue(
                    zip.getEntry("software/amazon/awssdk/services/secretsmanager/SecretsManagerClient.class") != null);
            assertTrue(zip.getEntry(
                            "software/amazon/awssdk/services/cognitoidentityprovider/CognitoIdentityProviderClient.class")
                    != null);
        }
    }

    @Test
    void onlyTheAttachmentsPackageHoldsTheImageAndPdfLibraries() throws Exception {
        for (String classifier : List.of("lambda", "lambda-reports")) {
            try (ZipFile zip = new ZipFile(jar(classifier).toFile())) {
                assertTrue(
                        zip.stream()
                                .noneMatch(e -> ATTACHMENT_LIBRARIES.stream().anyMatch(e.getName()::startsWith)),
                        classifier + ": no PDFBox or TwelveMonkeys classes");
            }
        }
        try (ZipFile zip = new ZipFile(jar("lambda-attachments").toFile())) {
            assertTrue(zip.getEntry("org/apache/pdfbox/Loader.class") != null);
            assertTrue(zip.getEntry("cn/banshi/attachments/FileChecks.class") != null);
            assertTrue(zip.getEntry("software/amazon/awssdk/services/s3/S3Client.class") != null);
            String plugins = new String(
                    zip.getInputStream(zip.getEntry("META-INF/services/javax.imageio.spi.ImageReaderSpi"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(plugins.contains("com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi"), plugins);
        }
    }

    @Test
    void everyFunctionOnTheSmallPackageStartsFromItAlone() throws Exception {
        String region = System.getProperty("aws.region");
        System.setProperty(
                "aws.region", "cn-north-1"); // the handlers build a real (AWS) DynamoDB client: no request is sent
        List<String> started = new ArrayList<>();
        try (URLClassLoader onlyTheJar =
                new URLClassLoader(new URL[] {jar("lambda").toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (Map.Entry<String, JsonNode> fn : TemplateTest.FUNCTIONS.entrySet()) {
                if (!fn.getValue()
                        .path("CodeUri")
                        .asText()
                        .endsWith("functions-" + System.getProperty("banshi.version") + "-lambda.jar")) continue;
                String handler = Template.handlerClass(fn.getValue());
                Class<?> type = Class.forName(handler, true, onlyTheJar);
                type.getConstructor().newInstance();
                started.add(fn.getKey());
            }
        } finally {
            if (region == null) System.clearProperty("aws.region");
            else System.setProperty("aws.region", region);
        }
        assertTrue(started.contains("SubmissionFunction") && started.size() >= 10, started.toString());
        for (String reportHandler : NEEDS_REPORT_CLIENTS) {
            assertEquals(
                    1,
                    TemplateTest.FUNCTIONS.values().stream()
                            .filter(fn -> Template.handlerClass(fn).equals(reportHandler))
                            .filter(fn -> fn.path("CodeUri").asText().endsWith("-lambda-reports.jar"))
                            .count(),
                    reportHandler);
        }
    }
}
