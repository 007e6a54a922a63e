package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import java.io.IOException;

/**
 * Receives frames from {@link FrameReader#readEach(FrameVisitor)}, one call per frame, without an
 * object made per frame: the reader lends each payload for the length of the call.
 *
 * <pre>{@code
 * long[] total = new long[1];
 * FrameVisitor counting = payload -> {          // made once, not per frame
 *     total[0] += payload.readableBytes();      // read it here; copy what you keep
 *     return true;                              // false: stop after this frame
 * };
 * while (reader.readEach(counting) > 0) {       // every frame each read brought in
 * }
 * }</pre>
 *
 * <p><b>The payload is lent, valid only during the call.</b> Its readable bytes are the frame's
 * payload. For the framings whose payloads lie in the reader's buffer unchanged (length prefix,
 * fixed length) it is one view of that buffer, reused for every frame and emptied after each call;
 * for the others it is a slice the reader releases after the call. Either way, <b>do not keep it,
 * {@link ByteBuf#retain() retain} it or {@link ByteBuf#release() release} it</b> (the reader
 * throws {@link IllegalStateException} if its buffer's reference count changed during the call),
 * and do not write into it. To keep a payload, copy it: {@link io.netty.buffer.ByteBufUtil#getBytes(ByteBuf)}
 * or {@link ByteBuf#copy()}. Moving the payload's own reader index is fine.
 *
 * <p>The visitor may switch the reader's {@link FrameReader#framer(Framer) framer} (the next frame
 * is read with the new rule) but must not read from the reader.
 */
@FunctionalInterface
public interface FrameVisitor {

    /**
     * Takes one frame's payload.
     *
     * @param payload the payload, lent until this call returns; its readable bytes are the frame's
     * @return true to go on with the next buffered frame, false to stop after this one (the rest
     *     stay buffered for the next read)
     * @throws IOException to stop reading; the frame counts as read, and the exception is thrown
     *     from {@code readEach}
     */
    boolean frame(ByteBuf payload) throws IOException;
}
