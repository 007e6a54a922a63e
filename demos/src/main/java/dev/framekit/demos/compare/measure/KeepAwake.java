package dev.framekit.demos.compare.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Spinning threads that keep the machine's other CPUs busy while a ping-pong trial runs, so that a
 * round trip measures the framing and the loopback, not how long an idle CPU takes to wake up.
 *
 * <p>In a ping-pong only one of the two sides runs at a time. On a virtual machine an idle CPU
 * halts, and waking it for the next message goes through the hypervisor: on the 2-vCPU VMs this
 * was measured on (the {@code haltpoll} cpuidle driver) that added about 50 µs to every wake-up,
 * and a 1 KiB round trip took 120-150 µs on a quiet machine but 20-25 µs on a busy one, or as
 * soon as one thread spun beside it. That is the cause of the p50 that flipped between about 20 µs
 * and 130 µs from round to round and run to run. With {@code cpus - 1} spinning threads no CPU
 * is idle and the p50 holds. The spinners' CPU time is not counted in any contender's cost.
 */
public final class KeepAwake implements AutoCloseable {
    private final List<Thread> spinners = new ArrayList<>();
    private volatile boolean running = true;

    /** Starts {@code threads} spinning threads (none if zero). */
    public KeepAwake(int threads) {
        for (int i = 0; i < threads; i++) {
            Thread spinner = new Thread(this::spin, "compare-keep-awake-" + i);
            spinner.setDaemon(true);
            spinner.start();
            spinners.add(spinner);
        }
    }

    /** As many spinners as the machine has CPUs, less the one the ping-pong's running side uses. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    private void spin() {
        while (running) {
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread spinner : spinners) {
            try {
                spinner.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
