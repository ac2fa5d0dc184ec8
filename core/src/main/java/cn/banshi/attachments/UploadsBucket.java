package cn.banshi.attachments;

/**
 * The uploads bucket: browser uploads land under {@value #INCOMING_PREFIX} (S3 expires what is left there after a
 * day: the template's lifecycle rule), processed files are written elsewhere in it. Its name is the environment's
 * {@value #UPLOADS_BUCKET_ENV} in AWS, {@value #LOCAL_BUCKET} on the local S3 server of ./banshi up.
 */
public final class UploadsBucket {
    public static final String UPLOADS_BUCKET_ENV = "BANSHI_UPLOADS_BUCKET";
    public static final String INCOMING_PREFIX = "incoming/";
    public static final String LOCAL_BUCKET = "banshi-local-uploads";
    /** Days an unprocessed upload under {@value #INCOMING_PREFIX} is kept (the template's lifecycle rule). */
    public static final int INCOMING_EXPIRY_DAYS = 1;

    private UploadsBucket() {}
}
