package cn.banshi.batch.repository;

import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** An id sequence on one item, incremented atomically with {@code ADD} (the counterpart of MongoSequenceIncrementer). */
public class DynamoDbSequenceIncrementer implements DataFieldMaxValueIncrementer {
    private final DynamoDbClient dynamo;
    private final String table;
    private final String sequenceName;

    public DynamoDbSequenceIncrementer(DynamoDbClient dynamo, String table, String sequenceName) {
        this.dynamo = dynamo;
        this.table = table;
        this.sequenceName = sequenceName;
    }

    @Override
    public long nextLongValue() throws DataAccessException {
        Map<String, AttributeValue> attributes = dynamo.updateItem(new UpdateExpression()
                        .add("value", Attributes.n(1)).request(table, Attributes.key(sequenceName)).toBuilder()
                                .returnValues(ReturnValue.UPDATED_NEW)
                                .build())
                .attributes();
        return Attributes.longValue(attributes, "value");
    }

    @Override
    public int nextIntValue() throws DataAccessException {
        return Math.toIntExact(nextLongValue());
    }

    @Override
    public String nextStringValue() throws DataAccessException {
        return Long.toString(nextLongValue());
    }
}
