package dev.framekit.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.framekit.framing.support.DecodeOutcome;
import dev.framekit.framing.support.Feed;
import dev.framekit.framing.support.FixtureBytes;
import dev.framekit.framing.support.ScriptedInputStream;
import dev.framekit.framing.support.Slow;
import dev.framekit.framing.support.TestFramers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import dev.framekit.framing.testing.Splits;

/**
 * Jazzer fuzz tests of the stream layer: {@link FrameReader} over a stream whose read sizes,
 * reader chunk size, read methods, a mid-stream timeout and framer switches all come from the
 * fuzz data, and {@link FrameWriter} to {@link FrameReader} round trips. Each checks:
 *
 * <ul>
 *   <li>no exception but a {@link FramingException} (and the one scripted timeout) escapes;
 *   <li>the reader hands out exactly what the framers' decoders find in the same bytes held in
 *       memory whole, and a round trip returns exactly the payloads the writer accepted;
 *   <li>frames held while the reader reads on are not disturbed, and once every frame is
 *       released and the reader and writer are closed, every byte of heap that netty's unpooled
 *       allocator handed out is back ({@code usedHeapMemory} is where it started), so no
 *       {@link ByteBuf} leaked.
 * </ul>
 *
 * <p>Netty's {@code ResourceLeakDetector} is not used: it only tracks pooled and direct
 * buffers, while the reader, the writer and {@link Unpooled} use unpooled heap buffers, whose
 * allocations the allocator's metric counts exactly.
 *
 * <p>Seeds are in {@code src/test/resources/dev/framekit/framing/FrameStreamFuzzTestInputs/<method>/}.
 * To fuzz one for real: {@code JAZZER_FUZZ=1 ./mvnw -o -pl framing test -Dtiers.excluded= -Dtest='FrameStreamFuzzTest#<method>'};
 * {@code JAZZER_MAX_DURATION=5m} overrides the annotation's duration.
 */
@Slow
class FrameStreamFuzzTest {
    /** How a read call is made. */
    private enum ReadMethod { HOLD_FRAME, RELEASE_FRAME, BYTES, STRING }

    @FuzzTest(maxDuration = "60s")
    void frameReaderHandsOutWhatTheDecoderFindsHoweverTheStreamIsRead(FuzzedDataProvider data) throws IOException {
        long heapBefore = usedHeap();
        Framer framer = smallFramer(data);
        int chunkSize = readerChunkSize(data);
        int timeoutAt = data.consumeInt(ScriptedInputStream.NEVER, 255);
        int[] readSizes = readSizes(data.consumeBytes(data.consumeInt(0, 8)));
        byte[] methods = data.consumeBytes(data.consumeInt(0, 8));
        byte[] wire = data.consumeRemainingAsBytes();

        DecodeOutcome expected = Feed.throughDecoder(framer, wire, Splits.whole(wire.length));

        ScriptedInputStream stream = new ScriptedInputStream(wire, readSizes, timeoutAt);
        Frames frames = new Frames();
        FramingException failure = null;
        try (FrameReader reader = new FrameReader(stream, framer, chunkSize)) {
            for (int call = 0; ; call++) {
                try {
                    if (!frames.readOne(reader, method(methods, call))) {
                        assertNull(reader.readFrame(), "a reader at a clean end keeps reporting it");
                        break;
                    }
                } catch (SocketTimeoutException timeout) {
                    // The scripted timeout: nothing is lost, reading again carries on.
                } catch (FramingException e) {
                    failure = e;
                    if (!(e instanceof FrameTooLongException tooLong && tooLong.isSkipped())) {
                        assertSame(e, assertThrows(FramingException.class, reader::readFrame),
                                "a reader that failed keeps reporting the same failure");
                    }
                    break;
                }
                assertTrue(frames.count() <= wire.length + 1, () -> "the reader keeps returning frames: " + frames);
            }
            assertEquals(new DecodeOutcome(frames.asRead(expected.frames()), expected.failure()),
                    new DecodeOutcome(frames.bytes(), failure),
                    () -> framer + ", reader chunk " + chunkSize + ", reads " + Arrays.toString(readSizes)
                            + ", timeout at " + timeoutAt);
            frames.checkHeldFramesUndisturbed();
        } finally {
            frames.releaseHeld();
        }
        frames.checkEveryBufferFreed();
        assertEquals(heapBefore, usedHeap(), "every heap buffer the reader allocated was freed");
    }

    @FuzzTest(maxDuration = "60s")
    void frameReaderSwitchingFramersMidStreamHandsOutWhatTheDecodersFind(FuzzedDataProvider data)
            throws IOException {
        long heapBefore = usedHeap();
        int segments = data.consumeInt(1, 4);
        List<Framer> framers = new ArrayList<>();
        int[] framesPerSegment = new int[segments];
        for (int i = 0; i < segments; i++) {
            framers.add(smallFramer(data));
            framesPerSegment[i] = data.consumeInt(1, 4);
        }
        int chunkSize = readerChunkSize(data);
        int timeoutAt = data.consumeInt(ScriptedInputStream.NEVER, 255);
        int[] readSizes = readSizes(data.consumeBytes(data.consumeInt(0, 8)));
        byte[] methods = data.consumeBytes(data.consumeInt(0, 8));
        byte[] wire = data.consumeRemainingAsBytes();

        List<Object> whole = decodeWholeWithSwitches(wire, framers, framesPerSegment);

        List<String> events = new ArrayList<>();
        Frames frames = new Frames();
        ScriptedInputStream stream = new ScriptedInputStream(wire, readSizes, timeoutAt);
        try (FrameReader reader = new FrameReader(stream, framers.get(0), chunkSize)) {
            int call = 0;
            reading:
            for (int segment = 0; segment < segments; segment++) {
                reader.framer(framers.get(segment));
                for (int taken = 0; taken < framesPerSegment[segment]; call++) {
                    try {
                        if (!frames.readOne(reader, method(methods, call))) {
                            events.add("clean end");
                            break reading;
                        }
                        events.add(frameEvent(frames.lastBytes()));
                        taken++;
                    } catch (SocketTimeoutException timeout) {
                        // The scripted timeout: nothing is lost, reading again carries on.
                    } catch (FramingException e) {
                        events.add(failureEvent(e));
                        if (!(e instanceof FrameTooLongException tooLong && tooLong.isSkipped())) {
                            break reading;
                        }
                    }
                    assertTrue(events.size() <= 2 * wire.length + 8, () -> "the reader keeps going: " + events);
                }
            }
            assertEquals(describe(whole, frames), events, () -> framers + " taking " + Arrays.toString(framesPerSegment)
                    + " frames each, reader chunk " + chunkSize + ", reads " + Arrays.toString(readSizes)
                    + ", timeout at " + timeoutAt);
            frames.checkHeldFramesUndisturbed();
        } finally {
            frames.releaseHeld();
        }
        frames.checkEveryBufferFreed();
        assertEquals(heapBefore, usedHeap(), "every heap buffer the reader allocated was freed");
    }

    @FuzzTest(maxDuration = "60s")
    void framesWrittenByAFrameWriterComeBackThroughAFrameReader(FuzzedDataProvider data) throws IOException {
        long heapBefore = usedHeap();
        int segments = data.consumeInt(1, 3);
        List<Framer> framers = new ArrayList<>();
        List<List<byte[]>> accepted = new ArrayList<>();
        CountingOutputStream wire = new CountingOutputStream();
        try (FrameWriter writer = new FrameWriter(wire, Framers.lengthPrefixed())) {
            for (int segment = 0; segment < segments; segment++) {
                // Send-and-close carries one message to the end of the stream: it can only come last.
                Framer framer = writableFramer(data, segment == segments - 1);
                framers.add(framer);
                writer.framer(framer);
                List<byte[]> written = new ArrayList<>();
                int messages = data.consumeInt(0, 6);
                for (int i = 0; i < messages; i++) {
                    byte[] payload = payload(data);
                    if (writeOne(writer, wire, payload, data.consumeInt(0, 4))) {
                        written.add(payload);
                    }
                }
                accepted.add(written);
            }
        }
        assertEquals(0, wire.writesAfterClose, "the writer wrote after closing");

        int chunkSize = readerChunkSize(data);
        int[] readSizes = readSizes(data.consumeBytes(data.consumeInt(0, 8)));
        byte[] methods = data.consumeBytes(data.consumeInt(0, 8));
        Frames frames = new Frames();
        ScriptedInputStream stream = new ScriptedInputStream(wire.toByteArray(), readSizes, ScriptedInputStream.NEVER);
        List<byte[]> expected = new ArrayList<>();
        try (FrameReader reader = new FrameReader(stream, framers.get(0), chunkSize)) {
            int call = 0;
            for (int segment = 0; segment < segments; segment++) {
                reader.framer(framers.get(segment));
                List<byte[]> written = accepted.get(segment);
                // A send-and-close stream that carries nothing is the empty message.
                int count = TestFramers.isSendAndClose(framers.get(segment)) ? 1 : written.size();
                for (int i = 0; i < count; i++) {
                    expected.add(i < written.size() ? written.get(i) : new byte[0]);
                    assertTrue(frames.readOne(reader, method(methods, call++)),
                            () -> "the stream ended before frame " + frames.count() + " of " + framers);
                }
            }
            assertFalse(frames.readOne(reader, method(methods, call)), "the stream ends after the last frame");
            assertTrue(new DecodeOutcome(frames.bytes(), null).hasFrames(frames.asRead(expected)),
                    () -> framers + " did not round-trip: wrote " + new DecodeOutcome(expected, null)
                            + ", read " + new DecodeOutcome(frames.bytes(), null));
            frames.checkHeldFramesUndisturbed();
        } finally {
            frames.releaseHeld();
        }
        frames.checkEveryBufferFreed();
        assertEquals(heapBefore, usedHeap(), "every heap buffer the writer and reader allocated was freed");
    }

    /**
     * Decodes {@code wire}, all of it in memory at once, with the framers in turn, each for its
     * number of frames: the events a {@link FrameReader} must report however the bytes arrive
     * (a frame as its bytes; a failure or the clean end as text).
     */
    private static List<Object> decodeWholeWithSwitches(byte[] wire, List<Framer> framers, int[] framesPerSegment) {
        List<Object> events = new ArrayList<>();
        ByteBuf in = Unpooled.buffer(wire.length).writeBytes(wire);
        try {
            segments:
            for (int segment = 0; segment < framers.size(); segment++) {
                FrameDecoder decoder = framers.get(segment).newDecoder();
                for (int taken = 0; taken < framesPerSegment[segment]; ) {
                    try {
                        // As the reader sees it: every byte has arrived, then the end of the stream.
                        ByteBuf frame = decoder.decode(in, false);
                        if (frame == null) {
                            frame = decoder.decode(in, true);
                        }
                        if (frame == null) {
                            events.add("clean end");
                            break segments;
                        }
                        events.add(ByteBufUtil.getBytes(frame));
                        frame.release();
                        taken++;
                    } catch (FramingException e) {
                        events.add(failureEvent(e));
                        if (!(e instanceof FrameTooLongException tooLong && tooLong.isSkipped())) {
                            break segments;
                        }
                    }
                }
            }
            assertEquals(1, in.refCnt(), "every frame was released");
        } finally {
            in.release();
        }
        return events;
    }

    /**
     * Writes one payload as the fuzz data says: as an array, or as a slice in the middle of a
     * larger buffer; batched or sent; with or without a flush after. A refusal must leave the
     * batch and the stream untouched, and no call may move the message's indices.
     *
     * @return whether the writer accepted the payload
     */
    private static boolean writeOne(FrameWriter writer, CountingOutputStream wire, byte[] payload, int how)
            throws IOException {
        int batchedBefore = writer.batched();
        int writtenBefore = wire.size();
        ByteBuf around = Unpooled.buffer(payload.length + 6).writeBytes(new byte[] {1, 2, 3})
                .writeBytes(payload).writeBytes(new byte[] {4, 5, 6});
        ByteBuf message = around.slice(3, payload.length);
        try {
            switch (how) {
                case 0 -> writer.write(payload);
                case 1 -> writer.writeAndFlush(payload);
                case 2 -> writer.writeAndFlush(message);
                case 3 -> writer.write(message).flush();
                default -> writer.write(message);
            }
            return true;
        } catch (MessageRefusedException refused) {
            assertEquals(batchedBefore, writer.batched(), "a refusal adds nothing to the batch");
            assertEquals(writtenBefore, wire.size(), "a refusal writes nothing to the stream");
            return false;
        } finally {
            assertEquals(0, message.readerIndex(), "the writer moved the message's reader index");
            assertEquals(payload.length, message.writerIndex(), "the writer moved the message's writer index");
            assertEquals(1, around.refCnt(), "the writer kept or released the caller's message");
            around.release();
        }
    }

    /** One of the four framers, on maxima small enough for the fuzzer to reach every limit. */
    private static Framer smallFramer(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> Framers.fixedLength(data.consumeInt(1, 16)).pad(padByte(data));
            case 1 -> Framers.delimiter(delimiter(data)).withMaxFrameLength(data.consumeInt(1, 32));
            case 2 -> Framers.lengthPrefixed().withMaxFrameLength(data.consumeInt(1, 64));
            default -> Framers.sendAndClose(data.consumeInt(1, 64));
        };
    }

    /**
     * A framer for the writer, its maximum now small, now large enough for payloads that take
     * the writer's direct path ({@value FrameWriter#DIRECT_WRITE_THRESHOLD} bytes and up) and
     * fill its batch.
     */
    private static Framer writableFramer(FuzzedDataProvider data, boolean last) {
        int max = data.consumeBoolean() ? data.consumeInt(1, 64) : data.consumeInt(1, 80_000);
        return switch (data.consumeInt(0, last ? 3 : 2)) {
            case 0 -> Framers.fixedLength(max).pad(padByte(data));
            case 1 -> Framers.delimiter(delimiter(data)).withMaxFrameLength(max);
            case 2 -> Framers.lengthPrefixed().withMaxFrameLength(max);
            default -> Framers.sendAndClose(max);
        };
    }

    /** A payload: a few fuzzed bytes, or a long run of a pattern built from one fuzzed byte. */
    private static byte[] payload(FuzzedDataProvider data) {
        if (!data.consumeBoolean()) {
            return data.consumeBytes(data.consumeInt(0, 48));
        }
        byte[] payload = new byte[data.consumeInt(0, 80_000)];
        byte seed = data.consumeByte();
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (seed + i % 7);
        }
        return payload;
    }

    private static byte padByte(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 2)) {
            case 0 -> 0;
            case 1 -> '#';
            default -> data.consumeByte();
        };
    }

    private static byte[] delimiter(FuzzedDataProvider data) {
        byte[] delimiter = data.consumeBytes(data.consumeInt(1, 3));
        return delimiter.length == 0 ? new byte[] {'\n'} : delimiter;
    }

    private static int readerChunkSize(FuzzedDataProvider data) {
        return data.consumeBoolean() ? FrameReader.DEFAULT_CHUNK_SIZE : data.consumeInt(1, 64);
    }

    /** Read sizes from fuzz data, one byte each (0 counts as 256); none means reads as large as asked. */
    private static int[] readSizes(byte[] sizes) {
        int[] reads = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            reads[i] = sizes[i] == 0 ? 256 : sizes[i] & 0xff;
        }
        return reads;
    }

    private static ReadMethod method(byte[] methods, int call) {
        ReadMethod[] all = ReadMethod.values();
        return methods.length == 0 ? ReadMethod.RELEASE_FRAME : all[(methods[call % methods.length] & 0xff) % all.length];
    }

    /** The events of a whole-stream decode (frames as byte arrays, the rest as text), frames as {@code frames} read them. */
    private static List<String> describe(List<Object> events, Frames frames) {
        List<byte[]> decoded = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof byte[] frame) {
                decoded.add(frame);
            }
        }
        List<byte[]> asRead = frames.asRead(decoded);
        List<String> described = new ArrayList<>();
        int frame = 0;
        for (Object event : events) {
            described.add(event instanceof byte[] ? frameEvent(asRead.get(frame++)) : (String) event);
        }
        return described;
    }

    private static String frameEvent(byte[] frame) {
        return "frame " + FixtureBytes.hex(frame, frame.length);
    }

    private static String failureEvent(FramingException e) {
        return DecodeOutcome.signatureOf(e) + ": " + e.getMessage();
    }

    private static long usedHeap() {
        return UnpooledByteBufAllocator.DEFAULT.metric().usedHeapMemory();
    }

    /**
     * The frames a reader handed out, as copies, plus the ones still held as slices of the
     * reader's buffer, and every buffer those slices came from.
     */
    private static final class Frames {
        private final List<byte[]> bytes = new ArrayList<>();
        private final List<ByteBuf> held = new ArrayList<>();
        private final List<byte[]> heldBytes = new ArrayList<>();
        private final Set<ByteBuf> parents = Collections.newSetFromMap(new IdentityHashMap<>());
        private final BitSet text = new BitSet();

        private BitSet text() {
            return text;
        }

        /**
         * The frames a reader must have handed out, as this one read them: a frame read as text
         * is its bytes decoded as UTF-8 (malformed sequences become U+FFFD) and encoded again.
         */
        List<byte[]> asRead(List<byte[]> frames) {
            List<byte[]> asRead = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                byte[] frame = frames.get(i);
                asRead.add(text.get(i) ? new String(frame, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8) : frame);
            }
            return asRead;
        }

        /** Reads one frame with {@code method}; false at the end of the stream. */
        boolean readOne(FrameReader reader, ReadMethod method) throws IOException {
            byte[] frame;
            switch (method) {
                case BYTES -> frame = reader.readByteArray();
                case STRING -> {
                    String text = reader.readString();
                    frame = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
                    if (frame != null) {
                        text().set(bytes.size());
                    }
                }
                default -> {
                    ByteBuf buf = reader.readFrame();
                    if (buf == null) {
                        return false;
                    }
                    frame = ByteBufUtil.getBytes(buf);
                    ByteBuf parent = buf.unwrap();
                    if (parent != null) {
                        parents.add(parent);
                    }
                    if (method == ReadMethod.HOLD_FRAME) {
                        held.add(buf);
                        heldBytes.add(frame.clone());
                    } else {
                        buf.release();
                    }
                }
            }
            if (frame == null) {
                return false;
            }
            bytes.add(frame);
            return true;
        }

        int count() {
            return bytes.size();
        }

        List<byte[]> bytes() {
            return bytes;
        }

        byte[] lastBytes() {
            return bytes.get(bytes.size() - 1);
        }

        /** Frames held while the reader read on still hold the bytes they were handed out with. */
        void checkHeldFramesUndisturbed() {
            for (int i = 0; i < held.size(); i++) {
                assertArrayEquals(heldBytes.get(i), ByteBufUtil.getBytes(held.get(i)),
                        "a frame held while the reader read on was overwritten");
            }
        }

        void releaseHeld() {
            // A slice shares its buffer's count: the reader's reference plus one per frame out.
            for (ByteBuf frame : held) {
                frame.release();
            }
            held.clear();
        }

        /** After the reader closed and every frame was released, nothing holds the reader's buffers. */
        void checkEveryBufferFreed() {
            for (ByteBuf parent : parents) {
                assertEquals(0, parent.refCnt(), "a reader buffer outlived the reader and its frames");
            }
        }

        @Override
        public String toString() {
            return new DecodeOutcome(bytes, null).toString();
        }
    }

    /** Records what the writer wrote, and whether it wrote after being closed. */
    private static final class CountingOutputStream extends ByteArrayOutputStream {
        private boolean closed;
        int writesAfterClose;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writesAfterClose += closed ? 1 : 0;
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            writesAfterClose += closed ? 1 : 0;
            super.write(b);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
