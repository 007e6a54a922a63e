package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * The encoder of a {@link DelimiterFramer} with {@link LineRule line options}: it sends the first
 * delimiter after each message, or, when the delimiter is kept, the message as it is (it must end
 * with a delimiter). It keeps no state, so one is shared.
 */
final class LineEncoder implements FrameEncoder {
    private final DelimiterFramer framer;
    private final LineRule rule;

    LineEncoder(DelimiterFramer framer, LineRule rule) {
        this.framer = framer;
        this.rule = rule;
    }

    @Override
    public MessageRefusedException check(ByteBuf message) {
        if (!rule.keepDelimiter) {
            MessageRefusedException overMaximum = FrameLimits.refuseOverMaximum(message, framer.maxFrameLength(), "delimiter");
            if (overMaximum != null) {
                return overMaximum;
            }
        }
        String why = rule.refusal(message);
        if (why != null) {
            return new MessageRefusedException("delimiter: " + why + " (" + rule.describe() + "): "
                    + HexPreview.of(message, message.readerIndex(), message.readableBytes()), message.readableBytes());
        }
        // A kept delimiter is not counted: the maximum is the line's, as the receiver counts it.
        int length = message.readableBytes();
        int line = rule.keepDelimiter ? length - rule.endingLength(message) : length;
        if (line <= framer.maxFrameLength()) {
            return null;
        }
        return new MessageRefusedException("delimiter: message is " + length + " bytes, a line of " + line
                + " and its delimiter, over the maximum frame length of " + framer.maxFrameLength()
                + " bytes; raise it with withMaxFrameLength(n) on both sides: "
                + HexPreview.of(message, message.readerIndex(), length), length);
    }

    /** The first delimiter's length, or nothing when the message carries its own. */
    @Override
    public int overhead(int payloadLength) {
        return rule.keepDelimiter ? 0 : rule.delimiters[0].length;
    }

    @Override
    public void writeTrailer(int payloadLength, ByteBuf out) {
        if (!rule.keepDelimiter) {
            out.writeBytes(rule.delimiters[0]);
        }
    }

    @Override
    public String toString() {
        return framer.toString();
    }
}
