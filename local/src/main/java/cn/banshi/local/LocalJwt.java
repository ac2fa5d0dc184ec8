package cn.banshi.local;

import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local stand-in for API Gateway's JWT authorizer: HS256 tokens signed with a key kept in the data
 * directory. Verification is as strict as the authorizer's: algorithm exactly HS256 (so {@code alg: none}
 * and key confusion fail), signature, issuer, audience, expiry and not-before (60 s leeway). A token of a sign-in
 * (one with a session id, claim {@code sid}) must also name a live session ({@link SessionCheck}): signing out, the
 * idle timeout and disabling the account stop it at the next request. Tokens without {@code sid} are the operator's
 * ({@code ./banshi token}, minted with the key file) and live until they expire.
 */
public final class LocalJwt {
    public static final String ISSUER = "https://banshi.local/issuer";
    public static final String AUDIENCE = "banshi-staff";
    private static final long LEEWAY_SECONDS = 60;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** Whether the session a token names is still live (and marks it used). */
    @FunctionalInterface
    public interface SessionCheck {
        boolean live(Map<String, Object> claims);
    }

    private final byte[] key;
    private final Clock clock;
    private volatile SessionCheck sessions;

    public LocalJwt(byte[] key, Clock clock) {
        this.key = key.clone();
        this.clock = clock;
    }

    /** Checks every token with a session id against the sessions (without it such tokens are refused). */
    public LocalJwt checkingSessions(SessionCheck sessions) {
        this.sessions = sessions;
        return this;
    }

    /** The key in {@code dataDir/local-jwt.key}, created on first use. */
    public static LocalJwt forDataDir(Path dataDir, Clock clock) throws IOException {
        Path file = dataDir.resolve("local-jwt.key");
        if (!Files.exists(file)) {
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        }
        return new LocalJwt(Base64.getDecoder().decode(Files.readString(file).strip()), clock);
    }

    public String issue(Map<String, String> claims, Duration lifetime) {
        ObjectNode header = Json.object().put("alg", "HS256").put("typ", "JWT");
        ObjectNode payload = Json.object();
        long now = clock.instant().getEpochSecond();
        payload.put("iss", ISSUER)
                .put("aud", AUDIENCE)
                .put("iat", now)
                .put("nbf", now)
                .put("exp", now + lifetime.toSeconds());
        claims.forEach(payload::put);
        String signingInput = b64(Json.write(header)) + "." + b64(Json.write(payload));
        return signingInput + "." + B64.encodeToString(hmac(signingInput));
    }

    /**
     * The verified claims, or empty for any token that is not genuine, current, and for this audience, or whose
     * session has ended.
     */
    public Optional<Map<String, Object>> verify(String token) {
        Optional<Map<String, Object>> claims = verifySignature(token);
        if (claims.isEmpty() || !claims.get().containsKey("sid")) return claims;
        SessionCheck check = sessions;
        return check != null && check.live(claims.get()) ? claims : Optional.empty();
    }

    /** The claims of a genuine, current token, whether or not its session is live (signing out reads them). */
    public Optional<Map<String, Object>> verifySignature(String token) {
        if (token == null || token.length() > 8192) return Optional.empty();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) return Optional.empty();
        try {
            JsonNode header = Json.parse(new String(B64D.decode(parts[0]), StandardCharsets.UTF_8));
            if (!"HS256".equals(header.path("alg").asText())) return Optional.empty();
            byte[] signature = B64D.decode(parts[2]);
            if (!MessageDigest.isEqual(signature, hmac(parts[0] + "." + parts[1]))) return Optional.empty();
            JsonNode payload = Json.parse(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8));
            long now = clock.instant().getEpochSecond();
            if (!ISSUER.equals(payload.path("iss").asText())) return Optional.empty();
            JsonNode aud = payload.path("aud");
            boolean audienceOk = aud.isTextual()
                    ? AUDIENCE.equals(aud.asText())
                    : aud.isArray()
                            && StreamSupport.stream(aud.spliterator(), false)
                                    .anyMatch(a -> AUDIENCE.equals(a.asText()));
            if (!audienceOk) return Optional.empty();
            if (!payload.path("exp").canConvertToLong() || payload.path("exp").asLong() + LEEWAY_SECONDS < now)
                return Optional.empty();
            if (payload.has("nbf") && payload.path("nbf").asLong() - LEEWAY_SECONDS > now) return Optional.empty();
            Map<String, Object> claims = new LinkedHashMap<>();
            payload.fields()
                    .forEachRemaining(e -> claims.put(
                            e.getKey(),
                            e.getValue().isTextual()
                                    ? e.getValue().asText()
                                    : e.getValue().toString()));
            return Optional.of(claims);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
