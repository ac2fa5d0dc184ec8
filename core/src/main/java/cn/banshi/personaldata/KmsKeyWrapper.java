package cn.banshi.personaldata;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * In AWS, the stage's customer-managed KMS key wraps the data keys: GenerateDataKey when a key version is made (the
 * personal-data job), Decrypt once per key version and execution environment. The encryption context names the key
 * item, so a wrapped key copied to another item does not unwrap. Two calls of KMS's JSON API, signed with SigV4 by
 * the SDK's own signer over the HTTP client banshi already ships: the SDK's KMS client would add 1.6 MB to the
 * deployment package (measured: 15.6 → 17.2 MB, over its 15 MB target) for these two operations.
 */
public final class KmsKeyWrapper implements KeyWrapper {
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;
    private final String keyId;

    public KmsKeyWrapper(SdkHttpClient http, String region, URI endpoint, String keyId) {
        this.http = http;
        this.credentials = DefaultCredentialsProvider.builder().build();
        this.region = region;
        this.endpoint = endpoint != null ? endpoint : defaultEndpoint(region);
        this.keyId = keyId;
    }

    /** kms.REGION.amazonaws.com, or .amazonaws.com.cn in the China regions. */
    static URI defaultEndpoint(String region) {
        return URI.create(
                "https://kms." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com"));
    }

    @Override
    public DataKey generate(String context) {
        ObjectNode body = Json.object().put("KeyId", keyId).put("KeySpec", "AES_256");
        body.putObject("EncryptionContext").put("banshi", context);
        JsonNode r = call("GenerateDataKey", body);
        return new DataKey(
                Base64.getDecoder().decode(r.path("Plaintext").asText()),
                Base64.getDecoder().decode(r.path("CiphertextBlob").asText()));
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String context) {
        ObjectNode body = Json.object()
                .put("KeyId", keyId)
                .put("CiphertextBlob", Base64.getEncoder().encodeToString(wrapped));
        body.putObject("EncryptionContext").put("banshi", context);
        return Base64.getDecoder()
                .decode(call("Decrypt", body).path("Plaintext").asText());
    }

    private JsonNode call(String operation, ObjectNode body) {
        byte[] payload = Json.write(body).getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService." + operation)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(credentials.resolveCredentials())
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(payload))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request())
                            .contentStreamProvider(signed.payload().orElse(null))
                            .build())
                    .call();
            byte[] answer;
            try (InputStream in = response.responseBody().orElseThrow(() -> new IOException("no body"))) {
                answer = in.readAllBytes();
            }
            JsonNode json = Json.parse(new String(answer, StandardCharsets.UTF_8));
            if (!response.httpResponse().isSuccessful()) {
                throw new PersonalDataException(
                        "KMS " + operation + " refused: " + json.path("__type").asText() + " ("
                                + response.httpResponse().statusCode() + ")");
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("KMS " + operation, e);
        }
    }
}
