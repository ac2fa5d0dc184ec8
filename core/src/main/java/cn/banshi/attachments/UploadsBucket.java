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
    /** Processed objects under this prefix carry {@value #ATTACHED_TAG}; the lifecycle rule reads it. */
    public static final String PROCESSED_PREFIX = "processed/";
    /**
     * The object tag of processed files: {@value #NOT_ATTACHED} when written, {@value #ATTACHED} once a case links
     * them (before the case write). Processed objects still tagged {@value #NOT_ATTACHED} expire after
     * {@value #PROCESSED_ORPHAN_EXPIRY_DAYS} days: a day after their upload record's 24 hours.
     */
    public static final String ATTACHED_TAG = "banshi-attached";

    public static final String NOT_ATTACHED = "no";
    public static final String ATTACHED = "yes";
    public static final int PROCESSED_ORPHAN_EXPIRY_DAYS = 2;

    private UploadsBucket() {}
}
