package cn.banshi.batch.repository;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Execution contexts as one binary attribute: the serializer's output (Spring Batch's own serializer by
 * default), deflated when that makes it smaller. A context that does not fit into one item is refused with
 * {@link ExecutionContextTooLargeException}, never cut.
 */
public final class ExecutionContextItemConverter {
    static final String CONTEXT = "context";
    static final String ENCODING = "encoding";
    private static final String DEFLATE = "deflate";
    /** Below this, deflating costs more than it saves. */
    private static final int COMPRESS_FROM_BYTES = 512;

    private final ExecutionContextSerializer serializer;

    public ExecutionContextItemConverter(ExecutionContextSerializer serializer) {
        this.serializer = serializer;
    }

    static String jobKey(long jobExecutionId) {
        return "job#" + jobExecutionId;
    }

    static String stepKey(long stepExecutionId) {
        return "step#" + stepExecutionId;
    }

    /** @param owner names the execution in the error message, e.g. "step execution 12 (step 'load')" */
    Map<String, AttributeValue> toItem(String pk, ExecutionContext context, String owner) {
        byte[] serialized = serialize(context);
        byte[] stored = serialized;
        boolean deflated = false;
        if (serialized.length >= COMPRESS_FROM_BYTES) {
            byte[] compressed = deflate(serialized);
            if (compressed.length < serialized.length) {
                stored = compressed;
                deflated = true;
            }
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", Attributes.s(pk));
        item.put(CONTEXT, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(stored)));
        if (deflated) item.put(ENCODING, Attributes.s(DEFLATE));
        long size = Attributes.itemSize(item);
        if (size > Attributes.MAX_ITEM_BYTES) {
            throw new ExecutionContextTooLargeException(String.format(
                    "The execution context of %s is %,d bytes serialised (%,d bytes as stored), over DynamoDB's "
                            + "limit of %,d bytes per item; it was not saved. Keep large state out of the "
                            + "ExecutionContext (store it elsewhere and keep a key in the context).",
                    owner, serialized.length, size, Attributes.MAX_ITEM_BYTES));
        }
        return item;
    }

    ExecutionContext toExecutionContext(Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey(CONTEXT)) return new ExecutionContext();
        byte[] stored = item.get(CONTEXT).b().asByteArray();
        InputStream in = new ByteArrayInputStream(stored);
        if (DEFLATE.equals(Attributes.string(item, ENCODING))) in = new InflaterInputStream(in);
        try (InputStream input = in) {
            return new ExecutionContext(serializer.deserialize(input));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deserialise an execution context", e);
        }
    }

    private byte[] serialize(ExecutionContext context) {
        Map<String, Object> map = new HashMap<>();
        for (Map.Entry<String, Object> entry : context.entrySet()) map.put(entry.getKey(), entry.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            serializer.serialize(map, out);
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not serialise the execution context", e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream deflating = new DeflaterOutputStream(out, deflater)) {
            deflating.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
