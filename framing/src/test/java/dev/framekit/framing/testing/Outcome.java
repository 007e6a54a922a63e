package dev.framekit.framing.testing;

import dev.framekit.framing.Frame;
import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What decoding one whole stream produced: the frames in order, then how it ended (cleanly, or
 * with a {@link FramingException}). Two feedings of the same bytes, however they are split into
 * reads, must give equal outcomes: the same frames, the same exception class and message. Made
 * by {@link #decode} (a bare {@link FrameDecoder}) or {@link #read} (a {@link FrameReader}),
 * which check the decoder contract on the way. Part of the conformance kit.
 */
public final class Outcome {
    private final List<byte[]> frames;
    private final FramingException failure;

    private Outcome(List<byte[]> frames, FramingException failure) {
        this.frames = List.copyOf(frames);
        this.failure = failure;
    }

    /**
     * Feeds {@code wire} to a new decoder of {@code framer} in chunks of the given sizes, decoding
     * until {@code null} after each chunk and discarding consumed bytes between chunks (the
     * contract allows it), then decodes at the end of the stream until {@code null} or an
     * exception. Checks that a {@code null} consumes nothing, that a clean end stays clean, and
     * that every released frame gave its reference back.
     *
     * @param framer the framer under test
     * @param wire the stream's bytes
     * @param chunkSizes how many bytes each read brings; they add up to {@code wire.length}
     * @return the outcome
     * @throws AssertionError if the decoder breaks its contract
     */
    public static Outcome decode(Framer framer, byte[] wire, int[] chunkSizes) {
        FramerConformance.require(Arrays.stream(chunkSizes).sum() == wire.length, "the chunks must cover the stream");
        FrameDecoder decoder = framer.newDecoder();
        ByteBuf in = Unpooled.buffer();
        List<byte[]> frames = new ArrayList<>();
        FramingException failure = null;
        try {
            int offset = 0;
            for (int size : chunkSizes) {
                in.writeBytes(wire, offset, size);
                offset += size;
                drain(decoder, in, false, frames, wire.length);
                in.discardSomeReadBytes();
            }
            drain(decoder, in, true, frames, wire.length);
            FramerConformance.require(decoder.decode(in, true) == null, "a decoder at a clean end keeps reporting it");
        } catch (FramingException e) {
            failure = e;
        }
        FramerConformance.require(in.refCnt() == 1,
                "every frame was released, so only the connection should hold its buffer; refCnt " + in.refCnt());
        in.release();
        return new Outcome(frames, failure);
    }

    /**
     * Reads {@code wire} through a {@link FrameReader} over a stream whose reads return the given
     * chunk sizes (zeros are skipped: a stream read returns at least one byte).
     *
     * @param framer the framer under test
     * @param wire the stream's bytes
     * @param chunkSizes how many bytes each read returns
     * @return the outcome
     */
    public static Outcome read(Framer framer, byte[] wire, int[] chunkSizes) {
        return read(framer, wire, chunkSizes, false);
    }

    /**
     * Like {@link #read(Framer, byte[], int[])}, through the typed path, {@link FrameReader#read()}:
     * the outcome is the frames' payloads, which must be what the payload path hands out.
     *
     * @param framer the framer under test
     * @param wire the stream's bytes
     * @param chunkSizes how many bytes each read returns
     * @return the outcome
     */
    public static Outcome readTyped(Framer framer, byte[] wire, int[] chunkSizes) {
        return read(framer, wire, chunkSizes, true);
    }

    /**
     * Like {@link #read(Framer, byte[], int[])}, through {@link FrameReader#readEach}: each lent
     * payload is copied during its call.
     *
     * @param framer the framer under test
     * @param wire the stream's bytes
     * @param chunkSizes how many bytes each read returns
     * @return the outcome
     */
    public static Outcome readEach(Framer framer, byte[] wire, int[] chunkSizes) {
        int[] reads = Arrays.stream(chunkSizes).filter(size -> size > 0).toArray();
        List<byte[]> frames = new ArrayList<>();
        try (FrameReader reader = new FrameReader(new ChunkedInputStream(wire, reads.length == 0 ? new int[] {1} : reads), framer)) {
            int handed;
            while ((handed = reader.readEach(payload -> {
                frames.add(ByteBufUtil.getBytes(payload));
                return true;
            })) > 0) {
                FramerConformance.require(frames.size() <= wire.length + 1, "the reader keeps handing frames: " + handed);
            }
            FramerConformance.require(reader.readEach(payload -> true) == 0, "a reader at a clean end keeps reporting it");
            return new Outcome(frames, null);
        } catch (FramingException e) {
            return new Outcome(frames, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome read(Framer framer, byte[] wire, int[] chunkSizes, boolean typed) {
        int[] reads = Arrays.stream(chunkSizes).filter(size -> size > 0).toArray();
        List<byte[]> frames = new ArrayList<>();
        try (FrameReader reader = new FrameReader(new ChunkedInputStream(wire, reads.length == 0 ? new int[] {1} : reads), framer)) {
            ByteBuf frame;
            while ((frame = typed ? payloadOf(reader.read()) : reader.readFrame()) != null) {
                frames.add(copyAndRelease(frame));
                FramerConformance.require(frames.size() <= wire.length + 1,
                        "the reader keeps returning frames: " + frames.size());
            }
            FramerConformance.require((typed ? reader.read() : reader.readFrame()) == null,
                    "a reader at a clean end keeps reporting it");
            return new Outcome(frames, null);
        } catch (FramingException e) {
            return new Outcome(frames, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A typed frame's payload, which the caller releases; a skipped frame has none to compare, so it fails the check. */
    private static ByteBuf payloadOf(Frame frame) {
        if (frame == null) {
            return null;
        }
        FramerConformance.require(!frame.isSkipped(), "the typed path skipped a frame the payload path did not: " + frame);
        return frame.payload();
    }

    /**
     * Decodes frames off {@code in} into {@code frames} under the decode contract's one rule for
     * {@code null}: a null that consumed bytes made progress (the decoder took a WebSocket control
     * frame or a fragment, discarded part of a skipped frame) and the decoder is called again; a
     * null that consumed nothing means it needs more bytes, and draining stops. Checks that bytes
     * are consumed only from the front, that a finished decoder returns no frame, and that a
     * released frame gives its reference back.
     *
     * @param decoder the decoder
     * @param in the connection's buffer
     * @param endOfStream whether the stream has ended
     * @param frames where the frames' bytes go
     * @param limit more frames than {@code limit + 1} means the decoder is stuck handing out frames
     * @throws FramingException as the decoder throws it
     */
    public static void drain(FrameDecoder decoder, ByteBuf in, boolean endOfStream, List<byte[]> frames, int limit)
            throws FramingException {
        int progressWithoutFrame = 0;
        while (true) {
            int readerIndex = in.readerIndex();
            int readable = in.readableBytes();
            boolean finishedBefore = decoder.isFinished();
            ByteBuf frame = decoder.decode(in, endOfStream);
            if (frame == null) {
                boolean justFinished = !finishedBefore && decoder.isFinished();
                if (justFinished || (readerIndex == in.readerIndex() && readable == in.readableBytes())) {
                    return;
                }
                int consumed = in.readerIndex() - readerIndex;
                FramerConformance.require(consumed > 0 && readable - in.readableBytes() == consumed,
                        "a decoder that returns null consumes nothing, or only bytes from the front");
                FramerConformance.require(++progressWithoutFrame <= readable + 1,
                        "the decoder keeps consuming without a frame: " + progressWithoutFrame + " calls");
                continue; // progress without a frame: call again
            }
            FramerConformance.require(!finishedBefore, "a finished decoder returned a frame");
            frames.add(copyAndRelease(frame));
            FramerConformance.require(in.refCnt() == 1, "a released frame gives back its reference to the buffer");
            FramerConformance.require(frames.size() <= limit + 1, "the decoder keeps returning frames: " + frames.size());
        }
    }

    /**
     * Returns the frames, in order.
     *
     * @return the frames' bytes
     */
    public List<byte[]> frames() {
        return frames;
    }

    /**
     * Returns the exception the stream ended with.
     *
     * @return the failure, or {@code null} for a clean end
     */
    public FramingException failure() {
        return failure;
    }

    /**
     * Returns whether the stream ended cleanly.
     *
     * @return true if no exception ended it
     */
    public boolean isClean() {
        return failure == null;
    }

    /**
     * Returns whether the frames are {@code expected}, byte for byte.
     *
     * @param expected the frames expected
     * @return true if they match in number, order and content
     */
    public boolean hasFrames(List<byte[]> expected) {
        return sameFrames(frames, expected);
    }

    /**
     * Returns whether two lists of frames are the same, byte for byte.
     *
     * @param a some frames
     * @param b other frames
     * @return true if they match in number, order and content
     */
    public static boolean sameFrames(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Equal when the frames are, and the endings (exception class and message) are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Outcome that && hasFrames(that.frames) && ending().equals(that.ending());
    }

    @Override
    public int hashCode() {
        return 31 * frames.size() + ending().hashCode();
    }

    /** E.g. {@code 2 frames [0 bytes, 3 bytes 61 62 63], then clean end}. */
    @Override
    public String toString() {
        return describe(frames) + ", then " + ending();
    }

    /**
     * Describes frames briefly, e.g. {@code 2 frames [0 bytes, 3 bytes 61 62 63]}: at most eight
     * frames, each with a hex preview of at most eight bytes.
     *
     * @param frames the frames
     * @return the description
     */
    public static String describe(List<byte[]> frames) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(frames.size(), 8); i++) {
            byte[] frame = frames.get(i);
            String hex = ByteBufUtil.hexDump(frame, 0, Math.min(frame.length, 8)).replaceAll("(..)(?!$)", "$1 ");
            shown.add(frame.length + " bytes " + hex + (frame.length > 8 ? "…" : ""));
        }
        if (frames.size() > 8) {
            shown.add("…");
        }
        return frames.size() + " frames " + shown;
    }

    private String ending() {
        return failure == null ? "clean end" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static byte[] copyAndRelease(ByteBuf frame) {
        try {
            return ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
    }
}
