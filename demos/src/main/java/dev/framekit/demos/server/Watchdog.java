package dev.framekit.demos.server;

import java.time.Duration;
import java.util.Collection;

/**
 * One thread per server that looks at every open connection a few times a second and closes
 * those that broke a limit no blocking call can enforce by itself: a peer that has taken no byte
 * of a write for {@code --write-timeout} ("peer stopped reading"), and a peer that has
 * acknowledged none of the bytes sent to it for {@code --write-timeout} while the kernel
 * retransmitted them ("the peer stopped answering": half-open, {@link HalfOpenCheck}). It never
 * blocks on a connection: closing a socket ends the read or write blocked in the connection's own
 * thread, which then logs the reason.
 */
final class Watchdog {
    private final Collection<PeerSocket> open;
    private final Duration writeTimeout;
    private final Thread thread;
    private final HalfOpenCheck halfOpen;

    /** @param open the open connections, a concurrent collection the server keeps */
    Watchdog(Collection<PeerSocket> open, Duration writeTimeout) {
        this.open = open;
        this.writeTimeout = writeTimeout;
        this.halfOpen = new HalfOpenCheck(writeTimeout);
        this.thread = Thread.ofPlatform().daemon().name("watchdog").unstarted(this::run);
    }

    /** Starts watching; a zero write timeout watches nothing. */
    void start() {
        if (!writeTimeout.isZero()) {
            thread.start();
        }
    }

    /** Stops watching. */
    void stop() {
        thread.interrupt();
    }

    /** How often to look: a quarter of the timeout, between 50 ms and 1 s. */
    private long periodMillis() {
        return Math.max(50, Math.min(1000, writeTimeout.toMillis() / 4));
    }

    private void run() {
        long timeoutNanos = writeTimeout.toNanos();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(periodMillis());
                long now = System.nanoTime();
                for (PeerSocket socket : open) {
                    WatchedOutputStream out = socket.watchedOutput();
                    if (out != null && out.stalledNanos(now) >= timeoutNanos) {
                        socket.closeFor("peer stopped reading: " + out.unsent() + " bytes unsent for "
                                + describe(writeTimeout) + "; closed it (--write-timeout)");
                    }
                }
                halfOpen.check(open, now);
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // Say, out of memory: look again next time rather than stop watching.
            }
        }
    }

    /** {@code 30 s}, or {@code 1500 ms} when not whole seconds. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
