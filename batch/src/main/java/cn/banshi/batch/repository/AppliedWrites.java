package cn.banshi.batch.repository;

import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB can apply a write and still answer with an error (an HTTP 500 after the write, a connection lost on
 * the way back); the SDK then sends the same request again, and a conditional write's second attempt fails its
 * own condition. To tell that apart from a lost race, every conditional write stores something only this write
 * can have stored: a fresh token for versioned updates, or an id drawn from a sequence for creates. After a
 * failed condition the DAO reads the item and, if it holds that mark, takes the write as done.
 */
final class AppliedWrites {
    static final String TOKEN = "writeToken";

    private AppliedWrites() {}

    static AttributeValue newToken() {
        return Attributes.s(UUID.randomUUID().toString());
    }

    /** Whether the stored item (null if there is none) carries {@code value} in {@code attribute}. */
    static boolean holds(Map<String, AttributeValue> current, String attribute, AttributeValue value) {
        return current != null && value.equals(current.get(attribute));
    }
}
