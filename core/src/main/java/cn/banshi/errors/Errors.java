package cn.banshi.errors;

import cn.banshi.calendar.CalendarProblem;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Set;

/**
 * Factory for the stable error codes, the only place an {@link ApiException} is made. Codes are part of the API
 * contract: never rename one; a new one goes into the {@code Error} schema's enum in infra/openapi.yaml too.
 */
public final class Errors {
    private Errors() {}

    public static ApiException required(String field) {
        return new ApiException(400, "REQUIRED", "缺少必填项", "This field is required", field);
    }

    public static ApiException wrongType(String field, String expectedZh, String expectedEn) {
        return new ApiException(400, "WRONG_TYPE", "类型错误，应为" + expectedZh, "Wrong type, expected " + expectedEn, field);
    }

    public static ApiException tooLong(String field, int max) {
        return new ApiException(
                400, "TOO_LONG", "内容过长，最多 " + max + " 个字符", "Too long, at most " + max + " characters", field);
    }

    public static ApiException tooShort(String field, int min) {
        return new ApiException(
                400, "TOO_SHORT", "内容过短，至少 " + min + " 个字符", "Too short, at least " + min + " characters", field);
    }

    public static ApiException blank(String field) {
        return new ApiException(400, "REQUIRED", "不能为空", "Must not be blank", field);
    }

    public static ApiException unknownField(String field) {
        return new ApiException(400, "UNKNOWN_FIELD", "不支持的字段", "Unknown field", field);
    }

    public static ApiException notAllowed(String field, String zh, String en) {
        return new ApiException(400, "NOT_ALLOWED", zh, en, field);
    }

    public static ApiException invalidValue(String field, String allowed) {
        return new ApiException(
                400, "INVALID_VALUE", "取值无效，可选值：" + allowed, "Invalid value, allowed: " + allowed, field);
    }

    public static ApiException outOfRange(String field, String rangeZh, String rangeEn) {
        return new ApiException(400, "OUT_OF_RANGE", "超出范围：" + rangeZh, "Out of range: " + rangeEn, field);
    }

    public static ApiException invalidFormat(String field, String zh, String en) {
        return new ApiException(400, "INVALID_FORMAT", zh, en, field);
    }

    public static ApiException invalidPhone(String field) {
        return new ApiException(
                400,
                "INVALID_PHONE",
                "电话号码格式不正确（手机号或带区号的固定电话）",
                "Not a valid mainland mobile or landline number",
                field);
    }

    public static ApiException invalidIdNumber(String field) {
        return new ApiException(
                400,
                "INVALID_ID_NUMBER",
                "身份证号码不正确（18 位，校验码不符或出生日期无效）",
                "Not a valid resident ID number (GB 11643 check digit or birth date)",
                field);
    }

    public static ApiException invalidCreditCode(String field) {
        return new ApiException(
                400,
                "INVALID_CREDIT_CODE",
                "统一社会信用代码不正确（18 位，校验码不符）",
                "Not a valid unified social credit code (GB 32100 check character)",
                field);
    }

    public static ApiException invalidEmail(String field) {
        return new ApiException(400, "INVALID_EMAIL", "电子邮箱格式不正确", "Not a valid e-mail address", field);
    }

    public static ApiException unknownTown(String town) {
        return new ApiException(404, "UNKNOWN_TOWN", "未找到该乡镇", "Unknown town", "town");
    }

    public static ApiException unknownCategory(String field) {
        return new ApiException(400, "UNKNOWN_CATEGORY", "该事项类型下没有这个分类", "Unknown category for this case type", field);
    }

    public static ApiException unknownVillage(String field) {
        return new ApiException(400, "UNKNOWN_VILLAGE", "未找到该村（社区）", "Unknown village or community", field);
    }

    public static ApiException invalidJson(String detailEn) {
        return new ApiException(
                400, "INVALID_JSON", "请求内容不是有效的 JSON", "Request body is not valid JSON: " + detailEn, "body");
    }

    public static ApiException invalidEncoding() {
        return new ApiException(400, "INVALID_ENCODING", "请求内容必须是 UTF-8 编码", "Request body must be UTF-8", "body");
    }

    public static ApiException bodyTooLarge(int maxBytes) {
        return new ApiException(
                413,
                "BODY_TOO_LARGE",
                "请求内容过大，最多 " + (maxBytes / 1024) + " KiB",
                "Request body too large, at most " + (maxBytes / 1024) + " KiB",
                "body");
    }

    public static ApiException unsupportedMediaType() {
        return new ApiException(
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "请使用 Content-Type: application/json",
                "Use Content-Type: application/json",
                "content-type");
    }

    public static ApiException invalidHeader(String header, String zh, String en) {
        return new ApiException(400, "INVALID_HEADER", zh, en, header);
    }

    public static ApiException idempotencyKeyReused() {
        return new ApiException(
                409,
                "IDEMPOTENCY_KEY_REUSED",
                "该 Idempotency-Key 已用于另一份不同的提交",
                "This Idempotency-Key was already used with a different request body",
                "idempotency-key");
    }

    public static ApiException idempotencyInProgress() {
        return new ApiException(
                409,
                "IDEMPOTENCY_IN_PROGRESS",
                "相同的提交正在处理中，请稍后重试",
                "The same request is still being processed; retry shortly",
                "idempotency-key",
                1);
    }

    public static ApiException notFound(String field) {
        return new ApiException(404, "NOT_FOUND", "未找到", "Not found", field);
    }

    public static ApiException trackingNotFound() {
        return new ApiException(
                404, "NOT_FOUND", "查询编号或查询码不正确", "Unknown tracking number or wrong access code", "trackingNo");
    }

    public static ApiException tooManyAttempts(int retryAfterSeconds) {
        return new ApiException(
                429,
                "TOO_MANY_ATTEMPTS",
                "尝试次数过多，请 " + Math.max(1, retryAfterSeconds / 60) + " 分钟后再试",
                "Too many wrong attempts; try again later",
                "X-Access-Code",
                retryAfterSeconds);
    }

    /** One client sent more requests to a citizen route than its per-client limit (docs/abuse.md). */
    public static ApiException rateLimited(int retryAfterSeconds) {
        return new ApiException(
                429,
                "RATE_LIMITED",
                "操作过于频繁，请 " + Math.max(1, retryAfterSeconds) + " 秒后再试（本次提交未被保存）",
                "Too many requests from this client; nothing was saved, retry later",
                null,
                retryAfterSeconds);
    }

    /** Verification codes asked too often for a number or from a client (1 a minute, 5 a day; docs/abuse.md). */
    public static ApiException codeRateLimited(int retryAfterSeconds) {
        String wait = retryAfterSeconds < 120 ? retryAfterSeconds + " 秒" : (retryAfterSeconds + 59) / 60 + " 分钟";
        return new ApiException(
                429,
                "RATE_LIMITED",
                "获取验证码过于频繁，请 " + wait + "后再试",
                "Verification codes requested too often; retry later",
                "phone",
                retryAfterSeconds);
    }

    /** A verification code was asked for a number that cannot receive SMS (a landline). */
    public static ApiException notMobile(String field) {
        return new ApiException(
                400, "NOT_MOBILE", "请填写手机号码，验证码通过短信发送", "A mobile number is needed: the code is sent by SMS", field);
    }

    /** The town requires a phone verification code for this type and the submission has none (docs/abuse.md). */
    public static ApiException verificationRequired(String field) {
        return new ApiException(
                400,
                "VERIFICATION_REQUIRED",
                "请先获取短信验证码并填写（需要手机号码）",
                "This type needs the verification code sent by SMS to the submitter's mobile number",
                field);
    }

    /** The verification code does not match; the attempt was counted. */
    public static ApiException verificationFailed(String field) {
        return new ApiException(
                400,
                "VERIFICATION_FAILED",
                "验证码不正确，请核对短信后重新输入（本次提交未被保存）",
                "Wrong verification code; nothing was saved",
                field);
    }

    /** No live code for this number: expired, used, out of attempts, or never sent. */
    public static ApiException verificationExpired(String field) {
        return new ApiException(
                400,
                "VERIFICATION_EXPIRED",
                "验证码已失效（超过 5 分钟、已使用或错误次数过多），请重新获取",
                "The verification code has expired, was used or had too many wrong attempts; request a new one",
                field);
    }

    /** The submitting phone or client was blocked after a case of theirs was marked as spam. */
    public static ApiException submitterBlocked() {
        return new ApiException(
                403,
                "SUBMITTER_BLOCKED",
                "暂时无法在网上提交，请致电或前往镇政府办理",
                "Submissions from this phone or client are blocked for a while; contact the town government",
                null);
    }

    /** A request to the API endpoint itself, not through the site's address (CloudFront and its WAF). */
    public static ApiException directAccessRefused() {
        return new ApiException(
                403, "FORBIDDEN", "请通过本系统网站地址访问", "Use the site's address; the API endpoint is not public", null);
    }

    public static ApiException unauthorized() {
        return new ApiException(
                401, "UNAUTHORIZED", "未登录或登录已失效，请重新登录", "Missing, invalid or expired token", "authorization");
    }

    public static ApiException forbidden(String zh, String en) {
        return new ApiException(403, "FORBIDDEN", zh, en, "role");
    }

    public static ApiException routeNotFound() {
        return new ApiException(404, "ROUTE_NOT_FOUND", "接口不存在", "No such route", "path");
    }

    public static ApiException methodNotAllowed() {
        return new ApiException(405, "METHOD_NOT_ALLOWED", "不支持该请求方法", "Method not allowed", "method");
    }

    public static ApiException unavailable(int retryAfterSeconds) {
        return new ApiException(
                503,
                "SERVICE_UNAVAILABLE",
                "系统繁忙，请稍后重试（您的提交未被保存）",
                "Service busy; nothing was saved, retry later",
                null,
                retryAfterSeconds);
    }

    public static ApiException invalidCursor() {
        return new ApiException(
                400, "INVALID_CURSOR", "分页游标无效，请从第一页重新查询", "Invalid cursor; start again from the first page", "cursor");
    }

    public static ApiException versionConflict(long current) {
        return new ApiException(
                409,
                "VERSION_CONFLICT",
                "此案件已被他人修改，请刷新后重试（当前版本 " + current + "）",
                "Someone else changed this case; reload it (current version " + current + ")",
                "expectedVersion");
    }

    /** A case has as many open personal-data requests as it may have (issue 18; docs/personal-data.md). */
    public static ApiException tooManyOpenRequests(int max) {
        return new ApiException(
                409,
                "TOO_MANY_OPEN_REQUESTS",
                "本案已有 " + max + " 件个人信息请求正在办理，请等待答复后再提出",
                "This case already has " + max + " open personal-data requests; wait for their answers",
                "kind");
    }

    /** A personal-data request was answered already (by someone else, or earlier). */
    public static ApiException requestAnswered() {
        return new ApiException(
                409, "REQUEST_ANSWERED", "该请求已答复", "This request has already been answered", "requestId");
    }

    /** A deletion granted on a case whose personal data may not go yet: it is open or held. */
    public static ApiException erasureNotAllowed(String reasonZh, String reasonEn) {
        return new ApiException(409, "ERASURE_NOT_ALLOWED", reasonZh, reasonEn, "outcome");
    }

    /** Marking a text as personal on a case whose personal data was erased: nothing personal may be kept any more. */
    public static ApiException personalDataErased() {
        return new ApiException(
                409,
                "PERSONAL_DATA_ERASED",
                "本案的个人信息已删除，不能再标记个人信息",
                "This case's personal data has been erased; nothing can be marked as personal any more",
                "trackingNo");
    }

    /** A text marked as personal that is the text the case already shows: nothing was replaced. */
    public static ApiException textUnchanged(String field) {
        return new ApiException(
                422,
                "TEXT_UNCHANGED",
                "内容与原文相同：请将其中的个人信息替换（如改为“＊＊＊”）后再提交",
                "The text is the one the case already shows: replace its personal parts (e.g. with \"＊＊＊\") first",
                field);
    }

    /** 422 with the actions the current state does allow ({@code error.allowedActions}). */
    public static ApiException actionNotAllowed(String action, List<String> allowed) {
        List<String> actions = List.copyOf(allowed);
        return new ApiException(
                422,
                "ACTION_NOT_ALLOWED",
                "当前状态下不能执行该操作，可执行：" + (actions.isEmpty() ? "无" : String.join("、", actions)),
                "Action '" + action + "' is not allowed in the current state; allowed: " + actions,
                "action",
                null,
                error -> {
                    ArrayNode array = error.putArray("allowedActions");
                    actions.forEach(array::add);
                });
    }

    /** A case that cannot be followed (finished, or followed by too many already; issue 19). */
    public static ApiException notFollowable(boolean finished) {
        return new ApiException(
                422,
                "NOT_FOLLOWABLE",
                finished ? "该事项已办结，不能关注，如有新情况请另行提交" : "关注该事项的人数已达上限，请另行提交",
                finished
                        ? "This case is finished and cannot be followed; file a new one"
                        : "This case has as many followers as it can take; file a new one",
                "trackingNo");
    }

    public static ApiException deadlinePassed() {
        return new ApiException(
                422,
                "DEADLINE_PASSED",
                "答复期限已过，不能再暂停计时",
                "The reply period has already run out; the clock cannot be paused",
                "action");
    }

    public static ApiException ratingNotAllowed(boolean alreadyRated) {
        return new ApiException(
                422,
                "RATING_NOT_ALLOWED",
                alreadyRated ? "您已评价过该事项" : "事项办结后才能评价",
                alreadyRated ? "This case has already been rated" : "A case can be rated once it is resolved",
                "score");
    }

    /** 400 naming the first problem, with every problem listed ({@code error.problems}). */
    public static ApiException invalidCalendar(List<CalendarProblem> problems) {
        List<CalendarProblem> all = List.copyOf(problems);
        CalendarProblem first = all.get(0);
        return new ApiException(
                400, "INVALID_CALENDAR", first.messageZh(), first.messageEn(), first.field(), null, error -> {
                    ArrayNode list = error.putArray("problems");
                    for (CalendarProblem p : all) {
                        list.addObject()
                                .put("field", p.field())
                                .put("message", p.messageZh())
                                .put("messageEn", p.messageEn());
                    }
                });
    }

    /** 409 while a run of the report is queued or running, naming it ({@code error.runId}, {@code error.status}) when known. */
    public static ApiException reportRunning(String runId, String status) {
        return new ApiException(
                409, "REPORT_RUNNING", "该报告正在生成中，请稍后再试", "This report is already being generated", "job", 60, error -> {
                    if (runId == null) return;
                    error.put("runId", runId);
                    error.put("status", status);
                });
    }

    /** 409: the draft changed since the version the client holds ({@code error.currentVersion}). */
    public static ApiException draftChanged(long current) {
        return new ApiException(
                409,
                "DRAFT_CHANGED",
                "该报告稿已被他人修改，请刷新后重试（当前版本 " + current + "）",
                "Someone else changed this draft; reload it (current version " + current + ")",
                "version",
                null,
                error -> error.put("currentVersion", current));
    }

    public static ApiException blockNotEditable(String id) {
        return new ApiException(
                422,
                "BLOCK_NOT_EDITABLE",
                "该段落不能这样修改（表格、图表和落款只能移动或删除；落款不能删除）",
                "This block cannot be changed that way (tables and charts can be moved or removed; the signature stays)",
                "id");
    }

    public static ApiException draftTooLarge(int maxEdits) {
        return new ApiException(
                422,
                "DRAFT_TOO_LARGE",
                "修改的段落过多（最多 " + maxEdits + " 处）",
                "Too many edited paragraphs (at most " + maxEdits + ")",
                "id");
    }

    /** 409: approval refused while paragraphs are flagged (their figures changed since edited, or gone). */
    public static ApiException draftFlagged(int flagged) {
        return new ApiException(
                409,
                "DRAFT_FLAGGED",
                "有 " + flagged + " 个段落的数据已变化，请先核对修改后再审核",
                flagged + " edited paragraph(s) have changed figures; review them before approving",
                "version");
    }

    /** 409: publishing needs the approval of the draft as it is now. */
    public static ApiException draftNotApproved() {
        return new ApiException(
                409,
                "DRAFT_NOT_APPROVED",
                "报告稿审核后又有修改或重新生成，请重新审核后再发布",
                "The draft is not approved as it is now (changed or regenerated since); approve it first",
                "version");
    }

    public static ApiException signingDateRequired(String deadlineZh, String deadlineEn) {
        return new ApiException(
                400,
                "SIGNING_DATE_REQUIRED",
                "今天不在法定发布期限内（" + deadlineZh + "），请填写落款日期",
                "Today is outside the statutory window (" + deadlineEn + "); enter the signing date",
                "signingDate");
    }

    public static ApiException weakPassword(String field, String zh, String en) {
        return new ApiException(400, "WEAK_PASSWORD", zh, en, field);
    }

    /**
     * The one answer to a failed sign-in, whatever the reason (unknown username, wrong password or code, disabled or
     * locked account): nothing tells whether an account exists (GB/T 22239; docs/staff-accounts.md).
     */
    public static ApiException signInFailed() {
        return new ApiException(
                401,
                "SIGN_IN_FAILED",
                "用户名、密码或验证码不正确，或账号已停用、已暂时锁定（连续失败 5 次锁定 15 分钟）",
                "Wrong username, password or code, or the account is disabled or temporarily locked",
                "password");
    }

    /** The sign-in step (password change, code) came too late or was already used: start again. */
    public static ApiException signInExpired() {
        return new ApiException(
                401, "SIGN_IN_EXPIRED", "登录步骤已超时，请重新输入用户名和密码", "This sign-in step expired; sign in again", "challenge");
    }

    public static ApiException usernameTaken() {
        return new ApiException(409, "USERNAME_TAKEN", "该用户名已被使用", "This username is taken", "username");
    }

    public static ApiException staffChanged() {
        return new ApiException(
                409,
                "VERSION_CONFLICT",
                "该账号已被他人修改，请刷新后重试",
                "Someone else changed this account; reload it",
                "username");
    }

    public static ApiException lastAdmin() {
        return new ApiException(
                409,
                "LAST_ADMIN",
                "不能停用或降级本镇最后一名镇管理员",
                "The town's last enabled town admin cannot be disabled or given another role",
                "role");
    }

    // attachments (docs/attachments.md): upload slots, and per-file problems at attach time

    public static ApiException uploadTypeNotAllowed(String field) {
        return new ApiException(
                400,
                "UPLOAD_TYPE_NOT_ALLOWED",
                "仅支持 JPEG、PNG、WebP、HEIC 照片或 PDF 文件",
                "Only JPEG, PNG, WebP or HEIC photos and PDF files are accepted",
                field);
    }

    public static ApiException uploadTooLarge(long maxBytes) {
        return new ApiException(
                400,
                "UPLOAD_TOO_LARGE",
                "文件过大：照片最大 10 MB，PDF 最大 20 MB",
                "File too large: at most " + maxBytes + " bytes (photos 10 MB, PDFs 20 MB)",
                "size");
    }

    public static ApiException uploadsDisabled() {
        return new ApiException(503, "UPLOADS_DISABLED", "暂不支持上传附件", "Attachments are not available here", null, 3600);
    }

    /** A referenced upload id that does not exist, expired, or was made for another form or town. */
    public static ApiException uploadNotFound(String field) {
        return new ApiException(404, "UPLOAD_NOT_FOUND", "附件不存在或已过期，请重新上传", "Unknown or expired upload", field);
    }

    /** Uploaded but not checked yet (or not uploaded at all): ask again shortly. */
    public static ApiException uploadNotReady(String field) {
        return new ApiException(
                409, "UPLOAD_NOT_READY", "附件尚未上传完成或正在检查，请稍候", "The file is not uploaded or checked yet", field, 2);
    }

    public static ApiException uploadUsedElsewhere(String field) {
        return new ApiException(
                409, "UPLOAD_USED_ELSEWHERE", "该附件已用于其他事项", "This upload belongs to another case", field);
    }

    /** A file of a purpose this submission or action does not take (an ID proof on a complaint). */
    public static ApiException uploadNotAllowedHere(String field) {
        return new ApiException(
                400,
                "UPLOAD_NOT_ALLOWED_HERE",
                "此类附件不能用于本事项（投诉只收照片或 PDF，依申请公开可附身份证明和 PDF）",
                "This kind of file cannot be attached here",
                field);
    }

    /** The processing refused the file; {@code reason} is the file checks' code (docs/attachments.md). */
    public static ApiException uploadRefused(String reason, String field) {
        return new ApiException(
                422,
                "UPLOAD_REFUSED",
                "文件未通过安全检查，请换一个文件",
                "The file did not pass the checks",
                field,
                null,
                error -> error.put("reason", reason));
    }

    /** The stored object's size differs from the slot's (a server that did not enforce the policy): refused. */
    public static ApiException uploadSizeMismatch() {
        return new ApiException(
                400, "UPLOAD_SIZE_MISMATCH", "上传的文件大小与申请时不符", "The stored file's size is not the declared one", "size");
    }

    public static ApiException tooManyAttachments(int max) {
        return new ApiException(
                400,
                "TOO_MANY_ATTACHMENTS",
                "附件过多，每件事项最多 " + max + " 个",
                "Too many files, at most " + max + " per case",
                "attachments");
    }

    /**
     * Some referenced files cannot be attached: nothing was stored; {@code files} lists each file's own problem
     * ({@code uploadId}, {@code code}, messages). The same submission without those files goes through.
     */
    public static ApiException attachmentsNotAccepted(List<ApiException> problems) {
        return new ApiException(
                422,
                "ATTACHMENTS_NOT_ACCEPTED",
                "部分附件无法使用，请删除或重新上传后再提交",
                "Some files cannot be attached; remove or upload them again",
                "attachments",
                null,
                error -> {
                    ArrayNode files = error.putArray("files");
                    for (ApiException p : problems) {
                        var f = files.addObject();
                        f.put("uploadId", p.field());
                        f.put("code", p.code());
                        f.put("message", p.messageZh());
                        f.put("messageEn", p.messageEn());
                        p.describe(f);
                    }
                });
    }

    // Attachments refused by their checks (cn.banshi.attachments.FileChecks' Checked.Refused carries one of these).
    public static final String FILE_TYPE_NOT_ALLOWED = "FILE_TYPE_NOT_ALLOWED";
    public static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    public static final String IMAGE_TOO_LARGE = "IMAGE_TOO_LARGE";
    public static final String FILE_DAMAGED = "FILE_DAMAGED";
    public static final String FILE_HIDDEN_CONTENT = "FILE_HIDDEN_CONTENT";
    public static final String PDF_ACTIVE_CONTENT = "PDF_ACTIVE_CONTENT";
    public static final String PDF_EMBEDDED_FILE = "PDF_EMBEDDED_FILE";
    public static final String PDF_ENCRYPTED = "PDF_ENCRYPTED";
    public static final String HEIC_NOT_SUPPORTED = "HEIC_NOT_SUPPORTED";

    /** The codes of {@link #fileRefused}. */
    public static final Set<String> FILE_REFUSALS = Set.of(
            FILE_TYPE_NOT_ALLOWED,
            FILE_TOO_LARGE,
            IMAGE_TOO_LARGE,
            FILE_DAMAGED,
            FILE_HIDDEN_CONTENT,
            PDF_ACTIVE_CONTENT,
            PDF_EMBEDDED_FILE,
            PDF_ENCRYPTED,
            HEIC_NOT_SUPPORTED);

    /** The error of a refused attachment: one of {@link #FILE_REFUSALS}, for the file's field. */
    public static ApiException fileRefused(String code, String field) {
        return switch (code) {
            case FILE_TYPE_NOT_ALLOWED ->
                new ApiException(
                        400,
                        "FILE_TYPE_NOT_ALLOWED",
                        "不支持该文件类型，请上传 JPEG、PNG、WebP 照片或 PDF 文件",
                        "This kind of file is not accepted: send a JPEG, PNG or WebP photo or a PDF",
                        field);
            case FILE_TOO_LARGE ->
                new ApiException(
                        400,
                        "FILE_TOO_LARGE",
                        "文件过大：照片最大 10 MB，PDF 最大 20 MB",
                        "File too large: photos up to 10 MB, PDFs up to 20 MB",
                        field);
            case IMAGE_TOO_LARGE ->
                new ApiException(
                        400,
                        "IMAGE_TOO_LARGE",
                        "图片像素过多（最多 5000 万像素），请缩小后再上传",
                        "Image too large (at most 50 megapixels): scale it down and send it again",
                        field);
            case FILE_DAMAGED ->
                new ApiException(
                        400,
                        "FILE_DAMAGED",
                        "文件已损坏或无法读取，请重新导出后上传",
                        "The file is damaged or cannot be read: export it again and send it",
                        field);
            case FILE_HIDDEN_CONTENT ->
                new ApiException(
                        400,
                        "FILE_HIDDEN_CONTENT",
                        "文件中夹带了其他类型的内容，不能接收",
                        "The file carries content of another kind hidden in it and cannot be accepted",
                        field);
            case PDF_ACTIVE_CONTENT ->
                new ApiException(
                        400,
                        "PDF_ACTIVE_CONTENT",
                        "PDF 含有脚本、启动程序或动态表单，不能接收，请另存为普通 PDF",
                        "The PDF carries scripts, launch actions or a dynamic (XFA) form: save it as a plain PDF",
                        field);
            case PDF_EMBEDDED_FILE ->
                new ApiException(
                        400,
                        "PDF_EMBEDDED_FILE",
                        "PDF 内嵌了其他文件，不能接收，请去掉附件后上传",
                        "The PDF has files embedded in it: remove them and send it again",
                        field);
            case PDF_ENCRYPTED ->
                new ApiException(
                        400,
                        "PDF_ENCRYPTED",
                        "PDF 设有打开密码，请去掉密码后上传",
                        "The PDF needs a password to open: remove the password and send it again",
                        field);
            case HEIC_NOT_SUPPORTED ->
                new ApiException(
                        400,
                        "HEIC_NOT_SUPPORTED",
                        "暂不支持 HEIC 照片，请在手机相机设置中选择“兼容性最佳”，或转换为 JPEG 后上传",
                        "HEIC photos are not supported yet: choose \"Most Compatible\" in the camera settings or convert to JPEG",
                        field);
            default -> throw new IllegalArgumentException("not a file refusal: " + code);
        };
    }

    /** merge-as-duplicate: the original is of another type (docs/duplicates.md). */
    public static ApiException mergeTypeMismatch(String field) {
        return new ApiException(
                422,
                "MERGE_TYPE_MISMATCH",
                "只能合并至同一类型的事项",
                "A case can only be merged into a case of the same type",
                field);
    }

    /** merge-as-duplicate: the original belongs to another town. */
    public static ApiException mergeTownMismatch(String field) {
        return new ApiException(
                422,
                "MERGE_TOWN_MISMATCH",
                "只能合并至本镇的事项",
                "A case can only be merged into a case of the same town",
                field);
    }

    /** merge-as-duplicate: the original is finished, is this case, or is itself a merged duplicate. */
    public static ApiException mergeTargetNotOpen(String field, String zh, String en) {
        return new ApiException(422, "MERGE_TARGET_NOT_OPEN", zh, en, field);
    }

    /** merge-as-duplicate on a case that other cases were merged into. */
    public static ApiException mergeHasDuplicates() {
        return new ApiException(
                422,
                "MERGE_HAS_DUPLICATES",
                "已有重复事项合并至本件，不能再将本件合并；请先撤销这些合并",
                "Other cases were merged into this one; unmerge them first",
                "action");
    }

    /** unmerge after its window. */
    public static ApiException unmergeWindowPassed(int days) {
        return new ApiException(
                422,
                "UNMERGE_WINDOW_PASSED",
                "合并已超过 " + days + " 日，不能撤销",
                "A merge can only be undone within " + days + " days",
                "action");
    }

    /** The earlier case a repeat petition or a repeated information request refers to does not qualify. */
    public static ApiException earlierCaseInvalid(String field, String zh, String en) {
        return new ApiException(422, "EARLIER_CASE_INVALID", zh, en, field);
    }

    public static ApiException internal() {
        return new ApiException(500, "INTERNAL", "系统内部错误，请稍后重试", "Internal error", null);
    }
}
