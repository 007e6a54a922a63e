package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A framing rule: how one message is marked on a TCP byte stream so the receiver can find where
 * it ends.
 *
 * <p>A framer is <b>immutable and thread-safe</b>; one instance can be a constant shared by any
 * number of connections. Whatever a connection must remember (how far a delimiter scan has got,
 * whether its one message has been sent or delivered) lives in the {@link FrameEncoder} and the
 * {@link FrameDecoder} that {@link #newEncoder()} and {@link #newDecoder()} make for that
 * connection.
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
 * <p><b>Encoding is one public contract.</b> A frame is a header, the payload, a trailer:
 * {@link #check} says whether a message can be carried (and writes nothing),
 * {@link #writeHeader} and {@link #writeTrailer} write what goes before and after the payload,
 * {@link #overhead} says how many bytes they add. {@link #encode(ByteBuf, ByteBuf)} is those
 * steps in order, and {@link FrameWriter} uses the same steps (through {@link #newEncoder()}) to
 * send a large payload without copying it; nothing in framekit reaches past this interface.
 *
 * <p><b>Encoding never alters a message.</b> A message the rule cannot carry losslessly is
 * refused with a {@link MessageRefusedException} before anything is written. Ask first with
 * {@link #check(ByteBuf)} instead of encoding into a scratch buffer.
 *
 * <p><b>Every framer is bounded.</b> {@link #maxFrameLength()} (1 MiB unless configured, see
 * {@link FrameLimits}) caps the frames a decoder accepts; a longer frame fails with
 * {@link FrameTooLongException} before it is buffered, so a peer cannot make the receiver
 * allocate without bound.
 *
 * <p><b>Users may implement this interface.</b> A framer of your own implements {@link #check},
 * {@link #overhead}, {@link #writeHeader}, {@link #writeTrailer}, {@link #newEncoder()} (usually
 * {@code FrameEncoder.of(this)}, or {@link FrameEncoder#oneMessage(Framer)} for a rule with one
 * message per connection), {@link #newDecoder()} and {@link #maxFrameLength()}; it then gets the
 * stream layer's batching and zero-copy writes like framekit's own. Do not override
 * {@code encode}: it must stay the parts in order. A framer that wraps another (to log, to count)
 * delegates {@code newEncoder()} and {@code newDecoder()} to it, and so keeps its per-connection
 * rules. Check your framer with {@code dev.framekit.framing.testing.FramerConformance} from the
 * {@code framing} test-jar, the suite framekit's own framers pass.
 *
 * <p>Most programs do not call a framer directly: {@link FrameReader}, {@link FrameWriter} and
 * {@link FramedConnection} run one over a stream or a socket.
 */
public interface Framer {

    /**
     * Says whether this rule can carry {@code message} losslessly, without writing anything.
     *
     * @param message the message; its readable bytes are the payload (indices unchanged)
     * @return the refusal, whose text says why and carries the sizes, or {@code null} if the
     *     message can be framed
     */
    MessageRefusedException check(ByteBuf message);

    /**
     * Says whether this rule can carry {@code message}; see {@link #check(ByteBuf)}.
     *
     * @param message the payload bytes (not modified)
     * @return the refusal, or {@code null} if the message can be framed
     */
    default MessageRefusedException check(byte[] message) {
        return check(Unpooled.wrappedBuffer(message));
    }

    /**
     * Returns how many bytes the rule adds around a payload of {@code payloadLength} bytes (a
     * header, padding, a delimiter), for a message {@link #check} accepts.
     *
     * @param payloadLength the payload's length in bytes
     * @return the bytes {@link #writeHeader} and {@link #writeTrailer} write together
     */
    int overhead(int payloadLength);

    /**
     * Writes what precedes a payload of {@code payloadLength} bytes (a length field), if
     * anything. Called only for a message {@link #check} accepted.
     *
     * @param payloadLength the payload's length in bytes
     * @param out the buffer to append to
     */
    void writeHeader(int payloadLength, ByteBuf out);

    /**
     * Writes what follows a payload of {@code payloadLength} bytes (padding, a delimiter), if
     * anything. Called only for a message {@link #check} accepted.
     *
     * @param payloadLength the payload's length in bytes
     * @param out the buffer to append to
     */
    void writeTrailer(int payloadLength, ByteBuf out);

    /**
     * Appends one framed message to {@code out}: {@link #check}, then the header, the message's
     * readable bytes and the trailer. The message's indices are not changed, and the caller keeps
     * ownership of both buffers. A framer is stateless, so this never refuses a message for
     * being the second on a connection; per-connection rules live in {@link #newEncoder()}.
     *
     * @param message the message; its readable bytes are the payload
     * @param out the buffer to append the frame to
     * @throws MessageRefusedException if the rule cannot carry this message losslessly; nothing
     *     has been written to {@code out}
     */
    default void encode(ByteBuf message, ByteBuf out) throws MessageRefusedException {
        MessageRefusedException refusal = check(message);
        if (refusal != null) {
            throw refusal;
        }
        int length = message.readableBytes();
        out.ensureWritable(length + overhead(length));
        writeHeader(length, out);
        out.writeBytes(message, message.readerIndex(), length);
        writeTrailer(length, out);
    }

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
     * Makes the encoder for one connection, which holds that connection's encode state (for
     * send-and-close: whether its one message has been written): usually
     * {@code FrameEncoder.of(this)}, or {@link FrameEncoder#oneMessage(Framer)} for a rule with
     * one message per connection. A framer that wraps another returns the wrapped framer's
     * encoder (or one that delegates to it), and so keeps its per-connection rules.
     *
     * @return an encoder positioned at the start of a stream
     */
    FrameEncoder newEncoder();

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
}
