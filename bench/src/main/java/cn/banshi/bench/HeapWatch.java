package cn.banshi.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap figures of a measuring child JVM: peak live is the largest heap left after any collection (GC
 * notifications, from {@link #start()} on), the figure that shows what the run holds; peak heap the sum of the heap
 * pools' peak usage (garbage included).
 */
public final class HeapWatch {
    private final AtomicLong liveAfterGc = new AtomicLong();

    private HeapWatch() {}

    /** Listens to every collector's notifications from now on. */
    public static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (n, h) -> {
                                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                                long used = 0;
                                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                                    var after = info.getGcInfo()
                                            .getMemoryUsageAfterGc()
                                            .get(pool.getName());
                                    if (pool.getType() == MemoryType.HEAP && after != null) used += after.getUsed();
                                }
                                watch.liveAfterGc.accumulateAndGet(used, Math::max);
                            },
                            n -> n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION),
                            null);
        }
        return watch;
    }

    /** The largest heap left after a collection so far, in bytes (0 before the first). */
    public long peakLive() {
        return liveAfterGc.get();
    }

    /** The sum of the heap pools' peak usage, in bytes. */
    public static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }
}
