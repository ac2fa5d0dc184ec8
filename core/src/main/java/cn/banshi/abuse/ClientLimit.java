package cn.banshi.abuse;

import java.util.List;

/**
 * One per-client limit: at most {@code limit} requests per client IP within {@code windowSeconds} to the routes
 * {@code routeKeys}. {@code pathRegex} matches the same routes' paths (with {@code method}) for AWS WAF's rate-based
 * rule; {@link ClientLimits} keeps the two in step.
 */
public record ClientLimit(
        String name, String method, List<String> routeKeys, String pathRegex, int limit, int windowSeconds) {
    public ClientLimit {
        routeKeys = List.copyOf(routeKeys);
        if (limit < 1) throw new IllegalArgumentException(name + ": limit must be at least 1");
        if (windowSeconds < 1) throw new IllegalArgumentException(name + ": window must be at least 1 s");
    }

    public ClientLimit withLimit(int newLimit) {
        return new ClientLimit(name, method, routeKeys, pathRegex, newLimit, windowSeconds);
    }
}
