package dev.framekit.demos.chat;

/**
 * Someone in the room, however they are connected. {@link #deliver} never blocks: a member that
 * cannot take another line is too far behind, and the room disconnects it.
 */
interface Member {
    /** The member's current name. */
    String name();

    /** Renames the member (the room checks uniqueness). */
    void rename(String name);

    /** Where the member connects from, for logs. */
    String peer();

    /**
     * Queues one line for the member without blocking.
     *
     * @return false if the member's queue is full: it is too far behind
     */
    boolean deliver(String line);

    /** Sends what is queued, then ends the member's connection; for /quit. */
    void finish();

    /** Ends the member's connection now, dropping what is queued; for a member too far behind. */
    void disconnect();
}
