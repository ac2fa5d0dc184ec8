package cn.banshi.cases;

import java.util.Optional;

/** Port to the case table. */
public interface CaseStore {

    /**
     * Writes a new case. {@code idempotencyRef} names the idempotency claim that owns the tracking number:
     * a retry that took the claim over may overwrite a case written under the same claim, nothing else.
     *
     * @throws TrackingNumberTakenException when the number belongs to another case
     */
    void create(CaseRecord record, String idempotencyRef);

    Optional<CaseRecord> find(String trackingNo);

    class TrackingNumberTakenException extends RuntimeException {
        public TrackingNumberTakenException(String trackingNo) {
            super("Tracking number already used", null, false, false);
        }
    }
}
