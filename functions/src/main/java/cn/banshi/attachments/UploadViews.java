package cn.banshi.attachments;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** JSON of upload slots, upload states, attachments and download links. */
public final class UploadViews {
    private UploadViews() {}

    public static ObjectNode slot(Slot slot) {
        ObjectNode o = status(slot.upload());
        o.put("url", slot.post().url());
        ObjectNode fields = o.putObject("fields");
        slot.post().fields().forEach(fields::put);
        o.put("expiresAt", slot.expiresAt().toString());
        o.put("maxBytes", slot.maxBytes());
        return o;
    }

    public static ObjectNode status(UploadRecord u) {
        ObjectNode o = Json.object();
        o.put("uploadId", u.uploadId());
        o.put("purpose", purpose(u.purpose()));
        o.put("state", u.state().code());
        if (u.refusal() != null) o.put("code", u.refusal());
        if (u.processedContentType() != null) o.put("contentType", u.processedContentType());
        return o;
    }

    public static ObjectNode download(Download d) {
        ObjectNode o = Json.object();
        o.put("url", d.url());
        o.put("contentType", d.contentType());
        o.put("expiresAt", d.expiresAt().toString());
        return o;
    }

    /** The attachments as a list (no links: each is fetched through its download route). */
    public static ArrayNode list(List<Attachment> attachments, boolean staff) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (Attachment a : attachments) {
            ObjectNode o = array.addObject();
            o.put("uploadId", a.uploadId());
            o.put("purpose", purpose(a.purpose()));
            o.put("contentType", a.contentType());
            o.put("bytes", a.bytes());
            o.put("image", a.isImage());
            o.put("thumbnail", a.thumbnailKey() != null);
            o.put("addedAt", ChinaTime.timestamp(a.addedAt()));
            if (staff) {
                o.put("visibility", a.visibility().code());
                o.put("addedBy", a.addedBy());
            }
        }
        return array;
    }

    static String purpose(FilePurpose p) {
        return switch (p) {
            case PHOTO_OR_PDF -> "photo-or-pdf";
            case ID_PROOF -> "id-proof";
            case STAFF_DOCUMENT -> "staff-document";
        };
    }
}
