package dev.framekit.demos.chat.room;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.PeerMemory;
import java.io.IOException;
import java.time.Duration;

/**
 * A member on a connection of its own (a framed stream, a WebSocket): its own virtual thread
 * writes its {@link Outbox}, a batch per flush, so a slow reader slows only itself. Subclasses
 * say how a line is sent and how the connection closes.
 */
public abstract class QueuedMember extends Member {
    private final Outbox outbox;
    private final ConnectionStats stats;
    private final WireLog wire;
    private final Duration closeGrace;
    private Thread writer;

    /**
     * @param maxQueueBytes the most bytes of unsent lines; past it the member is too far behind
     * @param closeGrace how long a member too far behind may take to read its close before it is cut
     */
    protected QueuedMember(String peer, long maxQueueBytes, PeerMemory memory, ConnectionStats stats, WireLog wire,
            Duration closeGrace) {
        super(peer);
        this.outbox = new Outbox(maxQueueBytes, memory);
        this.stats = stats;
        this.wire = wire;
        this.closeGrace = closeGrace;
    }

    /** Starts the thread that writes what is queued. */
    public final void start() {
        writer = Thread.ofVirtual().name("chat-writer-" + peer()).start(this::writeLoop);
    }

    @Override
    protected final boolean deliver(String line) {
        return outbox.offer(line); // false: too far behind, or shed to keep the memory budget
    }

    @Override
    protected final void close(Outbound.Close how) {
        outbox.put(how);
    }

    @Override
    protected final void disconnect() {
        outbox.clear();
        outbox.put(Outbound.Close.TOO_FAR_BEHIND);
        Thread.ofVirtual().name("chat-cut-" + peer()).start(() -> {
            try {
                Thread.sleep(closeGrace);
            } catch (InterruptedException e) {
                return;
            }
            abort();
        });
    }

    /** The connection has ended: the writer stops, dropping what is queued. */
    public final void stop() {
        outbox.clear();
        outbox.put(new Outbound.Stop());
    }

    /** Waits until the writer has stopped: after a close, everything queued before it has been sent. */
    public final void awaitWriter() throws InterruptedException {
        if (writer != null) {
            writer.join();
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                Outbound item = outbox.take();
                do {
                    switch (item) {
                        case Outbound.Line line -> {
                            send(line.text());
                            stats.sent(line.text());
                            wire.show("sent to " + name(), line.text());
                        }
                        case Outbound.Close close -> {
                            closeWith(close);
                            return;
                        }
                        case Outbound.Stop stop -> {
                            return;
                        }
                    }
                } while ((item = outbox.poll()) != null);
                flush();
            }
        } catch (IOException | InterruptedException e) {
            abort(); // the reading side notices the broken connection and leaves the room
        }
    }

    /** Sends (or buffers) one line. */
    protected abstract void send(String line) throws IOException;

    /** Sends what {@link #send} buffered. */
    protected abstract void flush() throws IOException;

    /** Sends what is buffered, then closes as {@code how} says. */
    protected abstract void closeWith(Outbound.Close how) throws IOException;

    /** Closes the connection now. */
    protected abstract void abort();
}
