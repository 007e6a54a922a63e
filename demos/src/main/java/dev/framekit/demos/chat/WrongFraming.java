package dev.framekit.demos.chat;

import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import java.nio.charset.StandardCharsets;

/**
 * How a chat client tells that the server speaks another framing, and says so in one line. It
 * is not a lost connection: trying again cannot help, so the client stops instead of
 * reconnecting. A framing error before the first valid frame, a server that refused the
 * connection with {@link #REFUSAL}, or a reply with binary zeros where text was expected, are
 * all this.
 */
final class WrongFraming {
    /** How a chat server begins the one line it sends a peer on another framing or protocol. */
    static final String REFUSAL = "-- this port speaks framekit chat with ";

    private WrongFraming() {}

    /** Whether {@code line} is a chat server's refusal of our framing. */
    static boolean isRefusal(String line) {
        return line.startsWith(REFUSAL);
    }

    /** The line for a framing error before the first valid frame from the server. */
    static String after(FramingException e, Framer framer) {
        String guess = "";
        if (e instanceof FrameTooLongException tooLong && tooLong.frameLength() >= 0x20202020L) {
            guess = looksLikeText(tooLong.frameLength()) ? "; is it --framing delimiter?" : "";
        }
        return "-- the server does not speak " + name(framer) + " framing" + (guess.isEmpty()
                ? "; check its --framing (its start-up line says it)" : guess);
    }

    /**
     * The line for a server whose first bytes never made a frame (they ended, or stopped
     * coming): its own refusal, if they are one, else a guess from what they look like; null
     * if they show nothing.
     */
    static String fromFirstBytes(byte[] seen, Framer framer) {
        String text = new String(seen, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        if (isRefusal(text)) {
            return end < 0 ? text + "\u2026" : text.substring(0, end);
        }
        boolean zero = text.indexOf('\0') >= 0;
        if (end > 0 && !zero && (framer instanceof DelimiterFramer || name(framer).startsWith("fixed"))) {
            return "-- the server does not speak " + described(framer)
                    + " framing; it sends lines ending in \\n: is it --framing delimiter --delimiter '\\n'?";
        }
        if (zero && seen.length >= 4 && seen[0] == 0) {
            return "-- the server does not speak " + described(framer) + " framing; is it --framing length?";
        }
        return null;
    }

    /** {@link #name} with the delimiter, where there is one: {@code delimiter "#*#"}. */
    private static String described(Framer framer) {
        return framer instanceof DelimiterFramer delimiter
                ? name(framer) + " " + Escapes.quoted(delimiter.delimiter()) : name(framer);
    }

    /** The line for a reply that does not look like chat at all on send-and-close framing. */
    static String unexpectedReply(String reply, Framer framer) {
        String guess = reply.indexOf('\0') >= 0 ? "; is it --framing length?"
                : reply.startsWith("-- ") ? "; is it --framing delimiter?" : "; check its --framing";
        return "-- the server does not speak " + name(framer) + " framing" + guess;
    }

    /** The short name of {@code framer}'s framing: {@code length-prefix}, {@code delimiter}, ... */
    static String name(Framer framer) {
        String described = framer.toString();
        int paren = described.indexOf('(');
        return paren < 0 ? described : described.substring(0, paren);
    }

    private static boolean looksLikeText(long header) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            int b = (int) (header >>> shift) & 0xff;
            if (b < 0x20 || b >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Looks at the first frames of one connection for a server on another framing: a frame
     * with a zero byte (a length prefix read as text), a fixed frame with a newline (lines cut
     * into frames), or a refusal cut into fixed frames. A chat server never sends either: its
     * lines are {@linkplain SafeText#clean clean}.
     */
    static final class FirstFrames {
        private static final int LOOKED_AT = 8;

        private final Framer framer;
        private final boolean fixed;
        private final StringBuilder text = new StringBuilder();
        private int frames;

        FirstFrames(Framer framer) {
            this.framer = framer;
            this.fixed = name(framer).startsWith("fixed");
        }

        /** Whether the frames so far are the start of a refusal cut into fixed frames: not to be printed as they are. */
        boolean holding() {
            String seen = text.toString();
            return fixed && frames <= LOOKED_AT && !seen.isEmpty() && (seen.startsWith(REFUSAL) || REFUSAL.startsWith(seen));
        }

        /**
         * The line to give up with after a framing error, or null if the connection had already
         * carried enough valid frames for the error to be the server's own.
         */
        String after(FramingException e) {
            if (frames >= LOOKED_AT && frames > 0) {
                return null;
            }
            String seen = text.toString();
            if (!seen.isEmpty() && (seen.startsWith(REFUSAL) || REFUSAL.startsWith(seen))) {
                return seen + "\u2026";
            }
            return WrongFraming.after(e, framer);
        }

        /** The line to give up with if {@code frame} shows the server speaks another framing, else null. */
        String examine(String frame) {
            if (frames++ >= LOOKED_AT) {
                return null;
            }
            if (frame.indexOf('\0') >= 0) {
                return "-- the server does not speak " + name(framer) + " framing; is it --framing length?";
            }
            if (!fixed) {
                return null;
            }
            text.append(frame);
            int newline = text.indexOf("\n");
            if (newline >= 0) {
                String first = text.substring(0, newline);
                return isRefusal(first) ? first
                        : "-- the server does not speak " + name(framer) + " framing; is it --framing delimiter?";
            }
            return null;
        }
    }
}
