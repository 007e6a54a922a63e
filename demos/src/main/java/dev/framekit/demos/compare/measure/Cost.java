package dev.framekit.demos.compare.measure;

import java.lang.management.ManagementFactory;

/**
 * What some threads spent: CPU time (user + system) and bytes allocated on the heap, from the
 * JVM's own per-thread accounting ({@code com.sun.management.ThreadMXBean}). On a shared, noisy
 * machine these move far less than wall-clock throughput, and they are what a library user pays.
 *
 * @param cpuNanos CPU time in nanoseconds
 * @param allocatedBytes heap bytes allocated
 */
public record Cost(long cpuNanos, long allocatedBytes) {
    /** Nothing spent. */
    public static final Cost ZERO = new Cost(0, 0);

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private static com.sun.management.ThreadMXBean threads() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (bean.isThreadCpuTimeSupported() && !bean.isThreadCpuTimeEnabled()) {
            bean.setThreadCpuTimeEnabled(true);
        }
        if (bean.isThreadAllocatedMemorySupported() && !bean.isThreadAllocatedMemoryEnabled()) {
            bean.setThreadAllocatedMemoryEnabled(true);
        }
        return bean;
    }

    /** What the calling thread has spent since it started. */
    public static Cost ofCurrentThread() {
        return new Cost(Math.max(0, THREADS.getCurrentThreadCpuTime()), Math.max(0, THREADS.getCurrentThreadAllocatedBytes()));
    }

    /** What the live thread {@code id} has spent since it started (nothing, if it has ended). */
    public static Cost ofThread(long id) {
        return new Cost(Math.max(0, THREADS.getThreadCpuTime(id)), Math.max(0, THREADS.getThreadAllocatedBytes(id)));
    }

    public Cost plus(Cost other) {
        return new Cost(cpuNanos + other.cpuNanos, allocatedBytes + other.allocatedBytes);
    }

    /** This cost since {@code earlier}, a reading of the same thread taken before. */
    public Cost since(Cost earlier) {
        return new Cost(Math.max(0, cpuNanos - earlier.cpuNanos), Math.max(0, allocatedBytes - earlier.allocatedBytes));
    }
}
