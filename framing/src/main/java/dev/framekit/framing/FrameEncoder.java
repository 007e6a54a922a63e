package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * Frames one connection's outbound messages. Made by {@link Framer#newEncoder()}, symmetric with
 * {@link Framer#newDecoder()}; holds that connection's encode state; not thread-safe.
 *
 * <p><b>The contract.</b> A message is framed in three parts, in this order: {@link #check}
 * says whether the message may be written now (and writes nothing); {@link #writeHeader} writes
 * what precedes the payload (a length field, or nothing); the payload's bytes follow, written by
 * the caller or, through {@link #writePayload}, by the encoder; {@link #writeTrailer} writes what follows it (padding, a delimiter, or nothing) and
 * <b>completes the message</b>: an encoder that counts messages counts it there. The parts are
 * public so that {@link FrameWriter} can send a large payload straight from the caller's memory
 * between the header and the trailer, for every framer, a user's own included. {@link #overhead}
 * says how many bytes the header and trailer add, without writing them.
 *
 * <p><b>Header fields.</b> A framing whose header carries more than the length (the bytes before
 * an offset length field, an MQTT type and flags byte) writes a frame's header fields back:
 * {@link #check(ByteBuf, ByteBuf)} and {@link #writeHeader(ByteBuf, int, ByteBuf)} take them
 * beside the payload, and {@link #encode(Frame, ByteBuf)} a decoded {@link Frame} whole, so an
 * echo returns each frame byte for byte. The plain {@link #check(ByteBuf)} and
 * {@link #writeHeader(int, ByteBuf)} write the framing's default header fields. A framing whose
 * frames are only payload keeps the defaults, which refuse non-empty header fields.
 *
 * <p><b>The end of a section.</b> A framing that carries a bounded section of the stream (a
 * chunked HTTP body) ends it with bytes of its own: {@link #writeEnd} writes them (the last
 * chunk, {@code 0\r\n\r\n}), after which the encoder is {@linkplain #isFinished() finished}.
 * Framings that run to the end of the stream write nothing there.
 *
 * <p><b>Payloads are sent unchanged</b>, except by a rule whose wire format transforms them (a
 * WebSocket client masks every payload byte with a per-frame key). Such an encoder overrides
 * {@link #writePayload} and answers false to {@link #sendsPayloadUnchanged()}; a writer then
 * copies the payload through {@code writePayload} instead of sending it straight from memory.
 *
 * <p><b>One message per connection.</b> A framing rule whose connection carries one message
 * (send-and-close) keeps that rule here, in the per-connection encoder, not in a flag callers
 * test: its encoder refuses a second message and reports {@link #isFinished()} after the first,
 * and {@link FramedConnection#send(byte[])} then half-closes the output, which is what ends the
 * message on the wire. A framer that wraps another keeps the rule by delegating
 * {@code newEncoder()}; {@link #oneMessage(FrameEncoder)} makes such an encoder for a user's own rule.
 */
public interface FrameEncoder {

    /**
     * Says whether {@code message} may be written now, without writing anything.
     *
     * @param message the message; its readable bytes are the payload (indices unchanged)
     * @return the refusal if the rule cannot carry the message (or no further message on this
     *     connection), or {@code null} if it may be written
     */
    MessageRefusedException check(ByteBuf message);

    /**
     * Says whether a message with these header fields may be written now, without writing
     * anything. The default takes no header fields: empty ones are {@link #check(ByteBuf)}, and
     * any other is refused.
     *
     * @param headerFields the frame's header fields, as {@link Frame#headerFields()} gives them
     *     (indices unchanged)
     * @param message the message; its readable bytes are the payload (indices unchanged)
     * @return the refusal, or {@code null} if it may be written
     */
    default MessageRefusedException check(ByteBuf headerFields, ByteBuf message) {
        int count = headerFields.readableBytes();
        if (count == 0) {
            return check(message);
        }
        return new MessageRefusedException(this + ": this framing writes no header fields, but the frame has "
                + count + " bytes of them: " + HexPreview.of(headerFields, headerFields.readerIndex(), count)
                + "; write the payload alone", message.readableBytes());
    }

    /**
     * Writes what precedes a payload of {@code payloadLength} bytes with these header fields, after
     * {@link #check(ByteBuf, ByteBuf)} accepted them. The default writes
     * {@link #writeHeader(int, ByteBuf)} (it is only reached with no header fields).
     *
     * @param headerFields the frame's header fields (indices unchanged)
     * @param payloadLength the payload's length in bytes
     * @param out the buffer to append to
     */
    default void writeHeader(ByteBuf headerFields, int payloadLength, ByteBuf out) {
        writeHeader(payloadLength, out);
    }

    /**
     * Returns how many bytes {@link #writeHeader} and {@link #writeTrailer} add around a payload
     * of {@code payloadLength} bytes, for a message {@link #check} accepts. For an encoder that
     * rewrites the payload ({@link #sendsPayloadUnchanged()} false: COBS, SLIP), the most its
     * encoding can add, whatever the payload's bytes.
     *
     * @param payloadLength the payload's length in bytes
     * @return the header's and trailer's bytes together
     */
    int overhead(int payloadLength);

    /**
     * Writes what precedes a payload of {@code payloadLength} bytes, if anything (the default
     * writes nothing). Called only after {@link #check} accepted the message.
     *
     * @param payloadLength the payload's length in bytes
     * @param out the buffer to append to
     */
    default void writeHeader(int payloadLength, ByteBuf out) {}

    /**
     * Writes the payload's bytes as they go on the wire, between {@link #writeHeader} and
     * {@link #writeTrailer}. The default appends them unchanged; an encoder whose rule transforms
     * them (WebSocket client masking) overrides this and {@link #sendsPayloadUnchanged()}.
     *
     * @param message the message; its readable bytes are the payload (indices unchanged)
     * @param out the buffer to append to
     */
    default void writePayload(ByteBuf message, ByteBuf out) {
        out.writeBytes(message, message.readerIndex(), message.readableBytes());
    }

    /**
     * Returns true if {@link #writePayload} appends the payload unchanged, so that a writer may
     * send the caller's bytes straight to the stream instead (the zero-copy path of
     * {@link FrameWriter}). True unless the rule transforms the payload.
     *
     * @return whether the payload goes on the wire byte for byte as given
     */
    default boolean sendsPayloadUnchanged() {
        return true;
    }

    /**
     * Writes what follows a payload of {@code payloadLength} bytes, if anything (the default
     * writes nothing), and completes the message.
     *
     * @param payloadLength the payload's length in bytes
     * @param out the buffer to append to
     */
    default void writeTrailer(int payloadLength, ByteBuf out) {}

    /**
     * Ends the framing's section of the stream: writes what marks its end, if the framing has
     * such a mark (a chunked body's last chunk), and finishes the encoder. The default writes
     * nothing: most framings run to the end of the stream, which is their end.
     *
     * @param out the buffer to append to
     */
    default void writeEnd(ByteBuf out) {}

    /**
     * Returns true once this encoder takes no more messages and the frame it wrote is ended by
     * the end of the output (send-and-close after its one message). The owner of the stream then
     * closes (half-closes) its output after flushing; {@link FramedConnection} does.
     *
     * @return whether the output must end after what was written
     */
    default boolean isFinished() {
        return false;
    }

    /**
     * Frames one message into {@code out}: check, header, payload ({@link #writePayload}), trailer.
     * {@link FrameWriter} frames every message under 16 KiB with this one call, so an encoder on a
     * hot path may override it with the same result in fewer steps: a program that uses several
     * framers makes each call through the interface slower, and this way a message costs one.
     *
     * @param message the message; its readable bytes are the payload (indices unchanged)
     * @param out the buffer to append the frame to
     * @throws MessageRefusedException if {@link #check} refuses it; nothing was written
     */
    default void encode(ByteBuf message, ByteBuf out) throws MessageRefusedException {
        MessageRefusedException refusal = check(message);
        if (refusal != null) {
            throw refusal;
        }
        int length = message.readableBytes();
        writeHeader(length, out);
        writePayload(message, out);
        writeTrailer(length, out);
    }

    /**
     * Frames one decoded frame into {@code out} with its header fields: check, header, payload,
     * trailer. The frame is not released.
     *
     * @param frame the frame, e.g. one that {@link FrameDecoder#decodeFrame} returned
     * @param out the buffer to append the frame to
     * @throws MessageRefusedException if {@link #check(ByteBuf, ByteBuf)} refuses it; nothing was
     *     written
     */
    default void encode(Frame frame, ByteBuf out) throws MessageRefusedException {
        ByteBuf message = frame.payload();
        MessageRefusedException refusal = check(frame.headerFields(), message);
        if (refusal != null) {
            throw refusal;
        }
        int length = message.readableBytes();
        writeHeader(frame.headerFields(), length, out);
        writePayload(message, out);
        writeTrailer(length, out);
    }

    /**
     * An encoder for a connection that carries one message: it frames the first with
     * {@code parts}, then refuses any other and reports {@link #isFinished()}.
     *
     * @param parts the rule's encoder, which keeps no state
     * @return a new encoder, for one connection
     */
    static FrameEncoder oneMessage(FrameEncoder parts) {
        return new OneMessageEncoder(parts);
    }
}
