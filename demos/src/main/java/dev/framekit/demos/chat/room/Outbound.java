package dev.framekit.demos.chat.room;

/**
 * What a member's writer is handed: a line to send, a close after the lines before it, or the
 * order to stop at once. One writer loop ({@link QueuedMember}) serves stream and web members.
 */
public sealed interface Outbound {
    /** A chat line, already {@linkplain SafeText#clean clean}. */
    record Line(String text) implements Outbound {}

    /**
     * Send what was queued before, then close: a WebSocket sends a close frame with {@code code}
     * and {@code reason}; a framed stream half-closes.
     */
    record Close(int code, String reason) implements Outbound {
        /** After {@code /quit}. */
        public static final Close BYE = new Close(1000, "bye");
        /** After {@link Signal.ShuttingDown}. */
        public static final Close GOING_AWAY = new Close(1001, "server shutting down");
        /** The room dropped the member: it took nothing for the write timeout while behind, or memory ran short. */
        public static final Close TOO_FAR_BEHIND = new Close(1008, "too far behind: you stopped reading what the room sent");
    }

    /** The connection has ended: the writer stops without sending anything more. */
    record Stop() implements Outbound {}
}
