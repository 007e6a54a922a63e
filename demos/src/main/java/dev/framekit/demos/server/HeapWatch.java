package dev.framekit.demos.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The backstop under the {@link MemoryBudget}s: the JVM's own figure for the heap. Each heap pool
 * that an old generation's collector reports on (G1 Old Gen, Tenured Gen, PS Old Gen: the pools
 * with both a usage and a collection-usage threshold) gets a collection-usage threshold at
 * {@value #THRESHOLD_PERCENT}% of its max. When a collection leaves a pool above it, what is live
 * is more than the budgets allow for, so something they do not count is filling the heap: the JVM
 * notifies, and each budget sheds the peer that holds most ({@link MemoryBudget#shedForHeap}), one
 * log line each, well before the heap runs out. The JVM notifies after every collection that
 * leaves the pool above the threshold, so the shedding goes on, a peer at a time, until one does
 * not.
 */
final class HeapWatch {
    /** The threshold, as a share of each watched pool's max. */
    static final int THRESHOLD_PERCENT = 80;

    private static final Set<MemoryBudget> BUDGETS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private HeapWatch() {}

    /** Has {@code budget} shed for the heap from now on (for as long as it is in use). */
    static void watch(MemoryBudget budget) {
        BUDGETS.add(budget);
        if (INSTALLED.compareAndSet(false, true)) {
            install();
        }
    }

    /** The pools watched: the heap's old generation, where what survives collections stays. */
    static List<MemoryPoolMXBean> watchedPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported()
                        && pool.isCollectionUsageThresholdSupported() && pool.getUsage().getMax() > 0)
                .toList();
    }

    private static void install() {
        List<MemoryPoolMXBean> pools = watchedPools();
        for (MemoryPoolMXBean pool : pools) {
            pool.setCollectionUsageThreshold(pool.getUsage().getMax() / 100 * THRESHOLD_PERCENT);
        }
        if (!pools.isEmpty() && ManagementFactory.getMemoryMXBean() instanceof NotificationEmitter emitter) {
            emitter.addNotificationListener(HeapWatch::notified,
                    n -> MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(n.getType()), null);
        }
    }

    private static void notified(Notification notification, Object handback) {
        MemoryNotificationInfo info = MemoryNotificationInfo.from((CompositeData) notification.getUserData());
        String state = describe(info.getPoolName(), info.getUsage().getUsed(), info.getUsage().getMax());
        List<MemoryBudget> budgets;
        synchronized (BUDGETS) {
            budgets = List.copyOf(BUDGETS);
        }
        for (MemoryBudget budget : budgets) {
            budget.shedForHeap(state);
        }
    }

    /** E.g. {@code with G1 Old Gen at 53.1 of 64.0 MiB, over its 80% threshold}. */
    static String describe(String pool, long used, long max) {
        return String.format(java.util.Locale.ROOT, "with %s at %.1f of %.1f MiB, over its %d%% threshold",
                pool, used / 1048576.0, max / 1048576.0, THRESHOLD_PERCENT);
    }
}
