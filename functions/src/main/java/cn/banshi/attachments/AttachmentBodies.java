package cn.banshi.attachments;

import cn.banshi.errors.Errors;
import cn.banshi.validation.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON of attachments at the API's edge: upload slot requests, a submission's {@code attachments: [uploadId…]}
 * and a staff action's {@code attachments: [{uploadId, visibility}]} (taken out of the body before the form or the
 * workflow parses the rest), and the form's draft id header.
 */
public final class AttachmentBodies {
    public static final String FIELD = "attachments";
    /** The citizen form's draft: a random id the page makes once per form and sends with its uploads. */
    public static final String DRAFT_HEADER = "x-upload-draft";

    private static final Pattern DRAFT = Pattern.compile("[A-Za-z0-9-]{16,64}");
    private static final Map<String, FilePurpose> CITIZEN_PURPOSES =
            Map.of("photo-or-pdf", FilePurpose.PHOTO_OR_PDF, "id-proof", FilePurpose.ID_PROOF);
    private static final Set<String> TYPES =
            Set.of("image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf");

    private AttachmentBodies() {}

    /** The draft id header, checked; null when absent. */
    public static String draftId(String header) {
        if (header == null || header.isBlank()) return null;
        if (!DRAFT.matcher(header).matches())
            throw Errors.invalidFormat(DRAFT_HEADER, "草稿编号格式不正确", "Malformed draft id");
        return header;
    }

    public static SlotRequest citizenSlot(JsonNode body) {
        Fields f = Fields.root(body).allowOnly("purpose", "contentType", "size");
        String purpose = f.requiredCode("purpose", CITIZEN_PURPOSES.keySet());
        return new SlotRequest(
                CITIZEN_PURPOSES.get(purpose), contentType(f), f.requiredInt("size", 1, Integer.MAX_VALUE));
    }

    public static SlotRequest staffSlot(JsonNode body) {
        Fields f = Fields.root(body).allowOnly("contentType", "size");
        return new SlotRequest(FilePurpose.STAFF_DOCUMENT, contentType(f), f.requiredInt("size", 1, Integer.MAX_VALUE));
    }

    private static String contentType(Fields f) {
        String type = f.requiredString("contentType", 3, 100);
        if (!TYPES.contains(type)) throw Errors.uploadTypeNotAllowed("contentType");
        return type;
    }

    /** Removes and returns a submission's upload ids (empty when none). */
    public static List<String> stripUploadIds(JsonNode body) {
        JsonNode v = remove(body);
        if (v == null) return List.of();
        if (v.size() > UploadLimits.MAX_PER_CASE) throw Errors.tooManyAttachments(UploadLimits.MAX_PER_CASE);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode id = v.get(i);
            String path = FIELD + "[" + i + "]";
            if (!id.isTextual()) throw Errors.wrongType(path, "字符串", "string");
            if (!UploadKeys.isUploadId(id.asText()))
                throw Errors.invalidFormat(path, "附件编号格式不正确", "Malformed upload id");
            ids.add(id.asText());
        }
        return ids;
    }

    /** Removes and returns a staff action's attachment references (empty when none). */
    public static List<AttachmentRef> stripRefs(JsonNode body) {
        JsonNode v = remove(body);
        if (v == null) return List.of();
        if (v.size() > UploadLimits.MAX_PER_CASE) throw Errors.tooManyAttachments(UploadLimits.MAX_PER_CASE);
        ObjectNode holder = ((ObjectNode) body).objectNode();
        holder.set(FIELD, v);
        List<AttachmentRef> refs = new ArrayList<>();
        for (Fields f : Fields.root(holder).objectArray(FIELD, 0, UploadLimits.MAX_PER_CASE)) {
            f.allowOnly("uploadId", "visibility");
            String id = f.requiredString("uploadId", 32, 32);
            if (!UploadKeys.isUploadId(id))
                throw Errors.invalidFormat(f.path("uploadId"), "附件编号格式不正确", "Malformed upload id");
            String visibility = f.requiredCode("visibility", Set.of("internal", "public"));
            refs.add(new AttachmentRef(id, Visibility.fromCode(visibility)));
        }
        return refs;
    }

    private static JsonNode remove(JsonNode body) {
        if (!(body instanceof ObjectNode object)) return null;
        JsonNode v = object.remove(FIELD);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) throw Errors.wrongType(FIELD, "数组", "an array");
        return v;
    }
}
