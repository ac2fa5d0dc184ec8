package cn.banshi.batch.repository;

import org.springframework.batch.core.repository.JobRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB job repository in one call, for a Spring configuration or plain code. */
public final class DynamoDbJobRepositories {
    private DynamoDbJobRepositories() {}

    /** The DynamoDB job repository on the given client, with the tables of {@link cn.banshi.store.Tables}. */
    public static JobRepository create(DynamoDbClient dynamo) {
        DynamoDbJobRepositoryFactoryBean factory = new DynamoDbJobRepositoryFactoryBean();
        factory.setDynamoDbClient(dynamo);
        try {
            factory.afterPropertiesSet();
            return factory.getObject();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the DynamoDB job repository", e);
        }
    }
}
