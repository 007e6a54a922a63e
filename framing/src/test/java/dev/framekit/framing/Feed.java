package dev.framekit.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feeds wire bytes to a framer in chosen chunks and records the {@link DecodeOutcome}, checking
 * the decoder contract on the way: a decoder that returns null consumes nothing, every frame is
 * released, and the connection's buffer is left with exactly one reference.
 */
final class Feed {
    private Feed() {}

    /**
     * Through a {@link FrameDecoder}: append each chunk to one buffer and decode until null,
     * discarding consumed bytes between chunks (the contract allows it); then decode at the end of
     * the stream until null or an exception.
     */
    static DecodeOutcome throughDecoder(Framer framer, byte[] wire, int[] chunkSizes) {
        assertEquals(wire.length, Arrays.stream(chunkSizes).sum(), "the chunks must cover the stream");
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
            assertNull(decoder.decode(in, true), "a decoder at a clean end keeps reporting it");
        } catch (FramingException e) {
            failure = e;
        }
        assertEquals(1, in.refCnt(), "every frame was released, so only the connection holds its buffer");
        in.release();
        return new DecodeOutcome(frames, failure);
    }

    /**
     * Through a {@link FrameReader} over a stream that returns the given chunk sizes (zeros are
     * skipped: an InputStream read returns at least one byte).
     */
    static DecodeOutcome throughReader(Framer framer, byte[] wire, int[] chunkSizes) {
        int[] reads = Arrays.stream(chunkSizes).filter(size -> size > 0).toArray();
        ChunkedInputStream stream = new ChunkedInputStream(wire, reads.length == 0 ? new int[] {1} : reads);
        List<byte[]> frames = new ArrayList<>();
        try (FrameReader reader = new FrameReader(stream, framer)) {
            ByteBuf frame;
            while ((frame = reader.readFrame()) != null) {
                frames.add(copyAndRelease(frame));
                assertTrue(frames.size() <= wire.length + 1, "the reader keeps returning frames: " + frames.size());
            }
            assertNull(reader.readFrame(), "a reader at a clean end keeps reporting it");
            return new DecodeOutcome(frames, null);
        } catch (FramingException e) {
            return new DecodeOutcome(frames, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes the wire bytes whole, one byte per read and split in two at every position, checks
     * that every way gives the same outcome, and returns it.
     */
    static DecodeOutcome sameEverySplit(Framer framer, byte[] wire) {
        DecodeOutcome whole = throughDecoder(framer, wire, Splits.whole(wire.length));
        assertEquals(whole, throughDecoder(framer, wire, Splits.oneBytePerRead(wire.length)), "one byte per read");
        for (int position : Splits.positions(wire.length)) {
            assertEquals(whole, throughDecoder(framer, wire, Splits.splitAt(position, wire.length)),
                    "split after byte " + position);
        }
        return whole;
    }

    /**
     * Decodes frames off {@code in} into {@code frames} until the decoder returns null.
     *
     * @param limit more frames than {@code limit + 1} means the decoder is stuck handing out frames
     */
    static void drain(FrameDecoder decoder, ByteBuf in, boolean endOfStream, List<byte[]> frames, int limit)
            throws FramingException {
        while (true) {
            int readerIndex = in.readerIndex();
            int readable = in.readableBytes();
            ByteBuf frame = decoder.decode(in, endOfStream);
            if (frame == null) {
                assertEquals(readerIndex, in.readerIndex(), "a decoder that returns null consumes nothing");
                assertEquals(readable, in.readableBytes(), "a decoder that returns null consumes nothing");
                return;
            }
            frames.add(copyAndRelease(frame));
            assertEquals(1, in.refCnt(), "a released frame gives back its reference to the buffer");
            assertTrue(frames.size() <= limit + 1, "the decoder keeps returning frames: " + frames.size());
        }
    }

    private static byte[] copyAndRelease(ByteBuf frame) {
        try {
            return ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
    }
}
