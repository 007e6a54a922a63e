package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Objects;

/**
 * A frame as its decoder found it: the payload, what the frame's header said besides the length
 * (its <i>header fields</i>: a type, flags, a tag), or that an oversized frame was skipped.
 * {@link FrameDecoder#decodeFrame} and {@link FrameReader#read()} hand these out; the plain
 * {@link FrameDecoder#decode} and {@link FrameReader#readFrame()} hand out the payload alone, and
 * cost nothing more, for framings whose frames are only payload.
 *
 * <pre>
 * a frame whose header is only a length       00 00 00 02 68 69     header fields: none, payload "hi"
 * a frame with a type byte before the length  03 00 02 68 69        header fields: 03,   payload "hi"
 * a WebSocket text message                    81 02 68 69           a WebSocketFrame: TEXT, payload "hi"
 * </pre>
 *
 * <p><b>Ownership.</b> The payload is a retained slice of the connection's buffer (or a buffer the
 * decoder assembled); the caller {@link #release() releases} the frame when done. The header
 * fields are a copy and need no release.
 *
 * <p><b>Skipped frames.</b> A framing told to skip oversized frames (a length prefix under
 * {@link OversizePolicy#SKIP}, an over-long line on the delimiter framer) reports each one as a
 * frame that {@link #isSkipped() is skipped}: no payload, and {@link #skipReason()} says which
 * frame, how long, and the limit. Reading goes on with the next frame.
 *
 * <p>Protocol packages add typed accessors in a subclass ({@code WebSocketFrame} has the opcode
 * and the close code).
 */
public class Frame {
    private final ByteBuf headerFields;
    private final ByteBuf payload;
    private final FrameTooLongException skipReason;

    /**
     * Creates a frame; subclasses in protocol packages add typed accessors.
     *
     * @param headerFields what the header said besides the length (empty for none); not released
     * @param payload the payload, which this frame owns
     */
    protected Frame(ByteBuf headerFields, ByteBuf payload) {
        this(headerFields, payload, null);
    }

    private Frame(ByteBuf headerFields, ByteBuf payload, FrameTooLongException skipReason) {
        this.headerFields = Objects.requireNonNull(headerFields, "headerFields");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.skipReason = skipReason;
    }

    /**
     * A frame whose header said nothing but its length.
     *
     * @param payload the payload, which the frame owns
     * @return the frame
     */
    public static Frame of(ByteBuf payload) {
        return new Frame(Unpooled.EMPTY_BUFFER, payload);
    }

    /**
     * A frame with header fields.
     *
     * @param headerFields the header's bytes besides the length, copied by the decoder
     * @param payload the payload, which the frame owns
     * @return the frame
     */
    public static Frame of(ByteBuf headerFields, ByteBuf payload) {
        return new Frame(headerFields, payload);
    }

    /**
     * The outcome of an oversized frame that the decoder skipped.
     *
     * @param reason what was skipped: the declared or seen length, the limit
     * @return a frame with no payload that {@link #isSkipped() is skipped}
     */
    public static Frame skipped(FrameTooLongException reason) {
        return new Frame(Unpooled.EMPTY_BUFFER, Unpooled.EMPTY_BUFFER, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Returns the payload. The frame owns it; read it before {@link #release()}.
     *
     * @return the payload (empty for a skipped frame)
     */
    public ByteBuf payload() {
        return payload;
    }

    /**
     * Returns what the header said besides the length: the bytes before an offset length field,
     * a type and flags byte. Framings whose header is only a length return an empty buffer.
     *
     * @return the header fields, read-only by convention
     */
    public ByteBuf headerFields() {
        return headerFields;
    }

    /**
     * Returns whether this is an oversized frame the decoder skipped rather than a frame.
     *
     * @return true for a skipped frame
     */
    public boolean isSkipped() {
        return skipReason != null;
    }

    /**
     * Returns whether this frame is about the connection rather than a message (a WebSocket ping,
     * pong or close). The payload path ({@link FrameDecoder#decode}) consumes such a frame without
     * handing it out; a caller of {@link FrameDecoder#decodeFrame} that wants messages only drops
     * it the same way, and one that speaks the protocol answers it.
     *
     * @return true for a control frame; false for a message and for a skipped frame
     */
    public boolean isControl() {
        return false;
    }

    /**
     * Returns why the frame was skipped: its length and the limit, with a preview of its header.
     *
     * @return the reason, or {@code null} if the frame was not skipped
     */
    public FrameTooLongException skipReason() {
        return skipReason;
    }

    /** Releases the payload. */
    public void release() {
        payload.release();
    }

    /** Describes the frame, e.g. {@code frame(header 03, 2 bytes)} or {@code skipped frame(...)}. */
    @Override
    public String toString() {
        if (skipReason != null) {
            return "skipped frame(" + skipReason.frameLength() + " bytes, over " + skipReason.maxFrameLength() + ")";
        }
        return "frame(" + (headerFields.isReadable()
                ? "header " + HexPreview.of(headerFields, headerFields.readerIndex(), headerFields.readableBytes()) + ", "
                : "") + payload.readableBytes() + " bytes)";
    }
}
