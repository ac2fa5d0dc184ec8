package cn.banshi.attachments;

import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.logging.Log;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The processing function: S3 ObjectCreated events of the uploads bucket's {@code incoming/} prefix in AWS (the
 * template's UploadProcessingFunction, with its dead-letter queue); locally and in tests the same handler gets the
 * same event from {@link LocalUploadProcessing}. A failure (S3 or DynamoDB unavailable) is thrown, so Lambda retries
 * the event and then hands it to the dead-letter queue; a rerun is harmless ({@link UploadProcessor}). Only this
 * function ships the image and PDF libraries.
 */
public final class UploadProcessingHandler implements RequestHandler<S3Event, Void> {
    private static final Log LOG = Log.get(UploadProcessingHandler.class);

    private final UploadProcessor processor;

    /** Lambda's: the upload store, an S3 client and the bucket of {@code BANSHI_UPLOADS_BUCKET}. */
    public UploadProcessingHandler() {
        this(new UploadProcessor(
                new UploadStore(ExecutionEnvironment.dynamo()),
                S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                System.getenv(UploadsBucket.UPLOADS_BUCKET_ENV)));
    }

    public UploadProcessingHandler(UploadProcessor processor) {
        this.processor = processor;
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        if (event == null || event.getRecords() == null) return null;
        for (var record : event.getRecords()) {
            if (record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated:")) continue;
            String key = record.getS3().getObject().getUrlDecodedKey();
            UploadProcessor.Outcome outcome = processor.process(key);
            LOG.info("upload event", "outcome", outcome.name());
        }
        return null;
    }
}
