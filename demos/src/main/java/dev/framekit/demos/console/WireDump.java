package dev.framekit.demos.console;

import dev.framekit.demos.options.OptionTerms;
import dev.framekit.demos.options.Framing;
import dev.framekit.framing.ChunkedFramer;
import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.FixedLengthFramer;
import dev.framekit.framing.Frame;
import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.NetstringFramer;
import dev.framekit.framing.MessageRefusedException;
import dev.framekit.framing.websocket.WebSocketFrame;
import dev.framekit.framing.websocket.WebSocketFramer;
import dev.framekit.framing.websocket.WebSocketOpcode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Renders a message as it travels on the wire under a framer: netty's pretty hex dump of the
 * whole frame, preceded by a line that says which bytes are header, payload, padding and
 * delimiter, and whether the frame is ended by the sender half-closing (the connection's encoder
 * is finished after it: send-and-close).
 */
public final class WireDump {
    private WireDump() {}

    /**
     * Returns the dump of {@code payload} framed by {@code framer}, e.g. for "hello" with a
     * length prefix: {@code [0-3] length header 00 00 00 05 (= 5) | [4-8] payload 5 bytes}.
     *
     * @param direction a short label such as "sent" or "received"
     */
    public static String of(String direction, Framer framer, byte[] payload) {
        if (framer instanceof WebSocketFramer sockets) {
            return webSocket(direction, sockets, sockets.sendsAs(), payload);
        }
        ByteBuf frame = Unpooled.buffer();
        try {
            FrameEncoder encoder = framer.newEncoder();
            encoder.encode(Unpooled.wrappedBuffer(payload), frame);
            String halfClose = encoder.isFinished() ? " | then the sender half-closes (FIN)" : "";
            return dump(direction, frame, parts(framer, payload) + halfClose);
        } catch (MessageRefusedException e) {
            return direction + ": " + OptionTerms.of(e.getMessage());
        } finally {
            frame.release();
        }
    }

    /**
     * Returns the dump of a frame this end decoded, as its peer framed it: {@link #of(String, Framer, Frame)}
     * with the peer's end of a WebSocket framing (masked if the peer is a client).
     *
     * @param direction a short label such as "received"
     * @param framer this end's framer
     * @param frame the decoded frame (not released)
     */
    public static String ofReceived(String direction, Framer framer, Frame frame) {
        if (framer instanceof WebSocketFramer sockets) {
            return of(direction, sockets.isClient() ? WebSocketFramer.server() : WebSocketFramer.client(), frame);
        }
        return of(direction, framer, frame);
    }

    /**
     * Returns the dump of a typed frame with what its header says: its own header fields (an MQTT
     * type byte, a gRPC Compressed-Flag, a ZMTP flags byte, the bytes before an offset length), not
     * the framing's defaults, e.g. {@code [0-0] header fields 32 | [1-1] vbi length header 05 (= 5)},
     * and a WebSocket frame with its own opcode.
     *
     * @param direction a short label such as "sent"
     * @param framer the framer that frames it
     * @param frame the frame (not released)
     */
    public static String of(String direction, Framer framer, Frame frame) {
        byte[] payload = ByteBufUtil.getBytes(frame.payload());
        if (framer instanceof WebSocketFramer sockets && frame instanceof WebSocketFrame typed) {
            return webSocket(direction, sockets, typed.opcode(), payload);
        }
        ByteBuf headerFields = frame.headerFields();
        if (!headerFields.isReadable()) {
            return of(direction, framer, payload);
        }
        ByteBuf wire = Unpooled.buffer();
        try {
            framer.newEncoder().encode(frame, wire);
            return dump(direction, wire, framer instanceof LengthPrefixFramer lengths
                    ? lengthHeader(lengths, ByteBufUtil.getBytes(headerFields), payload.length)
                    : encodedParts(framer.newEncoder(), headerFields, payload));
        } catch (MessageRefusedException e) {
            return direction + ": " + OptionTerms.of(e.getMessage());
        } finally {
            wire.release();
        }
    }

    private static String dump(String direction, ByteBuf frame, String parts) {
        return direction + " " + frame.readableBytes() + " bytes on the wire: " + parts + System.lineSeparator()
                + ByteBufUtil.prettyHexDump(frame);
    }

    /**
     * A WebSocket frame with {@code opcode}: FIN, the opcode, the mask bit and key, the length, then
     * the payload (masked when {@code framer} is a client's: the key is the one this dump drew).
     */
    private static String webSocket(String direction, WebSocketFramer framer, WebSocketOpcode opcode, byte[] payload) {
        ByteBuf frame = Unpooled.buffer();
        try {
            framer.newEncoder().encode(Unpooled.wrappedBuffer(payload), frame);
            frame.setByte(0, 0x80 | opcode.code());
            int header = frame.readableBytes() - payload.length;
            byte[] headerBytes = ByteBufUtil.getBytes(frame, 0, header);
            String mask = framer.isClient() ? "masked with key " + hex(java.util.Arrays.copyOfRange(headerBytes,
                    header - 4, header)) : "unmasked";
            return dump(direction, frame, range(0, header) + " header " + hex(headerBytes) + " (FIN, " + opcode + ", "
                    + mask + ", length " + payload.length + ") | " + payloadRange(header, payload.length)
                    + (framer.isClient() && payload.length > 0 ? ", masked" : ""));
        } catch (MessageRefusedException e) {
            return direction + ": " + OptionTerms.of(e.getMessage());
        } finally {
            frame.release();
        }
    }

    /**
     * Names the byte ranges of the frame carrying {@code payload}: the framers this class knows by
     * their parts, any other by what its encoder writes before, as and after the payload (COBS and
     * SLIP rewrite it: {@code [0-2] payload 2 bytes, 3 on the wire | [3-3] trailer 00}).
     */
    static String parts(Framer framer, byte[] payload) {
        if (framer instanceof LengthPrefixFramer || framer instanceof NetstringFramer || framer instanceof ChunkedFramer
                || framer instanceof FixedLengthFramer || framer instanceof DelimiterFramer
                || framer instanceof WebSocketFramer) {
            return parts(framer, payload.length);
        }
        FrameEncoder encoder = framer.newEncoder();
        String parts = encodedParts(encoder, Unpooled.EMPTY_BUFFER, payload);
        return parts == null ? parts(framer, payload.length) : parts; // null: send-and-close, exactly n bytes
    }

    /**
     * What {@code encoder} writes before (its first bytes the frame's own header fields, if any),
     * as and after the payload; {@code null} if it writes the payload alone, unchanged.
     */
    private static String encodedParts(FrameEncoder encoder, ByteBuf headerFields, byte[] payload) {
        ByteBuf header = Unpooled.buffer();
        ByteBuf body = Unpooled.buffer();
        ByteBuf trailer = Unpooled.buffer();
        try {
            encoder.writeHeader(headerFields, payload.length, header);
            encoder.writePayload(Unpooled.wrappedBuffer(payload), body);
            encoder.writeTrailer(payload.length, trailer);
            int f = headerFields.readableBytes();
            int h = header.readableBytes();
            int b = body.readableBytes();
            int t = trailer.readableBytes();
            if (h == 0 && t == 0 && encoder.sendsPayloadUnchanged()) {
                return null;
            }
            return (f == 0 ? "" : range(0, f) + " header fields " + hex(ByteBufUtil.getBytes(header, 0, f)) + " | ")
                    + (h == f ? "" : range(f, h - f) + " header " + hex(ByteBufUtil.getBytes(header, f, h - f)) + " | ")
                    + range(h, b) + " payload " + payload.length + " bytes, " + b + " on the wire"
                    + (t == 0 ? "" : " | " + range(h + b, t) + " trailer " + hex(ByteBufUtil.getBytes(trailer)));
        } finally {
            header.release();
            body.release();
            trailer.release();
        }
    }

    /** Names the byte ranges of a frame carrying {@code length} payload bytes. */
    static String parts(Framer framer, int length) {
        if (framer instanceof LengthPrefixFramer lengths) {
            return lengthHeader(lengths, null, length);
        }
        if (framer instanceof NetstringFramer netstrings) {
            int digits = netstrings.overhead(length) - 2;
            return range(0, digits) + " length \"" + length + "\" " + hex(Integer.toString(length).getBytes(
                    StandardCharsets.US_ASCII)) + " | " + range(digits, 1) + " colon 3a | "
                    + payloadRange(digits + 1, length) + " | " + range(digits + 1 + length, 1) + " comma 2c";
        }
        if (framer instanceof ChunkedFramer) {
            String size = Integer.toHexString(length);
            int header = size.length() + 2;
            return range(0, header) + " chunk size " + size + " (= " + length + ") CRLF | " + payloadRange(header, length)
                    + " | " + range(header + length, 2) + " CRLF";
        }
        if (framer.equals(Framers.exactly(Math.max(1, length)))) {
            return payloadRange(0, length) + ", exactly as announced (no framing bytes)";
        }
        if (framer instanceof FixedLengthFramer fixed) {
            int padding = fixed.frameSize() - length;
            return payloadRange(0, length) + " | " + (padding == 0 ? "no padding"
                    : range(length, padding) + " padding " + padding + " x " + String.format("0x%02x", fixed.padByte() & 0xff));
        }
        if (framer instanceof DelimiterFramer delimited) {
            int d = delimited.delimiter().length;
            return payloadRange(0, length) + " | " + range(length, d) + " delimiter " + ByteBufUtil.hexDump(delimited.delimiter());
        }
        return payloadRange(0, length);
    }

    /**
     * The length field of any variant: e.g. {@code [0-3] length header 00 00 00 05 (= 5)} for the
     * default, {@code [0-1] u16le length header 07 00 (= 7, counting the header)},
     * {@code [0-4] ascii:5 length header 30 30 30 30 35 "00005" (= 5)}, after the header fields
     * before an offset length ({@code null}: the framing's defaults).
     */
    private static String lengthHeader(LengthPrefixFramer lengths, byte[] headerFields, int length) {
        ByteBuf header = Unpooled.buffer();
        try {
            lengths.newEncoder().writeHeader(headerFields == null ? Unpooled.EMPTY_BUFFER
                    : Unpooled.wrappedBuffer(headerFields), length, header);
            int size = header.readableBytes();
            int offset = lengths.lengthFieldOffset();
            LengthField field = lengths.lengthField();
            long declared = (long) length - lengths.lengthAdjustment();
            String text = field.toString().startsWith("ascii")
                    ? " \"" + header.toString(offset, size - offset, StandardCharsets.US_ASCII) + "\"" : "";
            return (offset == 0 ? "" : range(0, offset) + " header fields " + hex(ByteBufUtil.getBytes(header, 0, offset))
                    + (headerFields == null ? " (the framing's default)" : "") + " | ")
                    + range(offset, size - offset) + (field.equals(LengthField.DEFAULT) ? "" : " " + field)
                    + " length header " + hex(ByteBufUtil.getBytes(header, offset, size - offset)) + text
                    + " (= " + declared + (lengths.lengthAdjustment() < 0 ? ", counting the header" : "") + ")"
                    + " | " + payloadRange(size, length);
        } finally {
            header.release();
        }
    }

    /** Bytes as spaced hex pairs, e.g. {@code 00 05}. */
    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(out.isEmpty() ? "" : " ").append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }

    private static String payloadRange(int start, int length) {
        return length == 0 ? "empty payload" : range(start, length) + " payload " + length + " bytes";
    }

    private static String range(int start, int length) {
        return "[" + start + "-" + (start + length - 1) + "]";
    }
}
