package cn.banshi.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How and when a case was finished (resolved, answered, rejected, withdrawn). {@code on} is the Beijing date
 * that counts for deadlines and yearly figures (for information requests: the reply's date); {@code onTime}
 * compares it with the due date in force then. {@code outcome}: for information requests an outcome code of
 * ogi.md ({@code disclosed}, {@code withheld:state-secret}, …; a withdrawal counts as {@code other:other}),
 * for disputes {@code agreement-reached} or {@code no-agreement}, otherwise {@code resolved} or {@code rejected}.
 * {@code agreementFulfilled} is recorded later for disputes (null until then).
 */
public record Resolution(Instant at, LocalDate on, boolean onTime, String outcome, Boolean agreementFulfilled) {}
