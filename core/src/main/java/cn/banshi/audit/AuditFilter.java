package cn.banshi.audit;

import cn.banshi.errors.Errors;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the audit log page asks for: a date range (Beijing dates, on the sort key), and optionally an event (a
 * prefix: {@code action:} is every action, {@code action:accept} one), a staff member ({@code sub}) and a case.
 */
public record AuditFilter(LocalDate from, LocalDate to, String event, String sub, String trackingNo) {
    private static final Pattern EVENT = Pattern.compile("[a-z0-9:-]{1,64}");
    private static final Pattern SUB = Pattern.compile("[\\p{L}\\p{N}@._+-]{1,128}");
    private static final Pattern TRACKING_NO = Pattern.compile("[0-9A-Z-]{4,32}");

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        if (from != null && to != null && to.isBefore(from)) {
            throw Errors.outOfRange("to", "不能早于 from", "must not be before from");
        }
        if (event != null && !EVENT.matcher(event).matches()) {
            throw Errors.invalidFormat("event", "事件代码格式不正确", "an event code such as action:accept");
        }
        if (sub != null && !SUB.matcher(sub).matches()) {
            throw Errors.invalidFormat("sub", "工作人员账号格式不正确", "a staff account name");
        }
        if (trackingNo != null) trackingNo = trackingNo.toUpperCase(Locale.ROOT);
        if (trackingNo != null && !TRACKING_NO.matcher(trackingNo).matches()) {
            throw Errors.invalidFormat("trackingNo", "查询编号格式不正确", "a tracking number");
        }
    }

    boolean filters() {
        return event != null || sub != null || trackingNo != null;
    }
}
