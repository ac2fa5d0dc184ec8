package cn.banshi.bench.coldstart;

import cn.banshi.store.DynamoClients;
import cn.banshi.store.Tables;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start floor: a bare handler that creates the same DynamoDB client banshi creates (same HTTP client,
 * same configuration) and does one PutItem of the request body's size. Whatever banshi's submission handler adds
 * on top of this is banshi's own cost.
 */
public final class FloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DynamoDbClient dynamo = DynamoClients.fromEnvironment();
    private final String table = Tables.physical(Tables.CASES);

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String id = UUID.randomUUID().toString();
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk", AttributeValue.fromS("floor#" + id), "body", AttributeValue.fromS(event.getBody()))));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"id\":\"" + id + "\"}")
                .build();
    }
}
