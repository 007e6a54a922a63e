package dev.framekit.demos.chat.room;

import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.framing.FrameTimeoutException;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FramingException;
import java.io.IOException;

/**
 * Why a member's connection ended, in the room's words: what the room is told in
 * {@code -- guest3 left (...)}. The library's own wording (limits, hex previews, how to raise
 * them) goes to the server log, never to the room.
 */
public final class LeaveReasons {
    private LeaveReasons() {}

    /** The reason the room is told for a connection that ended with {@code e}. */
    public static String of(IOException e) {
        if (e instanceof FrameTimeoutException) {
            return "took too long to finish a line";
        }
        if (e instanceof FrameTooLongException tooLong) {
            return "sent a line longer than " + tooLong.maxFrameLength() + " bytes";
        }
        if (e instanceof FramingException) {
            return "spoke a different framing";
        }
        return NetworkErrors.describe(e);
    }
}
