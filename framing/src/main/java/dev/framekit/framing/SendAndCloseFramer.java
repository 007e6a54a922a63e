package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * Send-and-close: a connection carries one message each way, and the end of the stream ends it.
 * The sender writes the payload and half-closes its output; the receiver reads to the end of
 * the stream. Python's {@code sock.sendall(data); sock.shutdown(socket.SHUT_WR)}, answered on
 * the same connection.
 *
 * <pre>
 * Framers.sendAndClose(), message "hello":
 *
 *   BEFORE (message)                  AFTER (on the wire)
 *   +----+----+----+----+----+        +----+----+----+----+----+-----+
 *   | 68 | 65 | 6c | 6c | 6f |  ---&gt;  | 68 | 65 | 6c | 6c | 6f | FIN |
 *   | h  | e  | l  | l  | o  |        | h  | e  | l  | l  | o  |     |
 *   +----+----+----+----+----+        +----+----+----+----+----+-----+
 *                                       payload                 half-close
 * </pre>
 *
 * <p>Binary-safe and free of framing bytes, but it costs a TCP connection (a handshake and a
 * teardown) per message. A stream that ends with no bytes at all is the empty message. A
 * connection cannot carry a second message: the connection's {@link FrameEncoder} (from
 * {@link #newEncoder()}) refuses it, and is then finished, so {@link FramedConnection#send(byte[])}
 * half-closes the output after the one message. The receiver
 * buffers the message until the end of the stream, and fails with {@link FrameTooLongException}
 * once more than {@link #maxFrameLength()} bytes have arrived; a peer that closes the connection
 * abruptly (a reset) is not mistaken for a complete message, because the reset surfaces as an
 * {@link java.io.IOException} from the stream rather than an end of stream.
 */
final class SendAndCloseFramer implements Framer {
    private final int maxFrameLength;
    static final SendAndCloseFramer DEFAULT = new SendAndCloseFramer(FrameLimits.DEFAULT_MAX_FRAME_LENGTH);

    private SendAndCloseFramer(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    /** {@link Framers#sendAndClose(int)}. */
    static SendAndCloseFramer withMax(int maxFrameLength) {
        return new SendAndCloseFramer(FrameLimits.checkMaxFrameLength(maxFrameLength, "send-and-close"));
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /**
     * Returns a new encoder for one connection: it writes one message, then refuses a second and
     * reports {@link FrameEncoder#isFinished() finished}, so the connection half-closes.
     */
    @Override
    public FrameEncoder newEncoder() {
        return FrameEncoder.oneMessage(new Encoder());
    }

    @Override
    public FrameDecoder newDecoder() {
        return new Decoder(maxFrameLength());
    }

    /** Describes the rule, e.g. {@code send-and-close(max 1048576 bytes)}. */
    @Override
    public String toString() {
        return "send-and-close(max " + maxFrameLength() + " bytes)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SendAndCloseFramer that && maxFrameLength == that.maxFrameLength;
    }

    @Override
    public int hashCode() {
        return maxFrameLength;
    }

    /** One connection's decoder: waits for the end of the stream, once. */
    private static final class Decoder implements FrameDecoder {
        private final int max;
        private boolean delivered;

        Decoder(int max) {
            this.max = max;
        }

        @Override
        public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
            if (delivered) {
                return null;
            }
            int readable = in.readableBytes();
            if (readable > max) {
                throw new FrameTooLongException("send-and-close: more than " + max
                        + " bytes arrived before the end of the stream; the maximum message length is " + max
                        + " bytes (raise it with Framers.sendAndClose(maxFrameLength) if the peer is legitimate): "
                        + HexPreview.of(in, in.readerIndex(), max + 1), (long) max + 1, max);
            }
            if (!endOfStream) {
                return null;
            }
            delivered = true;
            return in.readRetainedSlice(readable);
        }
    }

    /** The encoder: this rule's refusals, header and trailer; it keeps no state, so one is shared. */
    private final class Encoder implements FrameEncoder {
        /** Refuses a message over the maximum; any bytes are fine. */
        @Override
        public MessageRefusedException check(ByteBuf message) {
            return FrameLimits.refuseOverMaximum(message, maxFrameLength, "send-and-close");
        }

        /** Returns 0: the end of the stream, not a byte, ends the message. */
        @Override
        public int overhead(int payloadLength) {
            return 0;
        }

        @Override
        public String toString() {
            return SendAndCloseFramer.this.toString();
        }
    }
}
