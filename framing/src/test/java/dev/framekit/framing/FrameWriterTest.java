package dev.framekit.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.TestFramers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link FrameWriter}: batching, refusals, large payloads and ownership, on a recording stream. */
class FrameWriterTest {

    /** An output stream that records every call made on it. */
    private static final class RecordingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writeCalls;
        int flushCalls;
        boolean closed;

        @Override
        public void write(int b) {
            writeCalls++;
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writeCalls++;
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushCalls++;
        }

        @Override
        public void close() {
            closed = true;
        }

        byte[] written() {
            return bytes.toByteArray();
        }
    }

    private final RecordingStream out = new RecordingStream();

    // ---- batching -----------------------------------------------------------------------------

    @Test
    void batchesSmallMessagesUntilFlush() throws IOException {
        FrameWriter writer = new FrameWriter(out, Framers.lengthPrefixed());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 1000; i++) {
            byte[] message = ("message " + i).getBytes(US_ASCII);
            writer.write(message);
            expected.writeBytes(bigEndian(message.length));
            expected.writeBytes(message);
        }

        assertEquals(0, out.writeCalls, "nothing reaches the stream before flush");
        assertEquals(expected.size(), writer.batched());

        writer.flush();

        assertEquals(1, out.writeCalls, "1000 small messages, one write call");
        assertEquals(1, out.flushCalls);
        assertArrayEquals(expected.toByteArray(), out.written());
        assertEquals(0, writer.batched());
    }

    @Test
    void writesAFullBatchWithoutWaitingForFlush() throws IOException {
        FrameWriter writer = new FrameWriter(out, Framers.lines());
        byte[] line = "x".repeat(99).getBytes(US_ASCII);
        int count = 10_000; // 1 MB of lines
        for (int i = 0; i < count; i++) {
            writer.write(line);
        }
        writer.flush();

        int total = count * 100;
        byte[] written = out.written();
        assertEquals(total, written.length);
        assertTrue(out.writeCalls <= total / FrameWriter.BATCH_SIZE + 2,
                out.writeCalls + " write calls for " + total + " bytes");
        assertTrue(out.writeCalls >= total / (4 * FrameWriter.BATCH_SIZE), "the batch is bounded");
        for (int i = 0; i < count; i++) {
            assertEquals('\n', written[i * 100 + 99], "line " + i + " ends where it should");
        }
    }

    @Test
    void aBatchGrownByOneLargeMessageShrinksBackWhenFlushed() throws IOException {
        FrameWriter writer = new FrameWriter(out, Framers.lengthPrefixed());
        java.util.List<Integer> capacities = new java.util.ArrayList<>();
        writer.onBatchResized(capacities::add);

        writer.write(new byte[FrameWriter.DIRECT_WRITE_THRESHOLD - 1]); // copied into the batch: it grows
        int grown = capacities.get(capacities.size() - 1);
        writer.flush();

        assertEquals(FrameWriter.IDLE_CAPACITY, capacities.get(0), "told the capacity at once");
        assertTrue(grown >= FrameWriter.DIRECT_WRITE_THRESHOLD, "told the growth: " + capacities);
        assertEquals(FrameWriter.IDLE_CAPACITY, capacities.get(capacities.size() - 1), "an idle writer holds "
                + FrameWriter.IDLE_CAPACITY + " bytes, whatever it sent before: " + capacities);
        assertEquals(4 + FrameWriter.DIRECT_WRITE_THRESHOLD - 1, out.written().length);
    }

    @Test
    void aPipelinedBurstGrowsTheBatchUntilItIsFlushedAndClosingTellsZero() throws IOException {
        FrameWriter writer = new FrameWriter(out, Framers.lines());
        int[] last = {-1};
        writer.onBatchResized(capacity -> last[0] = capacity);
        for (int i = 0; i < 500; i++) {
            writer.write("x".repeat(99));
        }
        assertTrue(last[0] >= 500 * 100, "the burst is batched, and counted: " + last[0]);

        writer.flush();
        assertEquals(FrameWriter.IDLE_CAPACITY, last[0]);
        writer.close();
        assertEquals(0, last[0], "released");
    }

    // ---- one writing thread at a time ----------------------------------------------------------

    /** Runs {@code body} on a new thread and returns what it threw, or null. */
    private static Throwable onAnotherThread(ThrowingRunnable body) throws InterruptedException {
        Throwable[] thrown = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        thread.start();
        thread.join();
        return thrown[0];
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void theWritingThreadHoldsTheBatchFromItsFirstWriteToItsFlush() throws Exception {
        FrameWriter writer = new FrameWriter(out, Framers.lines());
        writer.write("mine");

        Throwable write = onAnotherThread(() -> writer.write("theirs"));
        Throwable flush = onAnotherThread(writer::flush);
        assertEquals(IOException.class, write.getClass());
        assertTrue(write.getMessage().contains("in use by another thread"), write.getMessage());
        assertEquals(IOException.class, flush.getClass(), "a flush from another thread is refused too");

        writer.write("mine again");
        writer.flush();
        assertEquals(null, onAnotherThread(() -> writer.writeAndFlush("handed on after the flush")));
        assertArrayEquals("mine\nmine again\nhanded on after the flush\n".getBytes(US_ASCII), out.written());
    }

    @Test
    void aRefusedOrFailedWriteLetsGoOfTheBatch() throws Exception {
        FrameWriter writer = new FrameWriter(out, Framers.fixedLength(4));
        assertThrows(MessageRefusedException.class, () -> writer.write("too long"));
        assertEquals(null, onAnotherThread(() -> writer.writeAndFlush("ok")), "the refusal left the writer free");
        assertArrayEquals("ok\0\0".getBytes(US_ASCII), out.written());
    }

    @Test
    void closingFromAnotherThreadBetweenWritesAndFlushClosesTheStreamAndTheWriterReleasesTheBatch() throws Exception {
        FrameWriter writer = new FrameWriter(out, Framers.lines());
        int[] last = {-1};
        writer.onBatchResized(capacity -> last[0] = capacity);
        writer.write("batched, never sent");

        assertEquals(null, onAnotherThread(writer::close));
        assertTrue(out.closed, "the stream is closed at once");
        assertEquals(0, out.written().length, "nothing the holder batched was sent by the other thread");

        assertEquals(null, onAnotherThread(writer::close), "a second close from elsewhere changes nothing");

        IOException next = assertThrows(IOException.class, () -> writer.write("after the close"));
        assertEquals("frame writer is closed", next.getMessage());
        assertEquals(0, last[0], "the holder released the batch");
        assertThrows(IOException.class, writer::flush);
        writer.close(); // and closing again changes nothing
        assertEquals(0, writer.batched());
    }

    @Test
    void theHoldersOwnCloseFlushesWhatItBatched() throws IOException {
        FrameWriter writer = new FrameWriter(out, Framers.lines());
        int[] last = {-1};
        writer.onBatchResized(capacity -> last[0] = capacity);
        writer.write("a");
        writer.write("b");

        writer.close();

        assertArrayEquals("a\nb\n".getBytes(US_ASCII), out.written());
        assertEquals(0, last[0]);
        assertEquals("frame writer is closed", assertThrows(IOException.class, () -> writer.write("c")).getMessage());
    }

    @Test
    void sendWritesAndFlushes() throws IOException {
        FrameWriter writer = new FrameWriter(out, Framers.delimiter("#*#"));

        writer.writeAndFlush("hi");

        assertArrayEquals("hi#*#".getBytes(US_ASCII), out.written());
        assertEquals(1, out.flushCalls);
        assertEquals(0, writer.batched());
    }

    @Test
    void closeFlushesAndClosesTheStream() throws IOException {
        FrameWriter writer = new FrameWriter(out, Framers.lines());
        writer.write("last words");

        writer.close();

        assertArrayEquals("last words\n".getBytes(US_ASCII), out.written());
        assertTrue(out.closed);
        assertThrows(IOException.class, () -> writer.write("after close"));
        writer.close(); // a second close is harmless
    }

    // ---- refusals -----------------------------------------------------------------------------

    static Stream<Arguments> refusals() {
        byte[] big = letters(20_000);
        byte[] bigEndingInDelimiter = Arrays.copyOf(big, big.length + 3);
        bigEndingInDelimiter[big.length] = '#';
        bigEndingInDelimiter[big.length + 1] = '*';
        bigEndingInDelimiter[big.length + 2] = '#';
        return Stream.of(
                refusal("longer than a fixed frame", Framers.fixedLength(8).pad('#'), "123456789"),
                refusal("ending with the pad byte", Framers.fixedLength(8).pad('#'), "ab#"),
                refusal("containing the delimiter", Framers.delimiter("#*#"), "a#*#b"),
                refusal("ending with the delimiter's start", Framers.delimiter("#*#"), "ab#*"),
                refusal("over the length prefix maximum", Framers.lengthPrefixed().withMaxFrameLength(10), "12345678901"),
                refusal("large, over the maximum", Framers.lengthPrefixed().withMaxFrameLength(19_999), big),
                refusal("large, containing the delimiter", Framers.delimiter("#*#"), bigEndingInDelimiter),
                refusal("large, over a fixed frame", Framers.fixedLength(19_999), big),
                refusal("large, over the send-and-close maximum", Framers.sendAndClose(19_999), big));
    }

    private static Arguments refusal(String name, Framer framer, String message) {
        return refusal(name, framer, message.getBytes(US_ASCII));
    }

    private static Arguments refusal(String name, Framer framer, byte[] message) {
        return Arguments.of(Named.of(name, framer), message);
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void writesNothingForARefusedMessage(Framer framer, byte[] refused) throws IOException {
        FrameWriter writer = new FrameWriter(out, framer);
        writer.write("ok");
        int batched = writer.batched();

        assertThrows(MessageRefusedException.class, () -> writer.write(refused));

        assertEquals(batched, writer.batched(), "the batch is unchanged");
        assertEquals(0, out.written().length, "nothing reached the stream");
        writer.flush();
        assertArrayEquals(encode(framer, "ok"), out.written(), "only the accepted message is sent");
    }

    @Test
    void refusesASecondMessageOnSendAndClose() throws IOException {
        FrameWriter writer = new FrameWriter(out, Framers.sendAndClose());
        writer.writeAndFlush("one");

        MessageRefusedException e = assertThrows(MessageRefusedException.class, () -> writer.writeAndFlush("two"));

        assertTrue(e.getMessage().contains("one message"), e.getMessage());
        assertArrayEquals("one".getBytes(US_ASCII), out.written());
        assertEquals(0, writer.batched());
    }

    @Test
    void refusesASecondSendAndCloseMessageEvenBeforeFlush() throws IOException {
        FrameWriter writer = new FrameWriter(out, Framers.sendAndClose());
        writer.write("one");

        assertThrows(MessageRefusedException.class, () -> writer.write("two"));
        writer.flush();

        assertArrayEquals("one".getBytes(US_ASCII), out.written());
    }

    @Test
    void settingTheSameSendAndCloseFramerAgainDoesNotAllowASecondMessage() throws IOException {
        Framer framer = Framers.sendAndClose();
        FrameWriter writer = new FrameWriter(out, framer);
        writer.write("one");
        writer.framer(framer);

        assertThrows(MessageRefusedException.class, () -> writer.write("two"));
    }

    // ---- large payloads -----------------------------------------------------------------------

    static Stream<Arguments> largePayloads() {
        int size = 40_000; // over DIRECT_WRITE_THRESHOLD
        byte[] letters = letters(size);
        byte[] binary = new byte[size];
        new Random(7).nextBytes(binary);
        byte[] pads = new byte[50_000 - size];
        Arrays.fill(pads, (byte) '#');
        return Stream.of(
                Arguments.of(Named.of("fixed-length", Framers.fixedLength(50_000).pad('#')), letters,
                        concat(letters, pads)),
                Arguments.of(Named.of("delimiter #*#", Framers.delimiter("#*#")), letters,
                        concat(letters, "#*#".getBytes(US_ASCII))),
                Arguments.of(Named.of("length prefix", Framers.lengthPrefixed()), binary,
                        concat(new byte[] {0, 0, (byte) 0x9c, 0x40}, binary)),
                Arguments.of(Named.of("send-and-close", Framers.sendAndClose()), binary, binary));
    }

    @ParameterizedTest
    @MethodSource("largePayloads")
    void writesExactWireBytesForALargePayload(Framer framer, byte[] payload, byte[] wire) throws IOException {
        assertTrue(payload.length >= FrameWriter.DIRECT_WRITE_THRESHOLD);
        FrameWriter writer = new FrameWriter(out, framer);

        writer.write(payload);
        writer.flush();

        assertArrayEquals(wire, out.written());
    }

    static Stream<Arguments> largePayloadsOnPersistentFramers() {
        return largePayloads().filter(arguments ->
                !TestFramers.isSendAndClose(((Framer) ((Named<?>) arguments.get()[0]).getPayload())));
    }

    @ParameterizedTest
    @MethodSource("largePayloadsOnPersistentFramers")
    void keepsOrderAroundALargePayloadBetweenSmallOnes(Framer framer, byte[] payload, byte[] wire)
            throws IOException {
        FrameWriter writer = new FrameWriter(out, framer);

        writer.write("before");
        writer.write(payload);
        writer.write("after");
        writer.flush();

        assertArrayEquals(concat(encode(framer, "before"), wire, encode(framer, "after")), out.written());
    }

    @Test
    void sendsALargePayloadStraightFromTheCallersBuffer() throws IOException {
        byte[] payload = letters(100_000);
        FrameWriter writer = new FrameWriter(out, Framers.lengthPrefixed());

        writer.write(payload);

        assertEquals(0, writer.batched(), "the payload was not copied into the batch");
        assertEquals(4 + payload.length, out.written().length);
    }

    @Test
    void sendsOnlyTheReadableBytesOfALargeBufferAtAnOffset() throws IOException {
        byte[] backing = letters(60_000);
        ByteBuf message = Unpooled.wrappedBuffer(backing).setIndex(1_000, 51_000);
        FrameWriter writer = new FrameWriter(out, Framers.lengthPrefixed());

        writer.writeAndFlush(message);

        assertArrayEquals(concat(bigEndian(50_000), Arrays.copyOfRange(backing, 1_000, 51_000)), out.written());
    }

    // ---- ownership ----------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("largePayloads")
    void leavesTheCallersBufferIndicesAndReferenceCountAlone(Framer framer, byte[] payload) throws IOException {
        for (byte[] content : new byte[][] {Arrays.copyOf(payload, 10), payload}) {
            ByteBuf message = Unpooled.buffer(content.length + 8);
            message.writeBytes(new byte[3]).writeBytes(content).readerIndex(3);
            FrameWriter writer = new FrameWriter(new RecordingStream(), framer);

            writer.writeAndFlush(message);

            assertEquals(3, message.readerIndex());
            assertEquals(3 + content.length, message.writerIndex());
            assertEquals(1, message.refCnt(), "the caller still owns it");
            message.release();
        }
    }

    // ---- switching framers --------------------------------------------------------------------

    @Test
    void switchesFramersMidStream() throws IOException {
        FrameWriter writer = new FrameWriter(out, Framers.lines());

        writer.write("Content-Length: 5");
        writer.write("");
        writer.framer(Framers.lengthPrefixed());
        writer.write("hello");
        writer.framer(Framers.fixedLength(4).pad('#'));
        writer.write("ok");
        writer.flush();

        assertArrayEquals(concat("Content-Length: 5\n\n".getBytes(US_ASCII), new byte[] {0, 0, 0, 5},
                "hello".getBytes(US_ASCII), "ok##".getBytes(US_ASCII)), out.written());
    }

    @Test
    void allowsOneSendAndCloseMessageAfterSwitchingToIt() throws IOException {
        FrameWriter writer = new FrameWriter(out, Framers.lines());
        writer.write("header");
        writer.framer(Framers.sendAndClose());

        writer.write("body");
        assertThrows(MessageRefusedException.class, () -> writer.write("more"));
        writer.flush();

        assertArrayEquals("header\nbody".getBytes(US_ASCII), out.written());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static byte[] encode(Framer framer, String message) {
        return FrameReaderTest.encode(framer, message);
    }

    private static byte[] concat(byte[]... parts) {
        return FrameReaderTest.concat(parts);
    }

    private static byte[] bigEndian(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /** Text bytes a..z repeated: carried by every framer. */
    private static byte[] letters(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }
}
