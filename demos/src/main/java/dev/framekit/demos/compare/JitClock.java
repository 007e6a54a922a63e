package dev.framekit.demos.compare;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How much of a stretch of time the JIT compiler spent compiling, from the JVM's own accounting
 * ({@link CompilationMXBean#getTotalCompilationTime()}); 0 where the JVM does not keep it.
 */
final class JitClock {
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private long startNanos;
    private long startCompileMillis;
    private double lastShare = 1.0;

    /** Starts a stretch. */
    void start() {
        startNanos = System.nanoTime();
        startCompileMillis = compileMillis();
    }

    /** Ends the stretch started last. */
    void stop() {
        double wallMillis = (System.nanoTime() - startNanos) / 1e6;
        lastShare = wallMillis <= 0 ? 0 : (compileMillis() - startCompileMillis) / wallMillis;
    }

    /** The share of the last stretch spent compiling (1.0 before any stretch: assume busy). */
    double lastShare() {
        return lastShare;
    }

    private long compileMillis() {
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
    }
}
