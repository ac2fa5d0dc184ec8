package cn.banshi.notifications;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's RPC request signature, version 1.0 (HMAC-SHA1): the parameters except {@code Signature}, sorted by
 * name, each name and value percent-encoded (RFC 3986: space {@code %20}, {@code *} {@code %2A}, {@code ~} kept) and
 * joined as {@code a=b&c=d}; the string to sign is {@code METHOD&%2F&} followed by that query, percent-encoded once
 * more; the signature is Base64(HMAC-SHA1(AccessKeySecret + "&", string to sign)).
 */
final class AliyunSignature {
    private AliyunSignature() {}

    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** The canonicalised query string of the parameters (all but Signature). */
    static String canonicalQuery(Map<String, String> parameters) {
        return new TreeMap<>(parameters)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals("Signature"))
                        .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    static String stringToSign(String method, Map<String, String> parameters) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters));
    }

    static String sign(String method, Map<String, String> parameters, String accessKeySecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(stringToSign(method, parameters).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1", e);
        }
    }
}
