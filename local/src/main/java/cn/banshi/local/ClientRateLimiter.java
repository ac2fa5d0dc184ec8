package cn.banshi.local;

import cn.banshi.abuse.ClientLimit;
import cn.banshi.abuse.ClientLimits;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The local gateway's per-client limits, in process: a fixed window of {@link ClientLimit#windowSeconds()} per
 * client IP and limit, counted before the handler runs, so a refused request reaches neither the function nor
 * DynamoDB (as with AWS WAF in front of CloudFront). Thread-safe; old windows are dropped as time passes.
 */
final class ClientRateLimiter {
    private record Key(String limit, String client) {}

    private record Window(long start, int count) {}

    private final ClientLimits limits;
    private final Clock clock;
    private final Map<Key, Window> windows = new HashMap<>();
    private long lastSweep;

    ClientRateLimiter(ClientLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts one request; empty when it may go on, else the seconds until the client's window ends. */
    synchronized OptionalInt admit(String routeKey, String clientIp) {
        var found = limits.forRoute(routeKey);
        if (found.isEmpty()) return OptionalInt.empty();
        ClientLimit limit = found.get();
        long now = clock.millis();
        long windowMs = limit.windowSeconds() * 1000L;
        sweep(now, windowMs);
        Key key = new Key(limit.name(), clientIp);
        Window w = windows.get(key);
        if (w == null || now - w.start() >= windowMs) w = new Window(now, 0);
        if (w.count() >= limit.limit()) {
            windows.put(key, w);
            long left = w.start() + windowMs - now;
            return OptionalInt.of((int) Math.max(1, (left + 999) / 1000));
        }
        windows.put(key, new Window(w.start(), w.count() + 1));
        return OptionalInt.empty();
    }

    private void sweep(long now, long windowMs) {
        if (now - lastSweep < windowMs) return;
        lastSweep = now;
        long longest = limits.all().stream()
                .mapToLong(l -> l.windowSeconds() * 1000L)
                .max()
                .orElse(windowMs);
        windows.values().removeIf(w -> now - w.start() >= longest);
    }
}
