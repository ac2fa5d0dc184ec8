package cn.banshi.bench.coldstart;

import cn.banshi.api.HttpApiJson;
import cn.banshi.store.DynamoClients;
import cn.banshi.store.Tables;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor of a stream handler, as banshi's functions are since run 24: {@link FloorHandler}'s one PutItem, the event
 * read and the answer written by the same {@link HttpApiJson} banshi uses instead of the runtime's serializer. What
 * banshi adds on top of this is banshi's own cost with the event's reading taken out of both.
 */
public final class FloorStreamHandler implements RequestStreamHandler {
    private final DynamoDbClient dynamo = DynamoClients.fromEnvironment();
    private final String table = Tables.physical(Tables.CASES);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayV2HTTPEvent event = HttpApiJson.readEvent(input);
        String id = UUID.randomUUID().toString();
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk", AttributeValue.fromS("floor#" + id), "body", AttributeValue.fromS(event.getBody()))));
        HttpApiJson.writeResponse(
                APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(201)
                        .withHeaders(Map.of("content-type", "application/json"))
                        .withBody("{\"id\":\"" + id + "\"}")
                        .build(),
                output);
    }
}
