package dev.framekit.framing.websocket;

import dev.framekit.framing.FrameEncoder;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.function.IntSupplier;

/**
 * One WebSocket client connection's encoder: each frame gets a fresh masking key, written last
 * in the header, and the payload goes on the wire XORed with it (RFC 6455 section 5.3). The
 * payload is transformed, so it is copied through {@link #writePayload} and never sent straight
 * from the caller's memory ({@link #sendsPayloadUnchanged()} is false).
 */
final class MaskingEncoder implements FrameEncoder {
    /** Masking keys must be unpredictable to the page's script (RFC 6455 section 10.3). */
    static final IntSupplier SECURE_KEYS = new SecureRandom()::nextInt;

    private final WebSocketFramer framer;
    private final IntSupplier keys;
    /** The key of the frame whose header was written last. */
    private int key;

    MaskingEncoder(WebSocketFramer framer, IntSupplier keys) {
        this.framer = framer;
        this.keys = keys;
    }

    @Override
    public MessageRefusedException check(ByteBuf message) {
        return framer.refusal(message);
    }

    @Override
    public int overhead(int payloadLength) {
        return WebSocketFramer.headerLength(payloadLength, true);
    }

    @Override
    public void writeHeader(int payloadLength, ByteBuf out) {
        key = keys.getAsInt();
        WebSocketFramer.writeFrameHeader(framer.sendsAs(), payloadLength, true, key, out);
    }

    @Override
    public void writePayload(ByteBuf message, ByteBuf out) {
        int at = out.writerIndex();
        int length = message.readableBytes();
        out.writeBytes(message, message.readerIndex(), length);
        mask(out, at, length, key);
    }

    @Override
    public boolean sendsPayloadUnchanged() {
        return false;
    }

    /** Eight bytes of a heap buffer's array at a time, most significant first, as the key is applied. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * XORs {@code length} bytes of {@code buf} from {@code index} with the 4-byte key, in place:
     * byte {@code i} with key byte {@code i % 4}, most significant first. Masking twice unmasks.
     * A heap buffer's array is XORed eight bytes at a time (the key twice over, in one long),
     * without a call per word on the buffer; the rest, and buffers without an array, four and
     * then one at a time.
     *
     * @throws IndexOutOfBoundsException if the bytes are not all inside the buffer
     */
    static void mask(ByteBuf buf, int index, int length, int key) {
        if (index < 0 || length < 0 || index > buf.capacity() - length) {
            throw new IndexOutOfBoundsException("mask " + length + " bytes at " + index + " of a buffer of "
                    + buf.capacity());
        }
        int i = 0;
        if (buf.hasArray()) {
            byte[] array = buf.array();
            int at = buf.arrayOffset() + index;
            long keys = (key & 0xFFFFFFFFL) << 32 | (key & 0xFFFFFFFFL);
            for (; i + 8 <= length; i += 8) { // i stays a multiple of 4, so key byte 0 is still at i
                LONGS.set(array, at + i, (long) LONGS.get(array, at + i) ^ keys);
            }
        }
        for (; i + 4 <= length; i += 4) {
            buf.setInt(index + i, buf.getInt(index + i) ^ key);
        }
        for (; i < length; i++) {
            int keyByte = key >>> (8 * (3 - (i & 3)));
            buf.setByte(index + i, buf.getByte(index + i) ^ keyByte);
        }
    }

    @Override
    public String toString() {
        return "masking encoder for " + framer;
    }
}
