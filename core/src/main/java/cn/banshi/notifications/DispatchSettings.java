package cn.banshi.notifications;

import java.time.Duration;

/**
 * The dispatcher's settings: the public site (links in e-mails), the e-mail sender address, how long one attempt holds
 * a message, how many attempts a message gets before it is failed for good, and the daily cap per recipient.
 */
public record DispatchSettings(String siteUrl, String emailFrom, Duration lease, int maxAttempts, int perDay) {
    public static final String SITE_URL_ENV = "BANSHI_SITE_URL";
    public static final String EMAIL_FROM_ENV = "BANSHI_EMAIL_FROM";

    public static DispatchSettings fromEnvironment() {
        return new DispatchSettings(
                setting(System.getenv(SITE_URL_ENV), "banshi.siteUrl", "http://127.0.0.1:8080"),
                setting(System.getenv(EMAIL_FROM_ENV), "banshi.emailFrom", "noreply@banshi.local"),
                Duration.ofMinutes(2),
                6,
                DailyCap.fromEnvironment());
    }

    public DispatchSettings withSiteUrl(String next) {
        return new DispatchSettings(next, emailFrom, lease, maxAttempts, perDay);
    }

    public DispatchSettings withPerDay(int next) {
        return new DispatchSettings(siteUrl, emailFrom, lease, maxAttempts, next);
    }

    private static String setting(String fromEnv, String property, String fallback) {
        String v = fromEnv;
        if (v == null || v.isBlank()) v = System.getProperty(property);
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
