package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A framing rule: how one message is marked on a TCP byte stream so the receiver can find where
 * it ends.
 *
 * <p>A framer is <b>immutable and thread-safe</b>; one instance can be a constant shared by any
 * number of connections. Whatever a connection must remember between reads (how far a delimiter
 * scan has got, whether the one message has been delivered) lives in the {@link FrameDecoder}
 * that {@link #newDecoder()} makes for that connection.
 *
 * <p>framekit ships four rules, made by {@link Framers}:
 *
 * <pre>
 * fixed-length padded   Framers.fixedLength(8).pad('#')   "hi"  -&gt; 68 69 23 23 23 23 23 23
 * delimiter             Framers.delimiter("#*#")          "hi"  -&gt; 68 69 23 2a 23
 * length prefix         Framers.lengthPrefixed()          "hi"  -&gt; 00 00 00 02 68 69
 * send-and-close        Framers.sendAndClose()            "hi"  -&gt; 68 69, then the sender half-closes
 * </pre>
 *
 * <p><b>Encoding never alters a message.</b> A message the rule cannot carry losslessly is
 * refused with a {@link MessageRefusedException} before anything is written.
 *
 * <p><b>Every framer is bounded.</b> {@link #maxFrameLength()} (1 MiB unless configured) caps the
 * frames a decoder accepts; a longer frame fails with {@link FrameTooLongException} before it is
 * buffered, so a peer cannot make the receiver allocate without bound.
 *
 * <p>Most programs do not call a framer directly: {@link FrameReader}, {@link FrameWriter} and
 * {@link FramedConnection} run one over a stream or a socket.
 */
public interface Framer {

    /**
     * Appends one framed message to {@code out}: the message's readable bytes plus whatever the
     * rule adds (a header, padding, a delimiter). The message's indices are not changed, and the
     * caller keeps ownership of both buffers.
     *
     * @param message the message; its readable bytes are the payload
     * @param out the buffer to append the frame to
     * @throws MessageRefusedException if the rule cannot carry this message losslessly; nothing
     *     has been written to {@code out}
     */
    void encode(ByteBuf message, ByteBuf out) throws MessageRefusedException;

    /**
     * Appends one framed message to {@code out}; see {@link #encode(ByteBuf, ByteBuf)}.
     *
     * @param message the payload bytes (not modified)
     * @param out the buffer to append the frame to
     * @throws MessageRefusedException if the rule cannot carry this message losslessly; nothing
     *     has been written to {@code out}
     */
    default void encode(byte[] message, ByteBuf out) throws MessageRefusedException {
        encode(Unpooled.wrappedBuffer(message), out);
    }

    /**
     * Makes the decoder for one connection. Decoders hold per-connection state and are not
     * shared between connections or threads.
     *
     * @return a new decoder positioned at the start of a stream
     */
    FrameDecoder newDecoder();

    /**
     * Returns the largest frame payload, in bytes, that this framer's decoders accept and its
     * encoder writes.
     *
     * @return the maximum frame length in bytes
     */
    int maxFrameLength();

    /**
     * Returns true if this rule carries a single message per connection, ended by the sender
     * half-closing its side (send-and-close). A {@link FrameWriter} then refuses a second
     * message, and {@link FramedConnection#send(byte[])} half-closes after sending.
     *
     * @return whether a connection carries exactly one message in each direction
     */
    default boolean oneMessagePerConnection() {
        return false;
    }
}
