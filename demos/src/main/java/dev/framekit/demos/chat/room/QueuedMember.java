package dev.framekit.demos.chat.room;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.PeerMemory;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A member on a connection of its own (a framed stream, a WebSocket): its own virtual thread
 * writes its {@link Outbox}, a batch per flush; each line it takes is progress ({@link #took}).
 * Subclasses say how a line is sent and how the connection closes.
 */
public abstract class QueuedMember extends Member {
    private final Outbox outbox;
    private final ConnectionStats stats;
    private final WireLog wire;
    private final Duration closeGrace;
    private final Closeable connection;
    private Thread writer;

    /**
     * @param connection what {@link #abort()} closes
     * @param closeGrace how long a member the room drops may take to read its close before it is cut
     */
    protected QueuedMember(Closeable connection, String peer, PeerMemory memory, ConnectionStats stats, WireLog wire,
            Duration closeGrace) {
        super(peer);
        this.connection = connection;
        this.outbox = new Outbox(memory);
        this.stats = stats;
        this.wire = wire;
        this.closeGrace = closeGrace;
    }

    /** Starts the thread that writes what is queued. */
    public final void start() {
        writer = Thread.ofVirtual().name("chat-writer-" + peer()).start(this::writeLoop);
    }

    @Override
    protected final long backlog() {
        return outbox.bytes();
    }

    @Override
    protected final boolean deliver(String line) {
        return outbox.offer(line); // false: shed to keep the memory budget
    }

    @Override
    protected final void close(Outbound.Close how) {
        outbox.put(how);
    }

    @Override
    protected final void disconnect(String reason) {
        outbox.clear();
        outbox.put(Outbound.Close.TOO_FAR_BEHIND);
        Thread.ofVirtual().name("chat-cut-" + peer()).start(() -> {
            try {
                Thread.sleep(closeGrace);
            } catch (InterruptedException e) {
                return;
            }
            cut(reason);
        });
    }

    /**
     * Closes the connection of a member the room dropped: by default as {@link #abort()}; a member
     * on a server's connection is reset instead, so that the kernel lets go of what it still holds
     * for a peer that stopped reading.
     */
    protected void cut(String reason) {
        abort();
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

    /** Lines read from a member's connection, one at a time. */
    @FunctionalInterface
    public interface Lines {
        /** The next line, or null at the end of the connection. */
        String next() throws IOException;
    }

    /**
     * Gives every line read into {@code intake} until the connection ends or the member quits
     * (then once its goodbye is written), and has the member leave the room, saying why its
     * connection ended; the writer stops. A peer that never joined leaves unseen.
     */
    public final void serve(ChatRoom room, Intake intake, Lines lines) throws IOException {
        String reason = "";
        try {
            for (String line = lines.next(); line != null; line = lines.next()) {
                stats.received(line);
                wire.show("received from " + name(), line);
                if (!intake.take(line)) {
                    awaitWriter(); // /quit: the goodbye is sent, then the connection closed as Close.BYE says
                    return;
                }
            }
            intake.refuse();
        } catch (IOException e) {
            intake.refuse();
            reason = Intake.leaveReason(e);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            room.leave(this, reason);
            stop();
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                Outbound item = outbox.take();
                do {
                    took();
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

    /** Sends what {@link #send} buffered; nothing for a connection that sends at once. */
    protected void flush() throws IOException {}

    /** Sends what is buffered, then closes as {@code how} says. */
    protected abstract void closeWith(Outbound.Close how) throws IOException;

    /** Closes the connection now. */
    protected void abort() {
        try {
            connection.close();
        } catch (IOException ignored) {
            // Already closing.
        }
    }

    /**
     * One member's outbound queue, counted in bytes of lines ({@link #bytes}, which the room's
     * {@link Backpressure} watches) and against the server's memory budget, where each line also
     * counts its entry's objects ({@link Member#memoryCost}). It takes memory only for the lines in it. A {@link Outbound.Close} or {@link Outbound.Stop} counts nothing and always fits.
     */
    static final class Outbox {
        private record Entry(Outbound item, int bytes, int memory) {}

        private final BlockingQueue<Entry> entries = new LinkedBlockingQueue<>();
        private final AtomicLong bytes = new AtomicLong();
        private final PeerMemory memory;

        Outbox(PeerMemory memory) {
            this.memory = memory;
        }

        /** Bytes of the lines queued. */
        long bytes() {
            return bytes.get();
        }

        /** Queues a line; false if the server's memory budget refuses it. */
        boolean offer(String line) {
            int cost = Member.cost(line);
            int held = Member.memoryCost(line);
            if (!memory.add(held)) {
                return false;
            }
            bytes.addAndGet(cost);
            entries.add(new Entry(new Outbound.Line(line), cost, held));
            return true;
        }

        /** Queues a close or a stop. */
        void put(Outbound item) {
            entries.add(new Entry(item, 0, 0));
        }

        /** The next item, waiting for one. */
        Outbound take() throws InterruptedException {
            return taken(entries.take());
        }

        /** The next item, or null if there is none now. */
        Outbound poll() {
            Entry entry = entries.poll();
            return entry == null ? null : taken(entry);
        }

        /** Drops everything queued, giving back what the lines counted. */
        void clear() {
            while (poll() != null) {
                // Given back by taken().
            }
        }

        private Outbound taken(Entry entry) {
            bytes.addAndGet(-entry.bytes());
            memory.add(-entry.memory());
            return entry.item();
        }
    }
}
