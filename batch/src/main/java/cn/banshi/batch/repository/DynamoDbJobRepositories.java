package cn.banshi.batch.repository;

import cn.banshi.store.DynamoClients;
import java.util.function.Supplier;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Building a job repository without a Spring context, and choosing one by configuration. */
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

    /**
     * The repository {@link JobRepositoryKind#configured()} names: DynamoDB through
     * {@link DynamoClients#fromEnvironment()} (BANSHI_DYNAMODB_ENDPOINT locally), or the embedded one the
     * caller supplies.
     */
    public static JobRepository configured(Supplier<JobRepository> embedded) {
        return switch (JobRepositoryKind.configured()) {
            case DYNAMODB -> create(DynamoClients.fromEnvironment());
            case EMBEDDED -> embedded.get();
        };
    }

    /** As {@link #configured(Supplier)}, with Spring Batch's in-memory, single-run repository as the embedded one. */
    public static JobRepository configured() {
        return configured(ResourcelessJobRepository::new);
    }
}
