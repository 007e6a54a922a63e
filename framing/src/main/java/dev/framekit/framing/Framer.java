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
 * <p>framekit ships these rules, made by {@link Framers} and {@link LengthPrefixFramer#builder()}:
 *
 * <pre>
 * fixed-length padded   Framers.fixedLength(8).pad('#')   "hi"  -&gt; 68 69 23 23 23 23 23 23
 * delimiter             Framers.delimiter("#*#")          "hi"  -&gt; 68 69 23 2a 23
 * length prefix         Framers.lengthPrefixed()          "hi"  -&gt; 00 00 00 02 68 69
 *   other fields        Framers.lengthPrefixed(LengthField.littleEndian(2))   "hi" -&gt; 02 00 68 69
 *                       Framers.lengthPrefixed(LengthField.varint())          "hi" -&gt; 02 68 69
 *                       Framers.lengthPrefixed(LengthField.asciiDecimal(5))   "hi" -&gt; 30 30 30 30 32 68 69
 * netstring             Framers.netstrings()              "hi"  -&gt; 32 3a 68 69 2c  ("2:hi,")
 * send-and-close        Framers.sendAndClose()            "hi"  -&gt; 68 69, then the sender half-closes
 * COBS                  Framers.cobs()                    "hi"  -&gt; 03 68 69 00
 * SLIP (RFC 1055)       Framers.slip()                    "hi"  -&gt; c0 68 69 c0
 * JSON texts            Framers.json()                    [1]   -&gt; 5b 31 5d
 * JSON-seq (RFC 7464)   Framers.jsonSeq()                 [1]   -&gt; 1e 5b 31 5d 0a
 * </pre>
 *
 * <p><b>A framer makes a connection's encoder and decoder.</b> A framer is the rule; the
 * per-connection work is done by the {@link FrameEncoder} from {@link #newEncoder()} (its refusals,
 * header, payload, trailer and end of section) and the {@link FrameDecoder} from
 * {@link #newDecoder()}. {@link #check}, {@link #overhead} and {@link #encode} are conveniences
 * that go through a new encoder; nothing in framekit reaches past these two objects.
 *
 * <p><b>Encoding never alters a message.</b> A message the rule cannot carry losslessly is
 * refused with a {@link MessageRefusedException} before anything is written. Ask first with
 * {@link #check(ByteBuf)} instead of encoding into a scratch buffer.
 *
 * <p><b>Every framer is bounded.</b> {@link #maxFrameLength()} (1 MiB unless configured) caps the frames a decoder accepts; a longer frame fails with
 * {@link FrameTooLongException} before it is buffered, so a peer cannot make the receiver
 * allocate without bound.
 *
 * <p><b>Users may implement this interface.</b> A framer of your own implements
 * {@link #newEncoder()}, {@link #newDecoder()} and {@link #maxFrameLength()}, and usually
 * {@code equals}, {@code hashCode} and {@code toString} (framers are values); it then gets the
 * stream layer's batching and zero-copy writes like framekit's own. A framer that wraps another
 * (to log, to count) delegates {@code newEncoder()} and {@code newDecoder()} to it, and so keeps
 * its per-connection rules ({@link ForwardingFramer}). Check your framer with
 * {@code dev.framekit.framing.testing.FramerConformance} from the {@code framing} test-jar, the
 * suite framekit's own framers pass.
 *
 * <p>Most programs do not call a framer directly: {@link FrameReader}, {@link FrameWriter} and
 * {@link FramedConnection} run one over a stream or a socket.
 */
public interface Framer {

    /**
     * Makes the encoder for one connection, which holds that connection's encode state (for
     * send-and-close: whether its one message has been written). A rule that keeps no encode
     * state may return the same encoder every time.
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
     * encoders write.
     *
     * @return the maximum frame length in bytes
     */
    int maxFrameLength();

    /**
     * Says whether this rule can carry {@code message} losslessly, without writing anything: a
     * new encoder's {@link FrameEncoder#check}.
     *
     * @param message the message; its readable bytes are the payload (indices unchanged)
     * @return the refusal, whose text says why and carries the sizes, or {@code null} if the
     *     message can be framed
     */
    default MessageRefusedException check(ByteBuf message) {
        return newEncoder().check(message);
    }

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
     * header, padding, a delimiter), for a message {@link #check} accepts: a new encoder's
     * {@link FrameEncoder#overhead}.
     *
     * @param payloadLength the payload's length in bytes
     * @return the bytes the header and trailer take together
     */
    default int overhead(int payloadLength) {
        return newEncoder().overhead(payloadLength);
    }

    /**
     * Appends one framed message to {@code out} through a new encoder: check, header, payload,
     * trailer. The message's indices are not changed, and the caller keeps ownership of both
     * buffers. Each call is a new encoder, so this never refuses a message for being the second
     * on a connection; per-connection rules live in {@link #newEncoder()}.
     *
     * @param message the message; its readable bytes are the payload
     * @param out the buffer to append the frame to
     * @throws MessageRefusedException if the rule cannot carry this message losslessly; nothing
     *     has been written to {@code out}
     */
    default void encode(ByteBuf message, ByteBuf out) throws MessageRefusedException {
        newEncoder().encode(message, out);
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
}
