package cn.banshi.logging;

/** The request id of the invocation being handled on this thread, for log lines. */
public final class RequestIds {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {}

    public static String current() {
        return CURRENT.get();
    }

    public static void set(String requestId) {
        CURRENT.set(requestId);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
