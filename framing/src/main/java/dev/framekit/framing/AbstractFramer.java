package dev.framekit.framing;

import io.netty.buffer.ByteBuf;

/**
 * The shape shared by framekit's own framers: a check, then prefix + payload + suffix. Splitting
 * encoding into these steps lets {@link FrameWriter} send a large payload straight from the
 * caller's memory to the stream instead of copying it into its batch buffer first.
 */
abstract class AbstractFramer implements Framer {
    private final int maxFrameLength;

    AbstractFramer(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    public final int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public final void encode(ByteBuf message, ByteBuf out) throws MessageRefusedException {
        int length = message.readableBytes();
        checkEncodable(message);
        out.ensureWritable(length + overhead(length));
        writePrefix(length, out);
        out.writeBytes(message, message.readerIndex(), length);
        writeSuffix(length, out);
    }

    /** Throws if the message's readable bytes cannot be carried losslessly; writes nothing. */
    abstract void checkEncodable(ByteBuf message) throws MessageRefusedException;

    /** Bytes the rule adds around a payload of {@code length} bytes. */
    abstract int overhead(int length);

    /** Writes what precedes a payload of {@code length} bytes (a header), if anything. */
    void writePrefix(int length, ByteBuf out) {}

    /** Writes what follows a payload of {@code length} bytes (padding, a delimiter), if anything. */
    void writeSuffix(int length, ByteBuf out) {}

    /** Refuses messages over the maximum; the common first check of every framer. */
    final void checkMaxLength(ByteBuf message, String framerName) throws MessageRefusedException {
        int length = message.readableBytes();
        if (length > maxFrameLength) {
            throw new MessageRefusedException(
                    framerName + ": message is " + length + " bytes, over the maximum frame length of "
                            + maxFrameLength + " bytes; raise it with maxFrameLength(n) on both sides: "
                            + HexPreview.of(message, message.readerIndex(), length),
                    length);
        }
    }
}
