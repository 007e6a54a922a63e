package dev.framekit.demos.chat.room;

/**
 * Someone in the room, however they are connected. {@link #deliver} never blocks: a member that
 * cannot take another line is too far behind, and the room disconnects it.
 */
public abstract class Member {
    private final String peer;
    private volatile String name = "";

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

    /** What a line counts against a queue and the memory budget: its UTF-8 length, without encoding it. */
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

    /**
     * Queues one line for the member without blocking.
     *
     * @return false if the member's queue is full: it is too far behind
     */
    protected abstract boolean deliver(String line);

    /** Sends what is queued, then ends the connection as {@code how} says ({@code /quit}, shutdown). */
    protected abstract void close(Outbound.Close how);

    /** Ends the member's connection, dropping what is queued; for a member too far behind. */
    protected abstract void disconnect();
}
