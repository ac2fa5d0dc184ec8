package cn.banshi.intake;

import cn.banshi.api.ApiResponse;
import cn.banshi.calendar.ChinaTime;
import cn.banshi.cases.DueView;
import cn.banshi.idempotency.StoredResponse;
import cn.banshi.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The receipt of a filed case: 201 with the tracking number and access code, Location the tracking URL. */
public final class ReceiptViews {
    static final String TRACKING_PATH = "/api/v1/track/";

    private ReceiptViews() {}

    public static StoredResponse receipt(Filed filed) {
        ObjectNode body = Json.object();
        body.put("trackingNo", filed.trackingNo());
        body.put("accessCode", filed.accessCode());
        body.put("status", filed.status().code());
        body.put("statusName", filed.status().nameZh());
        body.put("type", filed.type().code());
        body.put("receivedAt", ChinaTime.timestamp(filed.receivedAt()));
        DueView.put(body, filed.due().date(), filed.due().provisionalYear());
        return new StoredResponse(201, Json.write(body), TRACKING_PATH + filed.trackingNo());
    }

    /** The stored (or replayed) receipt as the API answers it. */
    public static ApiResponse toResponse(StoredResponse stored) {
        ApiResponse response = ApiResponse.json(stored.status(), stored.body());
        if (stored.location() != null) response.withHeader("location", stored.location());
        return response;
    }

    /** The tracking number of a receipt, new or replayed (from its Location). */
    static String trackingNo(StoredResponse stored) {
        return stored.location().substring(TRACKING_PATH.length());
    }
}
