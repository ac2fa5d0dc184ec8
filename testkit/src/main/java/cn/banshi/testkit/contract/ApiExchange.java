package cn.banshi.testkit.contract;

import java.util.List;
import java.util.Map;

/**
 * One request a test sent to the API and the answer it got, as the contract check needs them: header names in
 * lower case, the query as decoded name/values, bodies as text ({@code null} when there is none).
 *
 * @param binaryResponse the response body was base64-encoded bytes (a download); its content is not checked
 */
public record ApiExchange(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, String> requestHeaders,
        String requestBody,
        int status,
        Map<String, String> responseHeaders,
        String responseBody,
        boolean binaryResponse) {}
