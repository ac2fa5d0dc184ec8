package cn.banshi.bench.peer;

import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.intake.SubmissionHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The cold-start peer: the same submission (banshi's own SubmissionHandler and AppContext, so the same work)
 * behind Spring Cloud Function's AWS adapter, as most Java teams would write it: a Spring Boot application with a
 * {@code Function} bean, and {@code org.springframework.cloud.function.adapter.aws.FunctionInvoker} as the Lambda
 * handler (MAIN_CLASS and spring.cloud.function.definition tell it where to look).
 */
@SpringBootApplication
public class PeerApplication {

    @Bean
    public AppContext appContext() {
        return ExecutionEnvironment.context();
    }

    @Bean
    public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> submit(AppContext app) {
        SubmissionHandler handler = new SubmissionHandler(app);
        return event -> handler.handleRequest(event, null);
    }
}
