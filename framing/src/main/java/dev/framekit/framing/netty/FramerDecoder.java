package dev.framekit.framing.netty;

import dev.framekit.framing.Frame;
import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import java.util.List;
import java.util.Objects;

/**
 * A Netty {@link ByteToMessageDecoder} that splits inbound bytes into frames with any framekit
 * {@link Framer}: each frame goes down the pipeline as one {@link ByteBuf} holding its payload.
 *
 * <pre>
 *   inbound bytes (any split)         FramerDecoder(Framers.delimiter("#*#"))      next handler
 *   68 69 23 2a | 23 79 6f 23 2a 23   ---&gt;   ByteBuf "hi", ByteBuf "yo"   ---&gt;     channelRead x2
 * </pre>
 *
 * <p><b>Messages only.</b> A frame about the connection rather than a message ({@link
 * Frame#isControl()}: a WebSocket ping, pong or close) is consumed and not passed on, as the
 * payload path of {@link FrameDecoder#decode} does; answering it is left to the peer's side.
 *
 * <p><b>Typed frames.</b> {@link #frames(Framer)} makes a decoder that passes each frame down as a
 * {@link Frame}, with what its header said besides the length ({@link Frame#headerFields()}: an
 * MQTT packet type, a RESP line); {@link FramerEncoder} writes such a frame back.
 *
 * <p><b>Ownership.</b> Each frame is a retained slice of the decoder's cumulation buffer (no
 * copy); the handler that receives it releases it ({@link Frame#release()} for a {@code Frame}),
 * as with any Netty message.
 *
 * <p><b>Errors.</b> A {@link FramingException} reaches {@code exceptionCaught} wrapped in a
 * {@code DecoderException} (its cause). A frame the framing skips (a too-long line, a
 * length-prefixed frame under {@code OversizePolicy.SKIP}, a damaged COBS, SLIP or JSON-seq frame,
 * a bad checksum under {@code Framers.crc32cSkippingBadFrames}) reaches it once, its cause
 * {@linkplain FramingException#isSkipped() skipped}, and the decoder carries on with the next
 * frame, in the same read: keep the channel open for such a cause. After any other error it
 * drops all further input, since the stream is out of step: close the channel.
 *
 * <pre>
 *   Framers.cobs():   03 68 69 00 | 05 61 62 00 | 03 6f 6b 00   ---&gt;   "hi", exceptionCaught (damaged), "ok"
 * </pre>
 *
 * <p>When the input ends (the channel closes or, with
 * {@code ChannelOption.ALLOW_HALF_CLOSURE}, the peer half-closes) the decoder is told the stream
 * has ended: a partial frame is a {@code TruncatedFrameException}, and for send-and-close the end
 * of the input is the end of the message.
 *
 * <p>Not {@code @Sharable}: make one per channel, as the framer's decoders hold per-connection
 * state. The framer itself is shared.
 */
public class FramerDecoder extends ByteToMessageDecoder {
    private final Framer framer;
    private final FrameDecoder decoder;
    private final boolean typed;
    private boolean failed;

    /**
     * Makes a decoder for one channel that passes each frame's payload down as a {@link ByteBuf}.
     *
     * @param framer the framing rule (shared by every channel)
     */
    public FramerDecoder(Framer framer) {
        this(framer, false);
    }

    private FramerDecoder(Framer framer, boolean typed) {
        this.framer = Objects.requireNonNull(framer, "framer");
        this.decoder = framer.newDecoder();
        this.typed = typed;
    }

    /**
     * Makes a decoder for one channel that passes each frame down as a {@link Frame}, header fields
     * and payload; the handler that receives it {@linkplain Frame#release() releases} it.
     *
     * @param framer the framing rule (shared by every channel)
     * @return the decoder
     */
    public static FramerDecoder frames(Framer framer) {
        return new FramerDecoder(framer, true);
    }

    /**
     * Returns the framing rule this decoder runs.
     *
     * @return the framer
     */
    public Framer framer() {
        return framer;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws FramingException {
        decodeFrame(ctx, in, false, out);
    }

    /** At the end of the input: every frame left, then the clean end or the truncation. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws FramingException {
        // ByteToMessageDecoder calls decodeLast once: take every frame still buffered, stopping at
        // a frame that consumed nothing (send-and-close's empty message), which cannot repeat.
        int before;
        do {
            before = in.readerIndex();
        } while (decodeFrame(ctx, in, true, out) && in.readerIndex() != before);
    }

    /**
     * Decodes at most one frame (ByteToMessageDecoder calls again while frames come out). A
     * skipped frame (oversized or damaged) goes to {@code exceptionCaught} at once and decoding
     * goes on in the same call, so the frames behind it are not held back until the next read; so does a call
     * that consumed bytes without a frame (a WebSocket control frame), as the decode contract says.
     *
     * @return whether a frame was added to {@code out}
     */
    private boolean decodeFrame(ChannelHandlerContext ctx, ByteBuf in, boolean endOfStream, List<Object> out)
            throws FramingException {
        while (!failed) {
            int before = in.readerIndex();
            Frame frame;
            try {
                frame = decoder.decodeFrame(in, endOfStream);
            } catch (FramingException e) {
                if (e.isSkipped()) {
                    ctx.fireExceptionCaught(new DecoderException(e)); // a damaged frame the decoder has passed over
                    continue;
                }
                fail(in);
                throw e;
            }
            if (frame == null) {
                if (in.readerIndex() == before) {
                    return false;
                }
                continue;
            }
            if (frame.isSkipped()) {
                ctx.fireExceptionCaught(new DecoderException(frame.skipReason()));
                continue;
            }
            if (frame.isControl()) {
                frame.release(); // the payload path's rule: a control frame is consumed, no message
                continue;
            }
            out.add(typed ? frame : frame.payload());
            return true;
        }
        in.skipBytes(in.readableBytes());
        return false;
    }

    private void fail(ByteBuf in) {
        failed = true;
        in.skipBytes(in.readableBytes());
    }

    @Override
    public String toString() {
        return "FramerDecoder(" + framer + ")";
    }
}
