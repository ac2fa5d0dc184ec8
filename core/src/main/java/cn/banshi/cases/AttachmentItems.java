package cn.banshi.cases;

import cn.banshi.attachments.Attachment;
import cn.banshi.attachments.FilePurpose;
import cn.banshi.attachments.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A case's attachments as a DynamoDB list of maps, in the case item. */
final class AttachmentItems {
    private AttachmentItems() {}

    static AttributeValue toAttribute(List<Attachment> attachments) {
        List<AttributeValue> list = new ArrayList<>();
        for (Attachment a : attachments) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("id", AttributeValue.fromS(a.uploadId()));
            m.put("purpose", AttributeValue.fromS(a.purpose().name()));
            m.put("type", AttributeValue.fromS(a.contentType()));
            m.put("bytes", AttributeValue.fromN(Long.toString(a.bytes())));
            m.put("key", AttributeValue.fromS(a.objectKey()));
            if (a.thumbnailKey() != null) m.put("thumb", AttributeValue.fromS(a.thumbnailKey()));
            m.put("visibility", AttributeValue.fromS(a.visibility().code()));
            m.put("by", AttributeValue.fromS(a.addedBy()));
            m.put("at", AttributeValue.fromS(a.addedAt().toString()));
            list.add(AttributeValue.fromM(m));
        }
        return AttributeValue.fromL(list);
    }

    static List<Attachment> fromAttribute(AttributeValue value) {
        if (value == null || !value.hasL()) return List.of();
        List<Attachment> out = new ArrayList<>();
        for (AttributeValue v : value.l()) {
            Map<String, AttributeValue> m = v.m();
            out.add(new Attachment(
                    m.get("id").s(),
                    FilePurpose.valueOf(m.get("purpose").s()),
                    m.get("type").s(),
                    Long.parseLong(m.get("bytes").n()),
                    m.get("key").s(),
                    m.containsKey("thumb") ? m.get("thumb").s() : null,
                    Visibility.fromCode(m.get("visibility").s()),
                    m.get("by").s(),
                    Instant.parse(m.get("at").s())));
        }
        return out;
    }
}
