package cn.banshi.abuse;

import cn.banshi.api.ApiHandler;
import cn.banshi.api.ApiRequest;
import cn.banshi.api.ApiResponse;
import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.api.SnapStartPriming;
import cn.banshi.catalog.Catalog;
import cn.banshi.catalog.Catalogs;
import cn.banshi.errors.Errors;
import cn.banshi.json.Json;
import cn.banshi.logging.Log;
import cn.banshi.notifications.MessageTemplates;
import cn.banshi.notifications.SendResult;
import cn.banshi.notifications.SmsMessage;
import cn.banshi.notifications.SmsSender;
import cn.banshi.validation.ChineseIds;
import cn.banshi.validation.Fields;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code POST /towns/{town}/verification-codes}: sends a phone verification code by SMS, directly through the
 * configured sender (there is no case yet, so no outbox; quiet hours do not apply to a code the person just asked
 * for). The answer is the same whatever happens to the SMS, and neither the number nor the code is logged.
 */
public final class VerificationCodesHandler extends ApiHandler {
    static final String KIND = "verification-code";
    private static final Log LOG = Log.get(VerificationCodesHandler.class);

    private final VerificationCodes codes;
    private final SmsSender sms;
    private final Catalogs catalogs;
    private final SecureRandom random;

    /** Lambda's: builds the code store and the SMS sender, and nothing else. */
    public VerificationCodesHandler() {
        this(ExecutionEnvironment.context());
        // the codes come from the context's SecureRandom: reseeded after a SnapStart restore
        SnapStartPriming.register(this, random);
    }

    public VerificationCodesHandler(AppContext app) {
        this.codes = app.verificationCodes();
        this.sms = app.sms();
        this.catalogs = app.catalogs();
        this.random = app.random();
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of("POST /api/v1/towns/{town}/verification-codes", this::send);
    }

    private ApiResponse send(ApiRequest request) {
        String town = request.pathParam("town");
        Catalog catalog = catalogs.town(town).orElseThrow(() -> Errors.unknownTown(town));
        Fields f = Fields.root(request.jsonBody()).allowOnly("phone");
        String phone = f.requiredPhone("phone");
        if (!ChineseIds.isMobile(phone)) throw Errors.notMobile("phone");
        String code = codes.issue(town, phone, sourceIp(request));
        String townName = catalog.town().name();
        String text = MessageTemplates.bundled().sms(KIND, townName, Map.of("code", code));
        SendResult result = sms.send(new SmsMessage(
                "verify#" + UUID.randomUUID(), phone, townName + "人民政府", KIND, Map.of("code", code), text));
        // the person sees no difference (nothing about the number is told); the log counts failures
        LOG.info(
                "verification code sent",
                "town",
                town,
                "result",
                result instanceof SendResult.Sent ? "sent" : "failed");
        return ApiResponse.json(
                202,
                Json.object()
                        .put("validSeconds", VerificationCodes.VALIDITY.toSeconds())
                        .put("resendAfterSeconds", VerificationCodes.GAP_SECONDS));
    }

    private static String sourceIp(ApiRequest request) {
        var context = request.event().getRequestContext();
        return context == null || context.getHttp() == null
                ? null
                : context.getHttp().getSourceIp();
    }
}
