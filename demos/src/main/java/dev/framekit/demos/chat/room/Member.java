package dev.framekit.demos.chat.room;

/**
 * Someone in the room, however they are connected. {@link #deliver} never blocks: a member whose
 * queue passes the high-water mark is behind, and the room's {@link Backpressure} holds the
 * senders back until it has {@linkplain #took taken} enough of it.
 */
public abstract class Member {
    private final String peer;
    private volatile String name = "";
    private volatile Backpressure pressure = Backpressure.NONE;
    /** When the member last took a line, or began to have one to take ({@link System#nanoTime}). */
    volatile long progress = System.nanoTime();
    /** Whether the room's {@link Backpressure} holds senders back for this member; written under its lock. */
    volatile boolean behind;

    /** @param peer where the member connects from, for logs */
    protected Member(String peer) {
        this.peer = peer;
    }

    /** The member's current name. */
    public final String name() {
        return name;
    }

    final void rename(String name) {
        this.name = name;
    }

    /** Where the member connects from, for logs. */
    public final String peer() {
        return peer;
    }

    /** The member has joined a room that paces its senders with {@code pressure}. */
    final void pacedBy(Backpressure pressure) {
        this.pressure = pressure;
    }

    /** The member has something to take from now on (its queue was empty): its progress is timed from now. */
    protected final void waiting() {
        progress = System.nanoTime();
    }

    /** The member took lines off its queue: it makes progress, and may have caught up. */
    protected final void took() {
        progress = System.nanoTime();
        pressure.eased(this);
    }

    /**
     * What one more line in a member's queue holds of the heap besides the line's bytes: the queue's
     * node, its entry and the outbound item around the line (about 64 B on a 64-bit JVM with
     * compressed references; the line's {@code String} is shared by every member it goes to). The
     * memory budget counts it with the bytes ({@link #memoryCost}), so a flood of tiny lines to a
     * member that never reads cannot hold more than the budget says.
     */
    static final int QUEUED_LINE_OVERHEAD = 64;

    /** What a queued line counts against the memory budget: its bytes and {@link #QUEUED_LINE_OVERHEAD}. */
    static int memoryCost(String line) {
        return cost(line) + QUEUED_LINE_OVERHEAD;
    }

    /** What a line counts against a queue's backlog: its UTF-8 length, without encoding it. */
    static int cost(String line) {
        int bytes = line.length();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= 0x80) {
                bytes += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2; // a surrogate pair is 4 bytes in all
            }
        }
        return bytes;
    }

    /**
     * Whether the member is a web page, which shows only what it is sent: it also gets its own
     * lines back ({@link Signal.Sent}) and who is in the room ({@link Signal.Roster}).
     */
    protected boolean isPage() {
        return false;
    }

    /** Bytes of lines queued for the member and not yet taken; read without blocking. */
    protected abstract long backlog();

    /**
     * Queues one line for the member without blocking.
     *
     * @return false if nothing more may be held for the member (the memory budget shed it)
     */
    protected abstract boolean deliver(String line);

    /** Sends what is queued, then ends the connection as {@code how} says ({@code /quit}, shutdown). */
    protected abstract void close(Outbound.Close how);

    /**
     * Ends the member's connection, dropping what is queued; for a member the room drops, for
     * {@code reason} (its connection's closing line).
     */
    protected abstract void disconnect(String reason);
}
