package cn.banshi.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Test-only: the DynamoDB operations a client made, in order (for tests that count round trips). */
public final class CallLog implements ExecutionInterceptor {
    private final List<String> operations = new CopyOnWriteArrayList<>();

    /** A client of the local DynamoDB whose calls this log records. */
    public DynamoDbClient client() {
        return LocalDynamo.client(ClientOverrideConfiguration.builder().addExecutionInterceptor(this));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** The operations since the last {@link #clear()}, e.g. {@code [BatchGetItem, PutItem]}. */
    public List<String> operations() {
        return List.copyOf(operations);
    }

    public void clear() {
        operations.clear();
    }
}
