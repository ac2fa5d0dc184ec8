package cn.banshi.batch;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/** Counts cases read by all scan segments of the running job and reports to the current {@link Progress}. */
public final class ScanProgress implements LongConsumer {
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile Progress listener = Progress.NONE;

    void start(Progress listener, long total) {
        this.listener = listener;
        this.total = total;
        done.set(0);
    }

    @Override
    public void accept(long n) {
        long now = done.addAndGet(n);
        listener.scanned(now, total);
    }

    public long done() {
        return done.get();
    }

    Progress listener() {
        return listener;
    }
}
