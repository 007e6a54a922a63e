package dev.framekit.demos.chat.room;

import dev.framekit.framing.FrameReader;
import java.time.Duration;

/**
 * Every wait the chat shortens, in one place, through the reader that owns the socket's read
 * timeout ({@link FrameReader#readTimeout(Duration)}): nothing here touches the socket.
 */
public final class ReadWaits {
    private ReadWaits() {}

    /**
     * Makes reads end after {@code wait} unless the reader's own timeout is shorter.
     *
     * @return the timeout to {@link #restore}, or null if it was left as it was
     */
    public static Duration shorten(FrameReader reader, Duration wait) {
        Duration own = reader.readTimeout();
        if (own.isZero() || own.compareTo(wait) > 0) {
            reader.readTimeout(wait);
            return own;
        }
        return null;
    }

    /** Gives the reader back the timeout {@link #shorten} returned (nothing for null). */
    public static void restore(FrameReader reader, Duration own) {
        if (own != null) {
            reader.readTimeout(own);
        }
    }
}
