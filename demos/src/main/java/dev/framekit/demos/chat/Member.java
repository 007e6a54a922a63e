package dev.framekit.demos.chat;

/**
 * Someone in the room, however they are connected. {@link #deliver} never blocks: a member that
 * cannot take another line is too far behind, and the room disconnects it.
 */
abstract class Member {
    private final String peer;
    private volatile String name = "";

    /** @param peer where the member connects from, for logs */
    Member(String peer) {
        this.peer = peer;
    }

    /** The member's current name. */
    final String name() {
        return name;
    }

    /** Renames the member (the room checks uniqueness). */
    final void rename(String name) {
        this.name = name;
    }

    /** Where the member connects from, for logs. */
    final String peer() {
        return peer;
    }

    /**
     * What a queued line counts against a member's queue and the memory budget: its UTF-8
     * length, worked out without encoding it.
     */
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
     * Queues one line for the member without blocking.
     *
     * @return false if the member's queue is full: it is too far behind
     */
    abstract boolean deliver(String line);

    /** Sends what is queued, then ends the member's connection; for /quit. */
    abstract void finish();

    /** Ends the member's connection now, dropping what is queued; for a member too far behind. */
    abstract void disconnect();
}
