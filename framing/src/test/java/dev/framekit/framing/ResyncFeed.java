package dev.framekit.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framekit.framing.testing.Splits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Decoding a stream through a framing that resyncs, reading on past each frame it skips: the
 * events in order, each frame as its text and each report as {@code skipped: MESSAGE}, then how
 * the stream ended ({@code end}, or {@code failed: MESSAGE} for an error that stops the stream).
 * The same events must come out however the bytes are split, so one bad frame is one report.
 */
final class ResyncFeed {
    private ResyncFeed() {}

    /** The events decoding {@code wire} gives, checked to be the same whole, one byte per read, split at every position and in seeded chunks. */
    static List<String> sameEverySplit(Framer framer, byte[] wire) {
        List<String> whole = decode(framer, wire, Splits.whole(wire.length));
        assertEquals(whole, decode(framer, wire, Splits.oneBytePerRead(wire.length)), "one byte per read");
        for (int position = 0; position <= wire.length; position++) {
            assertEquals(whole, decode(framer, wire, Splits.splitAt(position, wire.length)), "split after " + position);
        }
        for (long seed : Splits.SEEDS) {
            assertEquals(whole, decode(framer, wire, chunks(seed, wire.length)), "seeded chunks " + seed);
        }
        assertEquals(whole, read(framer, wire), "through a FrameReader");
        return whole;
    }

    static List<String> decode(Framer framer, byte[] wire, int[] chunkSizes) {
        FrameDecoder decoder = framer.newDecoder();
        ByteBuf in = Unpooled.buffer();
        List<String> events = new ArrayList<>();
        int offset = 0;
        try {
            for (int size : chunkSizes) {
                in.writeBytes(wire, offset, size);
                offset += size;
                if (!drain(decoder, in, false, events)) {
                    return events;
                }
                in.discardSomeReadBytes();
            }
            if (drain(decoder, in, true, events)) {
                events.add("end");
            }
            return events;
        } finally {
            in.release();
        }
    }

    /** Decodes until the decoder needs more; false if an error stopped the stream. */
    private static boolean drain(FrameDecoder decoder, ByteBuf in, boolean endOfStream, List<String> events) {
        while (true) {
            int before = in.readerIndex();
            try {
                ByteBuf frame = decoder.decode(in, endOfStream);
                if (frame == null) {
                    if (in.readerIndex() == before) {
                        return true;
                    }
                    continue;
                }
                events.add(text(frame));
                frame.release();
            } catch (FramingException e) {
                if (!e.isSkipped()) {
                    events.add("failed: " + e.getMessage());
                    return false;
                }
                events.add("skipped: " + e.getMessage());
            }
        }
    }

    /** The events through a {@link FrameReader}'s payload path, which throws each skipped frame's report once. */
    static List<String> read(Framer framer, byte[] wire) {
        List<String> events = new ArrayList<>();
        try (FrameReader reader = new FrameReader(new ByteArrayInputStream(wire), framer)) {
            while (true) {
                try {
                    ByteBuf frame = reader.readFrame();
                    if (frame == null) {
                        events.add("end");
                        return events;
                    }
                    events.add(text(frame));
                    frame.release();
                } catch (FramingException e) {
                    if (!e.isSkipped()) {
                        events.add("failed: " + e.getMessage());
                        return events;
                    }
                    events.add("skipped: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(ByteBuf frame) {
        return new String(ByteBufUtil.getBytes(frame), StandardCharsets.ISO_8859_1);
    }

    private static int[] chunks(long seed, int length) {
        Random random = new Random(seed);
        List<Integer> sizes = new ArrayList<>();
        for (int left = length; left > 0; ) {
            int size = Math.min(left, 1 + random.nextInt(7));
            sizes.add(size);
            left -= size;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }
}
