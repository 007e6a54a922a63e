package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * The bridge for a framer written against 0.1, which implements only
 * {@link Framer#encode(ByteBuf, ByteBuf)}: it encodes each message whole into a scratch buffer,
 * then hands out the bytes before the payload as the header and the bytes after it as the
 * trailer. Any offset at which the payload occurs in the frame splits it correctly, since header,
 * payload and trailer then spell the frame exactly. It costs a copy per message; a framer that
 * implements the parts and {@link Framer#newEncoder()} does not need it. One connection's
 * encoder; removed when the parts become abstract.
 */
final class WholeFrameEncoder implements FrameEncoder {
    private final Framer framer;
    /** The message last accepted by {@link #check}, framed whole; null between messages. */
    private ByteBuf frame;
    private int headerLength;

    WholeFrameEncoder(Framer framer) {
        this.framer = framer;
    }

    @Override
    public MessageRefusedException check(ByteBuf message) {
        release();
        ByteBuf whole = Unpooled.buffer();
        try {
            framer.encode(message, whole);
        } catch (MessageRefusedException refusal) {
            whole.release();
            return refusal;
        }
        int at = indexOf(whole, message);
        if (at < 0) {
            whole.release();
            throw new IllegalStateException(framer + ": encode altered the message (its bytes are not in the frame)");
        }
        frame = whole;
        headerLength = at;
        return null;
    }

    @Override
    public void writeHeader(int payloadLength, ByteBuf out) {
        out.writeBytes(frame, 0, headerLength);
    }

    @Override
    public void writeTrailer(int payloadLength, ByteBuf out) {
        int after = headerLength + payloadLength;
        out.writeBytes(frame, after, frame.writerIndex() - after);
        release();
    }

    private void release() {
        if (frame != null) {
            frame.release();
            frame = null;
        }
    }

    /** The first offset at which the payload's readable bytes occur in the frame, or -1. */
    private static int indexOf(ByteBuf frame, ByteBuf payload) {
        int length = payload.readableBytes();
        for (int at = 0; at + length <= frame.writerIndex(); at++) {
            if (ByteBufUtil.equals(frame, at, payload, payload.readerIndex(), length)) {
                return at;
            }
        }
        return -1;
    }
}
