package dev.framekit.demos.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the peers that acknowledge nothing they are sent: a half-open peer (its link cut, its
 * machine gone) that the server has written to since. TCP keepalive does not reach it (the kernel
 * probes only a connection with nothing unacknowledged), the server's write went into the socket
 * buffer and so never stalls, and the kernel would retransmit for about 15 minutes before it gives
 * up. So the {@link Watchdog} asks the kernel ({@link TcpSendQueues}) how many bytes each
 * connection has sent unacknowledged and whether its retransmissions go unanswered, and closes a
 * connection (with a reset) whose peer has acknowledged no byte for {@code --write-timeout} while
 * the kernel kept retransmitting. A live peer acknowledges what it receives, however slowly it
 * reads (a full window is acknowledged too: that is the other watchdog rule's case), so a lossy
 * but live link resets the clock with every acknowledgement. Linux only; elsewhere nothing is checked.
 * Used by the watchdog's thread alone.
 */
final class HalfOpenCheck {
    /** The table is read at most this often, however short the timeout: it lists every connection of the process. */
    private static final long SCAN_NANOS = Duration.ofMillis(500).toNanos();

    private record Progress(long since, long acknowledged) {}

    private final Duration timeout;
    private final boolean available = TcpSendQueues.available();
    private final Map<PeerSocket, Progress> seen = new HashMap<>();
    private long lastScan = Long.MIN_VALUE;

    HalfOpenCheck(Duration timeout) {
        this.timeout = timeout;
    }

    /** Looks at the {@code open} connections at {@code now} (nanoseconds) and closes those that acknowledge nothing. */
    void check(Collection<PeerSocket> open, long now) {
        if (!available || (lastScan != Long.MIN_VALUE && now - lastScan < SCAN_NANOS)) {
            return;
        }
        lastScan = now;
        seen.keySet().retainAll(open);
        List<PeerSocket> sent = new ArrayList<>();
        for (PeerSocket socket : open) {
            WatchedOutputStream out = socket.watchedOutput();
            if (out != null && out.written() > 0) {
                sent.add(socket); // keepalive looks after a peer never sent anything
            }
        }
        Map<PeerSocket, TcpSendQueues.SendQueue> table = sent.isEmpty() ? Map.of() : TcpSendQueues.of(sent);
        for (PeerSocket socket : sent) {
            WatchedOutputStream out = socket.watchedOutput();
            TcpSendQueues.SendQueue queue = table.get(socket);
            if (queue == null) {
                seen.remove(socket);
                continue;
            }
            // Read after the table, so what was acknowledged is over- rather than under-estimated:
            // a write in between can hide a stall for one look, never make one up.
            long acknowledged = out.written() - queue.unacknowledged();
            Progress before = seen.get(socket);
            boolean waiting = queue.unacknowledged() > 0 && queue.retransmissions() > 0;
            if (!waiting || before == null || acknowledged > before.acknowledged()) {
                seen.put(socket, new Progress(now, acknowledged));
            } else if (now - before.since() >= timeout.toNanos()) {
                seen.remove(socket);
                socket.closeFor("the peer stopped answering: " + queue.unacknowledged() + " bytes sent to it unacknowledged for "
                        + Watchdog.describe(timeout) + "; closed it (--write-timeout)");
            }
        }
    }
}
