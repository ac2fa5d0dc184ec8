package cn.banshi.personaldata;

import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * In AWS, the stage's customer-managed KMS key wraps the data keys: GenerateDataKey when a key version is made (the
 * first write, a rotation), Decrypt once per key version and execution environment. The encryption context names
 * the key version, so a wrapped key copied to another version's item does not unwrap.
 */
public final class KmsKeyWrapper implements KeyWrapper {
    private final KmsClient kms;
    private final String keyId;

    public KmsKeyWrapper(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public DataKey generate(String context) {
        GenerateDataKeyResponse r = kms.generateDataKey(
                b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256).encryptionContext(Map.of("banshi", context)));
        return new DataKey(r.plaintext().asByteArray(), r.ciphertextBlob().asByteArray());
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String context) {
        return kms.decrypt(b -> b.keyId(keyId)
                        .ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                        .encryptionContext(Map.of("banshi", context)))
                .plaintext()
                .asByteArray();
    }
}
