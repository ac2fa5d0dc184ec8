package cn.banshi.personaldata;

/**
 * The key-encryption key that wraps banshi's data keys: a customer-managed KMS key in AWS ({@link KmsKeyWrapper}), a
 * raw AES key in a file of the data directory locally ({@link LocalKeyWrapper}). Data keys are stored only wrapped.
 */
public sealed interface KeyWrapper permits KmsKeyWrapper, LocalKeyWrapper {
    /** A fresh 256-bit data key, in the clear and wrapped (KMS GenerateDataKey). */
    DataKey generate(String context);

    /** The clear key of a wrapped one (KMS Decrypt); fails when the context or the bytes differ. */
    byte[] unwrap(byte[] wrapped, String context);

    /** A data key in the clear and as stored. */
    record DataKey(byte[] clear, byte[] wrapped) {}
}
