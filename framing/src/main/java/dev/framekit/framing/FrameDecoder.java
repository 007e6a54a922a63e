package dev.framekit.framing;

import io.netty.buffer.ByteBuf;

/**
 * Finds frames in one connection's inbound bytes. Made by {@link Framer#newDecoder()}; holds
 * that connection's decode state; not thread-safe.
 *
 * <p><b>The contract.</b> {@link #decode} looks at the readable bytes of {@code in} and either
 * returns the next complete frame, consuming exactly the bytes of that frame (header, payload,
 * padding, delimiter) and nothing else, or returns {@code null} and consumes nothing, meaning
 * "need more bytes". {@code endOfStream} says whether more bytes can ever arrive. When it is
 * true: a stream that ended cleanly between frames yields {@code null}, meaning "no more
 * frames"; a stream that ended inside a frame throws {@link TruncatedFrameException}, which
 * says how many bytes came and how many were expected; for send-and-close the end of the stream
 * is the end of the message. A frame over the framer's maximum throws
 * {@link FrameTooLongException} as soon as that is known, before it is buffered whole. If that
 * exception is {@link FrameTooLongException#resumable() resumable}, later calls first discard the
 * rest of the oversized frame as it arrives (one of three cases in which a call that returns
 * {@code null} consumes bytes), then decode the next frame. The second case is a rule with
 * frames that carry no message for the caller: a WebSocket decoder consumes each control frame
 * (ping, pong, close) as it hands it to its listener, and each fragment of a message as it copies
 * it into the message it reassembles, so such a call may consume bytes and still return
 * {@code null}; a call right after it, with no new bytes, consumes nothing. The third case
 * follows.
 *
 * <p><b>A framing that ends before the stream does.</b> Some framings carry a bounded section of
 * the stream and then stop: a chunked HTTP body ends with its last chunk, and the bytes after it
 * belong to the next message and another framer. The call that reads the end of such a section
 * consumes the bytes that end it (the third case of a {@code null} that consumes), returns
 * {@code null}, and from then on {@link #isFinished()} is true and every call returns
 * {@code null}. A {@link FrameReader} reports it as the end of the frames without reading
 * further, and the caller switches framer for what follows. A decoder that wraps another
 * delegates {@code isFinished()} to it.
 *
 * <p>Between calls the caller may append bytes to {@code in} and may discard bytes before its
 * reader index, but must not otherwise change the readable bytes: a decoder remembers how far it
 * has scanned, so that <b>every inbound byte is examined O(1) times</b> however the stream is
 * split into reads.
 *
 * <p><b>Ownership.</b> The returned frame is a retained slice of {@code in}: it shares memory with
 * {@code in} (no copy) and the caller must {@link ByteBuf#release() release} it when done. While
 * it is unreleased, the bytes it covers must not be overwritten.
 */
public interface FrameDecoder {

    /**
     * Takes the next complete frame off the front of {@code in}, or returns {@code null} if more
     * bytes are needed (or, at the end of the stream, if there are no more frames).
     *
     * @param in the connection's buffered bytes; the frame's bytes are consumed from it
     * @param endOfStream true if no more bytes will ever be appended to {@code in}
     * @return the frame's payload as a retained slice that the caller must release, or
     *     {@code null}
     * @throws FrameTooLongException if the next frame is over the framer's maximum length
     * @throws TruncatedFrameException if {@code endOfStream} is true and {@code in} ends inside a
     *     frame
     * @throws FramingException for any other bytes that do not fit the framing rule
     */
    ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException;

    /**
     * Returns true once the framing's section of the stream has ended (a chunked body's last
     * chunk was read): no further frames come from this decoder, and the bytes after the section
     * are left in the buffer for another framer. Most framings run to the end of the stream and
     * never finish.
     *
     * @return whether this decoder has read the end of its section
     */
    default boolean isFinished() {
        return false;
    }
}
