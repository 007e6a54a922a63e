package dev.framekit.framing.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** A short, capped hex-and-text rendering of bytes, for error messages. */
public final class HexPreview {
    /** At most this many bytes are shown; longer spans end with an ellipsis and a count. */
    public static final int MAX_BYTES = 16;

    private HexPreview() {}

    /**
     * Renders up to {@link #MAX_BYTES} bytes of {@code buf} from {@code index}, e.g.
     * {@code 47 45 54 20 |GET |} or {@code 00 01 ff … (+1021 bytes) |...|}. Does not move the
     * buffer's indices.
     */
    public static String of(ByteBuf buf, int index, int length) {
        int shown = Math.min(length, MAX_BYTES);
        if (shown <= 0) {
            return "(no bytes)";
        }
        String hex = ByteBufUtil.hexDump(buf, index, shown);
        StringBuilder out = new StringBuilder(shown * 4 + 24);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(hex, i, i + 2);
        }
        if (length > shown) {
            out.append(" … (+").append(length - shown).append(" bytes)");
        }
        out.append(" |");
        for (int i = 0; i < shown; i++) {
            out.append(printable(buf.getByte(index + i)));
        }
        return out.append('|').toString();
    }

    /** True when every byte is printable ASCII: text where binary was expected. */
    public static boolean isPrintableAscii(ByteBuf buf, int index, int length) {
        for (int i = 0; i < length; i++) {
            byte b = buf.getByte(index + i);
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return length > 0;
    }

    /** A Java-style escaped rendering of a short byte sequence, e.g. {@code "#*#"} or {@code "\r\n"}. */
    public static String quoted(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 2).append('"');
        for (byte b : bytes) {
            switch (b) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> out.append("\\0");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (b >= 0x20 && b <= 0x7e) {
                        out.append((char) b);
                    } else {
                        out.append(String.format("\\x%02x", b & 0xff));
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Describes one byte, e.g. {@code 0x23 '#'} or {@code 0x00}. */
    public static String describeByte(byte b) {
        String hex = String.format("0x%02x", b & 0xff);
        return (b >= 0x20 && b <= 0x7e) ? hex + " '" + (char) b + "'" : hex;
    }

    private static char printable(byte b) {
        return (b >= 0x20 && b <= 0x7e) ? (char) b : '.';
    }
}
