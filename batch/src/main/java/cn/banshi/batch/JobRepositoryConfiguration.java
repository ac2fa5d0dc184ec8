package cn.banshi.batch;

import cn.banshi.batch.repository.DynamoDbJobRepositories;
import cn.banshi.batch.repository.JobRepositoryKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where Spring Batch keeps the report jobs' repository, chosen by {@code banshi.batch.repository}
 * ({@link JobRepositoryKind}): {@code dynamodb} (the default) next to the case tables, so that it survives
 * the function or container that ran the job; {@code h2}, an embedded H2 database in file mode under
 * {@code DATA/batch/}, which survives a killed process on one machine. Either way a job started again resumes
 * where it stopped.
 */
@Configuration
public class JobRepositoryConfiguration {
    public static final String PROPERTY = JobRepositoryKind.PROPERTY;

    /** A job repository and the transaction manager its step commits run in. */
    public interface JobStore extends AutoCloseable {
        JobRepository repository();

        PlatformTransactionManager transactionManager();

        @Override
        void close();
    }

    @Bean(destroyMethod = "close")
    public JobStore jobStore(Environment env, DynamoDbClient dynamo) throws Exception {
        return switch (JobRepositoryKind.configured(env)) {
            case DYNAMODB -> dynamoDb(dynamo);
            case H2 ->
                h2(Path.of(env.getRequiredProperty(BatchConfiguration.DATA_DIR)).resolve("batch"));
        };
    }

    @Bean
    public JobRepository jobRepository(JobStore store) {
        return store.repository();
    }

    @Bean
    public PlatformTransactionManager transactionManager(JobStore store) {
        return store.transactionManager();
    }

    /** DynamoDB writes join no transaction: chunk commits run under a resourceless transaction manager. */
    static JobStore dynamoDb(DynamoDbClient dynamo) {
        JobRepository repository = DynamoDbJobRepositories.create(dynamo);
        PlatformTransactionManager tx = new ResourcelessTransactionManager();
        return new JobStore() {
            @Override
            public JobRepository repository() {
                return repository;
            }

            @Override
            public PlatformTransactionManager transactionManager() {
                return tx;
            }

            @Override
            public void close() {
                // the client belongs to the caller
            }
        };
    }

    static JobStore h2(Path dir) throws Exception {
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("jobs") + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "banshi", "");
        pool.setMaxConnections(16);
        createSchemaIfMissing(pool);
        JdbcTransactionManager tx = new JdbcTransactionManager(pool);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(pool);
        factory.setTransactionManager(tx);
        factory.setDatabaseType("H2");
        factory.afterPropertiesSet();
        JobRepository repository = factory.getObject();
        return new JobStore() {
            @Override
            public JobRepository repository() {
                return repository;
            }

            @Override
            public PlatformTransactionManager transactionManager() {
                return tx;
            }

            @Override
            public void close() {
                try (Connection c = pool.getConnection()) {
                    c.createStatement().execute("SHUTDOWN");
                } catch (Exception ignored) {
                    // closing anyway
                }
                pool.dispose();
            }
        };
    }

    private static void createSchemaIfMissing(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet tables = c.getMetaData().getTables(null, null, "BATCH_JOB_INSTANCE", null)) {
            if (tables.next()) return;
        }
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"))
                .execute(dataSource);
    }
}
