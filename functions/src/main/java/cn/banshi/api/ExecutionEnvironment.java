package cn.banshi.api;

import cn.banshi.store.DynamoClients;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every function of one Lambda execution environment shares: one DynamoDB client (built at the first
 * handler's construction, so in the init phase and the SnapStart snapshot) and the system clock. Only the
 * handlers' no-argument constructors, which only Lambda uses, come here.
 */
public final class ExecutionEnvironment {
    private ExecutionEnvironment() {}

    /** The lazy holder idiom: the class initialiser builds the client once, at the first call. */
    private static final class Client {
        static final DynamoDbClient DYNAMO = DynamoClients.fromEnvironment();
    }

    public static DynamoDbClient dynamo() {
        return Client.DYNAMO;
    }

    public static Clock clock() {
        return Clock.systemUTC();
    }

    /** A context over the shared client in which a handler builds its own parts, and nothing else. */
    public static AppContext context() {
        return new AppContext(dynamo(), clock());
    }
}
