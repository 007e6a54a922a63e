package dev.framekit.demos.load;

import dev.framekit.demos.console.Progress;
import dev.framekit.framing.FramedConnection;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One load run: ramps up the connections gradually, one virtual thread each, starts every
 * worker's messages at once when all have connected, and gathers what they measured. Bounded:
 * the messages phase ends at the plan's duration, and every wait is bounded by it or by the
 * plan's timeout.
 */
final class LoadRun {
    /** A run shows its progress once it has lasted this long: a short run prints nothing but its report. */
    private static final long PROGRESS_AFTER_NANOS = 2_000_000_000L;

    /** How often the progress bar is redrawn once shown. */
    private static final long REDRAW_NANOS = 200_000_000L;

    private final LoadPlan plan;
    private final Payloads payloads;
    private final FramedConnection.Connector connector;
    private final Progress progress;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final ErrorTally errors = new ErrorTally();
    private final LongAdder sent = new LongAdder();
    private final LongAdder verified = new LongAdder();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peakOpen = new AtomicInteger();
    private final LongAdder opened = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final CountDownLatch arrived;
    private final CountDownLatch start = new CountDownLatch(1);
    private final CountDownLatch messagingDone;
    private final CountDownLatch allDone = new CountDownLatch(1);
    private volatile long startNanos;
    private volatile long deadlineNanos;

    /** A run of {@code plan}, whose every connection {@code connector} opens (framer and timeouts set). */
    LoadRun(LoadPlan plan, Payloads payloads, FramedConnection.Connector connector, Progress progress) {
        this.plan = plan;
        this.payloads = payloads;
        this.connector = connector;
        this.progress = progress;
        this.arrived = new CountDownLatch(plan.connections());
        this.messagingDone = new CountDownLatch(plan.connections());
    }

    /** Runs the whole load and returns what it measured. */
    LoadReport execute() throws InterruptedException {
        long rampStart = System.nanoTime();
        Thread[] workers = new Thread[plan.connections()];
        long nextProgress = rampStart + PROGRESS_AFTER_NANOS;
        for (int i = 0; i < workers.length; i++) {
            sleepUntil(rampStart + (long) (i * 1e9 / plan.rampPerSecond()));
            workers[i] = Thread.ofVirtual().name("load-" + i).start(new ConnectionWorker(this, i));
            if (System.nanoTime() > nextProgress) {
                progress.show(opened.sum(), plan.connections(),
                        "ramping up: " + opened.sum() + " of " + plan.connections() + " connected");
                nextProgress = System.nanoTime() + REDRAW_NANOS;
            }
        }
        // Each worker arrives once it has connected, or failed to within the timeout.
        arrived.await(plan.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        long rampNanos = System.nanoTime() - rampStart;
        int heldAtStart = open.get();
        startNanos = System.nanoTime();
        deadlineNanos = startNanos + plan.duration().toNanos();
        start.countDown();
        long waitUntil = deadlineNanos + plan.timeout().toNanos() + 5_000_000_000L;
        while (!messagingDone.await(REDRAW_NANOS, TimeUnit.NANOSECONDS) && System.nanoTime() < waitUntil) {
            if (System.nanoTime() > nextProgress) {
                showMessagesProgress();
            }
        }
        progress.finish();
        long elapsed = System.nanoTime() - startNanos;
        int heldAtEnd = open.get();
        allDone.countDown();
        for (Thread worker : workers) {
            worker.join(plan.timeout().toMillis() + 1_000);
        }
        return new LoadReport(plan, opened.sum(), connectFailures.sum(), peakOpen.get(),
                Math.min(heldAtStart, heldAtEnd), rampNanos, sent.sum(), verified.sum(), elapsed, latency, errors);
    }

    /** How far the messages phase is: messages sent of all, or for a run of a set length, time passed. */
    private void showMessagesProgress() {
        String what = verified.sum() + " echoes verified, " + errors.total() + " errors";
        if (plan.messages() == Long.MAX_VALUE) {
            progress.show(System.nanoTime() - startNanos, plan.duration().toNanos(), what);
        } else {
            progress.show(sent.sum(), plan.messages() * plan.connections(), what);
        }
    }

    LoadPlan plan() {
        return plan;
    }

    Payloads payloads() {
        return payloads;
    }

    long startNanos() {
        return startNanos;
    }

    /** Opens one connection to the server, counted and bounded by the timeout. */
    FramedConnection connect() throws IOException {
        FramedConnection connection = connector.connect();
        opened.increment();
        peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        return connection;
    }

    /** Closes a connection made by {@link #connect()}. */
    void close(FramedConnection connection) {
        open.decrementAndGet();
        try {
            connection.close();
        } catch (IOException ignored) {
            // The run is over for this connection; how it closes changes nothing measured.
        }
    }

    void connectFailed() {
        connectFailures.increment();
    }

    void arrived() {
        arrived.countDown();
    }

    /** Waits for the start of the messages phase; false if it never came (the run gave up). */
    boolean awaitStart() {
        try {
            return start.await(plan.timeout().toMillis() * 2 + 60_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void doneMessaging() {
        messagingDone.countDown();
    }

    /** Holds a connection open until every worker has finished its messages, so all are held at once. */
    void awaitAllDone() {
        try {
            allDone.await(plan.duration().toMillis() + plan.timeout().toMillis() * 2 + 60_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean pastDeadline() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    void sent() {
        sent.increment();
    }

    void verified(long roundTripNanos) {
        verified.increment();
        latency.record(roundTripNanos);
    }

    void error(ErrorKind kind, String example) {
        errors.add(kind, example);
    }

    /** Sleeps until {@code nanoTime} (a System.nanoTime() value), or returns at once if it has passed. */
    void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
