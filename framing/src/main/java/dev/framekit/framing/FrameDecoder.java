package dev.framekit.framing;

import io.netty.buffer.ByteBuf;

/**
 * Finds frames in one connection's inbound bytes. Made by {@link Framer#newDecoder()}; holds
 * that connection's decode state; not thread-safe.
 *
 * <p><b>The contract.</b> {@link #decode} looks at the readable bytes of {@code in} and either
 * returns the next complete frame, consuming exactly the bytes of that frame (header, payload,
 * padding, delimiter), or returns {@code null}. <b>One rule for {@code null}:</b> if the call
 * consumed bytes, it made progress without a frame for the caller (it discarded part of a skipped
 * frame, took a WebSocket control frame or fragment, read the end of a section), and the caller
 * calls again; if it consumed nothing, it needs more bytes, or, when {@code endOfStream} is true,
 * there are no more frames. (Go's {@code bufio.SplitFunc} has the same rule.)
 *
 * <p><b>The end of the stream.</b> {@code endOfStream} says whether more bytes can ever arrive. A
 * stream that ended cleanly between frames yields {@code null}; a stream that ended inside a frame
 * throws {@link TruncatedFrameException}, which says how many bytes came and how many were
 * expected; for send-and-close the end of the stream is the end of the message.
 *
 * <p><b>Limits.</b> A frame over the framer's maximum throws {@link FrameTooLongException} as soon
 * as that is known, before it is buffered whole. A framing that can find the next frame without
 * the oversized one may skip it instead (the delimiter framer, a length prefix under
 * {@link OversizePolicy#SKIP}): {@link #decodeFrame} then returns a {@link Frame#isSkipped()
 * skipped} frame, and {@link #decode}, which can only return a payload, throws the
 * {@code FrameTooLongException}; either way the next call discards the rest of that frame as it
 * arrives and goes on. A framing that finds the next frame by itself after a damaged one (COBS,
 * SLIP, JSON text sequences, a CRC-32C trailer told to skip) throws the damaged frame's
 * {@link FramingException} from both methods, once, and the next call goes on with the next frame.
 *
 * <p><b>Typed frames.</b> {@link #decodeFrame} returns the frame with what its header said
 * besides the length (a WebSocket opcode, a type byte), and skipped frames as outcomes. Framings
 * whose frames are only payload need not implement it: the default wraps {@link #decode}, and a
 * caller that wants only payloads calls {@code decode}, which allocates nothing per frame.
 *
 * <p><b>A framing that ends before the stream does.</b> Some framings carry a bounded section of
 * the stream and then stop: a chunked HTTP body ends with its last chunk, and the bytes after it
 * belong to the next message and another framer. The call that reads the end of such a section
 * consumes the bytes that end it and returns {@code null}; from then on {@link #isFinished()} is
 * true and every call returns {@code null}. A {@link FrameReader} reports it as the end of the
 * frames without reading further, and the caller switches framer for what follows. A decoder that
 * wraps another delegates {@code isFinished()} to it.
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
     * @throws FrameTooLongException if the next frame is over the framer's maximum length (for a
     *     framing that skips it, decoding goes on at the next call)
     * @throws TruncatedFrameException if {@code endOfStream} is true and {@code in} ends inside a
     *     frame
     * @throws FramingException for any other bytes that do not fit the framing rule
     */
    ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException;

    /**
     * Takes the next complete frame off the front of {@code in} with what its header said, under
     * the same contract as {@link #decode}; an oversized frame the framing skips is returned as a
     * {@link Frame#isSkipped() skipped} frame, not thrown. The default wraps {@link #decode}: a
     * frame {@code decode} throws as skipped (framekit's skipping decoders, or a decorator that
     * passes on what they throw) comes back as that outcome.
     *
     * @param in the connection's buffered bytes; the frame's bytes are consumed from it
     * @param endOfStream true if no more bytes will ever be appended to {@code in}
     * @return the frame, which the caller must {@link Frame#release() release}, or {@code null}
     * @throws FrameTooLongException if the next frame is over the framer's maximum length and the
     *     framing does not skip it
     * @throws TruncatedFrameException if {@code endOfStream} is true and {@code in} ends inside a
     *     frame
     * @throws FramingException for any other bytes that do not fit the framing rule
     */
    default Frame decodeFrame(ByteBuf in, boolean endOfStream) throws FramingException {
        ByteBuf payload;
        try {
            payload = decode(in, endOfStream);
        } catch (FrameTooLongException e) {
            if (e.isSkipped()) {
                return Frame.skipped(e); // decoding goes on: the decoder skipped the frame
            }
            throw e;
        }
        return payload == null ? null : Frame.of(payload);
    }

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

    /**
     * Returns the capacity of the buffers this decoder holds besides the connection's buffer (a
     * WebSocket message being reassembled from its fragments), so that whoever counts the
     * connection's memory counts them too: the reader adds it to the capacity it reports
     * ({@link FrameReader#onBufferResized}). Most decoders hold nothing of their own: 0.
     *
     * @return the bytes this decoder holds now
     */
    default int heldCapacity() {
        return 0;
    }
}
