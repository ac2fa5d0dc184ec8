package cn.banshi.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;

/**
 * API Gateway's payload format 2.0 as JSON, read and written on the jackson-core the AWS SDK already loads: the
 * functions are stream handlers, so the Lambda runtime hands them the invocation's bytes and does not load its own
 * event serializer (a data-binding Jackson with about 900 classes, the largest single part of a cold start without
 * SnapStart: docs/benchmarks.md run 24). Reads every field {@link APIGatewayV2HTTPEvent} has, as the runtime's
 * serializer fills them (unknown fields ignored; {@code HttpApiJsonTest} compares the two on each kind of event the
 * suite builds and on one carrying every field), and
 * writes the response as API Gateway reads it. The decision: docs/decisions.md.
 */
public final class HttpApiJson {
    /**
     * jackson-core's default limits (strings of up to 20 million characters, nesting 1,000): above anything a 6 MB
     * invocation payload holds, so every event API Gateway can send is read.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private HttpApiJson() {}

    /** The event API Gateway sent; a document that is not one fails with {@link IOException}. */
    public static APIGatewayV2HTTPEvent readEvent(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
            start(p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "version" -> event.setVersion(text(p));
                    case "routeKey" -> event.setRouteKey(text(p));
                    case "rawPath" -> event.setRawPath(text(p));
                    case "rawQueryString" -> event.setRawQueryString(text(p));
                    case "cookies" -> event.setCookies(texts(p));
                    case "headers" -> event.setHeaders(textMap(p));
                    case "queryStringParameters" -> event.setQueryStringParameters(textMap(p));
                    case "pathParameters" -> event.setPathParameters(textMap(p));
                    case "stageVariables" -> event.setStageVariables(textMap(p));
                    case "body" -> event.setBody(text(p));
                    case "isBase64Encoded" -> event.setIsBase64Encoded(p.getValueAsBoolean());
                    case "requestContext" -> event.setRequestContext(object(p, value, HttpApiJson::context));
                    default -> p.skipChildren();
                }
            }
            return event;
        }
    }

    private static RequestContext context(JsonParser p) throws IOException {
        RequestContext context = new RequestContext();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "routeKey" -> context.setRouteKey(text(p));
                case "accountId" -> context.setAccountId(text(p));
                case "stage" -> context.setStage(text(p));
                case "apiId" -> context.setApiId(text(p));
                case "domainName" -> context.setDomainName(text(p));
                case "domainPrefix" -> context.setDomainPrefix(text(p));
                case "time" -> context.setTime(text(p));
                case "timeEpoch" -> context.setTimeEpoch(value == JsonToken.VALUE_NULL ? 0 : p.getValueAsLong());
                case "requestId" -> context.setRequestId(text(p));
                case "http" -> context.setHttp(object(p, value, HttpApiJson::http));
                case "authorizer" -> context.setAuthorizer(object(p, value, HttpApiJson::authorizer));
                default -> p.skipChildren();
            }
        }
        return context;
    }

    private static RequestContext.Http http(JsonParser p) throws IOException {
        RequestContext.Http http = new RequestContext.Http();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "method" -> http.setMethod(text(p));
                case "path" -> http.setPath(text(p));
                case "protocol" -> http.setProtocol(text(p));
                case "sourceIp" -> http.setSourceIp(text(p));
                case "userAgent" -> http.setUserAgent(text(p));
                default -> p.skipChildren();
            }
        }
        return http;
    }

    private static RequestContext.Authorizer authorizer(JsonParser p) throws IOException {
        RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "jwt" -> authorizer.setJwt(object(p, value, HttpApiJson::jwt));
                case "lambda" -> authorizer.setLambda(object(p, value, HttpApiJson::objectMap));
                case "iam" -> authorizer.setIam(object(p, value, HttpApiJson::iam));
                default -> p.skipChildren();
            }
        }
        return authorizer;
    }

    private static RequestContext.Authorizer.JWT jwt(JsonParser p) throws IOException {
        RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "claims" -> jwt.setClaims(textMap(p));
                case "scopes" -> jwt.setScopes(texts(p));
                default -> p.skipChildren();
            }
        }
        return jwt;
    }

    private static RequestContext.IAM iam(JsonParser p) throws IOException {
        RequestContext.IAM iam = new RequestContext.IAM();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "accessKey" -> iam.setAccessKey(text(p));
                case "accountId" -> iam.setAccountId(text(p));
                case "callerId" -> iam.setCallerId(text(p));
                case "principalOrgId" -> iam.setPrincipalOrgId(text(p));
                case "userArn" -> iam.setUserArn(text(p));
                case "userId" -> iam.setUserId(text(p));
                case "cognitoIdentity" -> iam.setCognitoIdentity(object(p, value, HttpApiJson::cognito));
                default -> p.skipChildren();
            }
        }
        return iam;
    }

    private static RequestContext.CognitoIdentity cognito(JsonParser p) throws IOException {
        RequestContext.CognitoIdentity identity = new RequestContext.CognitoIdentity();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "amr" -> identity.setAmr(texts(p));
                case "identityId" -> identity.setIdentityId(text(p));
                case "identityPoolId" -> identity.setIdentityPoolId(text(p));
                default -> p.skipChildren();
            }
        }
        return identity;
    }

    /** A scalar as text (a number or a boolean as written), null for null; anything else is not a text field. */
    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t.isScalarValue()) return p.getText();
        throw new IOException("expected a text at " + p.currentName());
    }

    private static List<String> texts(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return null;
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("expected an array at " + p.currentName());
        List<String> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) list.add(text(p));
        return list;
    }

    private static Map<String, String> textMap(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return null;
        start(p.currentToken());
        Map<String, String> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            map.put(key, text(p));
        }
        return map;
    }

    private static Map<String, Object> objectMap(JsonParser p) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            map.put(key, value(p));
        }
        return map;
    }

    /** Any value as data binding to {@code Object} reads it: maps, lists, strings, numbers, booleans, null. */
    private static Object value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> objectMap(p);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(value(p));
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Reads one part of the event. */
    private interface Part<T> {
        T read(JsonParser p) throws IOException;
    }

    /** The object at the parser read by {@code part}; anything else (null, an array) skipped whole and read as null. */
    private static <T> T object(JsonParser p, JsonToken value, Part<T> part) throws IOException {
        if (value == JsonToken.START_OBJECT) return part.read(p);
        p.skipChildren();
        return null;
    }

    private static void start(JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT) throw new IOException("expected an object");
    }

    /** The response as API Gateway reads it from the function (null fields left out). */
    public static void writeResponse(APIGatewayV2HTTPResponse response, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("statusCode", response.getStatusCode());
            if (response.getHeaders() != null) {
                g.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> h : response.getHeaders().entrySet()) {
                    g.writeStringField(h.getKey(), h.getValue());
                }
                g.writeEndObject();
            }
            if (response.getMultiValueHeaders() != null) {
                g.writeObjectFieldStart("multiValueHeaders");
                for (Map.Entry<String, List<String>> h :
                        response.getMultiValueHeaders().entrySet()) {
                    g.writeArrayFieldStart(h.getKey());
                    for (String v : h.getValue()) g.writeString(v);
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            if (response.getCookies() != null) {
                g.writeArrayFieldStart("cookies");
                for (String c : response.getCookies()) g.writeString(c);
                g.writeEndArray();
            }
            if (response.getBody() != null) g.writeStringField("body", response.getBody());
            g.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            g.writeEndObject();
        }
    }

    /** A response as {@link #writeResponse} wrote it (the local gateway reads its functions' answers so). */
    public static APIGatewayV2HTTPResponse readResponse(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
            start(p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "statusCode" -> response.setStatusCode(p.getValueAsInt());
                    case "headers" -> response.setHeaders(textMap(p));
                    case "multiValueHeaders" -> {
                        start(value);
                        Map<String, List<String>> headers = new LinkedHashMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            headers.put(name, texts(p));
                        }
                        response.setMultiValueHeaders(headers);
                    }
                    case "cookies" -> response.setCookies(texts(p));
                    case "body" -> response.setBody(text(p));
                    case "isBase64Encoded" -> response.setIsBase64Encoded(p.getValueAsBoolean());
                    default -> p.skipChildren();
                }
            }
            return response;
        }
    }
}
