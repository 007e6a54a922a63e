package dev.framekit.demos.chat.client;

import dev.framekit.demos.options.Escapes;
import dev.framekit.demos.chat.room.Signal;
import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.ForwardingFramer;
import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * How chat-client tells that the server speaks another framing, and says so in one line instead
 * of reconnecting (trying again cannot help). As a framer, one per connection, it reads with the
 * client's framer and keeps the server's first bytes until its first frame: when none ever
 * completes, they show what the server speaks ({@link #fromFirstBytes}).
 */
final class WrongFraming extends ForwardingFramer {
    /** How many first bytes are kept: enough for a server's refusal line. */
    private static final int KEPT = 512;

    /** The first byte of a TLS alert record (then 3 and the minor version): a TLS server refusing plaintext. */
    private static final byte TLS_ALERT = 0x15;

    /** The first byte of a TLS handshake record. */
    private static final byte TLS_HANDSHAKE = 0x16;

    /** What the client says when a TLS record comes back to a plaintext client. */
    static final String SPEAKS_TLS = "-- the server speaks TLS: add --tls-fingerprint FP (the fingerprint on its banner),"
            + " or leave out --host and --framing to find it on the LAN";

    /** Whether three bytes start a TLS record: an alert or a handshake, version 3.x. */
    private static boolean isTlsRecord(int type, int major, int minor) {
        return (type == TLS_ALERT || type == TLS_HANDSHAKE) && major == 3 && minor >= 0 && minor <= 4;
    }

    private volatile byte[] seen = new byte[0];
    private volatile boolean framed;

    WrongFraming(Framer framer) {
        super(framer);
    }

    @Override
    public FrameDecoder newDecoder() {
        FrameDecoder real = delegate().newDecoder();
        return new FrameDecoder() {
            @Override
            public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
                if (!framed) {
                    byte[] first = new byte[Math.min(in.readableBytes(), KEPT)];
                    in.getBytes(in.readerIndex(), first);
                    seen = first;
                }
                ByteBuf frame = real.decode(in, endOfStream);
                framed |= frame != null;
                return frame;
            }

            @Override
            public boolean isFinished() {
                return real.isFinished();
            }
        };
    }

    /** The line to give up with after {@code e}, or null once a frame came (the error is then the server's own). */
    String after(FramingException e) {
        if (framed) {
            return null;
        }
        String guess = fromFirstBytes(seen, delegate());
        return guess != null ? guess : after(e, delegate());
    }

    /** The line to give up with when {@code pending} bytes made no first frame and stopped coming. */
    String stalled(int pending) {
        String guess = fromFirstBytes(seen, delegate());
        return guess != null ? guess : "-- the server sent " + pending + " bytes that make no " + name(delegate())
                + " frame; check its --framing (its start-up line says it)";
    }

    /** The line for a framing error before the first frame; the length framer's own hint says when it read text. */
    static String after(FramingException e, Framer framer) {
        return notSpoken(name(framer), e.getMessage().contains("reads as text")
                ? "is it --framing delimiter?" : "check its --framing (its start-up line says it)");
    }

    private static String notSpoken(String framing, String guess) {
        return "-- the server does not speak " + framing + " framing; " + guess;
    }

    /**
     * The line for a server whose first bytes never made a frame: its own refusal, if they are
     * one, else a guess from what they look like; null if they show nothing.
     */
    static String fromFirstBytes(byte[] seen, Framer framer) {
        if (seen.length >= 3 && isTlsRecord(seen[0], seen[1], seen[2])) {
            return SPEAKS_TLS;
        }
        String text = new String(seen, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        if (text.startsWith(Signal.REFUSED)) {
            return end < 0 ? text + "\u2026" : text.substring(0, end);
        }
        boolean zero = text.indexOf('\0') >= 0;
        String described = framer instanceof DelimiterFramer delimiter
                ? name(framer) + " " + Escapes.quoted(delimiter.delimiter()) : name(framer);
        if (end > 0 && !zero && (framer instanceof DelimiterFramer || name(framer).startsWith("fixed"))) {
            return notSpoken(described, "it sends lines ending in \\n: is it --framing delimiter --delimiter '\\n'?");
        }
        return zero && seen.length >= 4 && seen[0] == 0 ? notSpoken(described, "is it --framing length?") : null;
    }

    /** The line for a reply that does not look like chat at all on send-and-close framing. */
    static String unexpectedReply(String reply, Framer framer) {
        if (reply.length() >= 3 && isTlsRecord(reply.charAt(0), reply.charAt(1), reply.charAt(2))) {
            return SPEAKS_TLS; // its alert refusing plaintext, read as a line: it ends in 0x0a
        }
        return notSpoken(name(framer), reply.indexOf('\0') >= 0 ? "is it --framing length?"
                : reply.startsWith("-- ") ? "is it --framing delimiter?" : "check its --framing");
    }

    /** The short name of {@code framer}'s framing: {@code length-prefix}, {@code delimiter}, ... */
    static String name(Framer framer) {
        String described = framer.toString();
        int paren = described.indexOf('(');
        return paren < 0 ? described : described.substring(0, paren);
    }
}
