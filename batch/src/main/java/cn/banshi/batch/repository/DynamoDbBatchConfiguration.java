package cn.banshi.batch.repository;

import cn.banshi.store.DynamoClients;
import org.springframework.batch.core.configuration.BatchConfigurationException;
import org.springframework.batch.core.configuration.support.DefaultBatchConfiguration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Spring Batch's default configuration with the job repository on DynamoDB (the counterpart of
 * MongoDefaultBatchConfiguration): extend it instead of {@code DefaultBatchConfiguration}. The client is a
 * {@link DynamoDbClient} bean if the context has one, else {@link DynamoClients#fromEnvironment()}.
 * With {@code banshi.batch.repository=embedded} it falls back to {@link #embeddedJobRepository()}.
 */
@Configuration(proxyBeanMethods = false)
public class DynamoDbBatchConfiguration extends DefaultBatchConfiguration {

    @Bean
    @Override
    public JobRepository jobRepository() throws BatchConfigurationException {
        if (JobRepositoryKind.configured(applicationContext.getEnvironment()) == JobRepositoryKind.EMBEDDED) {
            return embeddedJobRepository();
        }
        DynamoDbJobRepositoryFactoryBean factory = new DynamoDbJobRepositoryFactoryBean();
        factory.setDynamoDbClient(getDynamoDbClient());
        factory.setTransactionManager(getTransactionManager());
        try {
            factory.afterPropertiesSet();
            return factory.getObject();
        } catch (Exception e) {
            throw new BatchConfigurationException("Unable to configure the DynamoDB job repository", e);
        }
    }

    /** The repository used with {@code banshi.batch.repository=embedded}: Spring Batch's default one. */
    protected JobRepository embeddedJobRepository() {
        return super.jobRepository();
    }

    protected DynamoDbClient getDynamoDbClient() {
        return applicationContext.getBeanProvider(DynamoDbClient.class).getIfAvailable(DynamoClients::fromEnvironment);
    }
}
