package dev.framekit.framing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.framekit.framing.support.HostileStreams;
import dev.framekit.framing.support.Slow;
import dev.framekit.framing.support.TestFramers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.framekit.framing.testing.ChunkedInputStream;

/** {@link FrameReader} over streams that split, stall, fail and end at awkward places. */
class FrameReaderTest {

    // ---- a read that fails mid-frame ----------------------------------------------------------

    @Slow
    @ParameterizedTest
    @MethodSource("dev.framekit.framing.support.TestFramers#every")
    void continuesTheFrameAfterAReadTimesOutMidFrame(Framer framer) throws IOException {
        byte[] wire = encode(framer, "hello, world");
        int half = wire.length / 2;
        InputStream in = mock(InputStream.class);
        AtomicInteger calls = new AtomicInteger();
        doAnswer(invocation -> {
            byte[] b = invocation.getArgument(0);
            int off = invocation.getArgument(1);
            switch (calls.getAndIncrement()) {
                case 0:
                    System.arraycopy(wire, 0, b, off, half);
                    return half;
                case 1:
                    // The failing read scribbles into the buffer before it gives up; none of that may count.
                    Arrays.fill(b, off, off + Math.min(8, b.length - off), (byte) '!');
                    throw new SocketTimeoutException("Read timed out");
                case 2:
                    System.arraycopy(wire, half, b, off, wire.length - half);
                    return wire.length - half;
                default:
                    return -1;
            }
        }).when(in).read(any(byte[].class), anyInt(), anyInt());
        FrameReader reader = new FrameReader(in, framer);

        assertThrows(SocketTimeoutException.class, reader::readString);
        assertEquals(half, reader.buffered(), "the bytes before the timeout stay buffered");

        assertEquals("hello, world", reader.readString());
        int expectedCalls = TestFramers.isSendAndClose(framer) ? 4 : 3; // send-and-close waits for the end
        assertEquals(expectedCalls, calls.get(), "the stream was not read past the frame");
    }

    @Test
    void propagatesAFailingReadUnchangedAndKeepsWhatArrivedBefore() throws IOException {
        byte[] wire = concat(encode(Framers.lengthPrefixed(), "first"), encode(Framers.lengthPrefixed(), "second"));
        IOException reset = new IOException("Connection reset");
        InputStream in = HostileStreams.failingAfter(wire, 12, () -> reset);
        FrameReader reader = new FrameReader(in, Framers.lengthPrefixed());

        assertEquals("first", reader.readString());
        IOException thrown = assertThrows(IOException.class, reader::readString);
        assertSame(reset, thrown, "not wrapped, not turned into a framing error");
        assertFalse(thrown instanceof FramingException);
        assertEquals(3, reader.buffered(), "12 bytes arrived, 9 were the first frame");
        assertSame(reset, assertThrows(IOException.class, reader::readString), "the stream is asked again");
    }

    @ParameterizedTest
    @MethodSource("dev.framekit.framing.support.TestFramers#persistent")
    void losesNothingWhenReadsFailRepeatedlyMidFrame(Framer framer) throws IOException {
        byte[] wire = concat(encode(framer, "one"), encode(framer, "two"), encode(framer, "three"));
        for (int failAt = 1; failAt < wire.length; failAt++) {
            HostileStreams.FailingStream in =
                    HostileStreams.failingOnceAfter(wire, failAt, () -> new SocketTimeoutException("Read timed out"));
            FrameReader reader = new FrameReader(in, framer, 5);
            List<String> got = new ArrayList<>();
            while (true) {
                try {
                    String message = reader.readString();
                    if (message == null) {
                        break;
                    }
                    got.add(message);
                } catch (SocketTimeoutException expected) {
                    // the caller retries, as a server with a read timeout would
                }
            }
            assertEquals(List.of("one", "two", "three"), got, "timeout after byte " + failAt);
            assertEquals(1, in.failures());
        }
    }

    // ---- the stream ends mid-frame ------------------------------------------------------------

    @Test
    void reportsAStreamEndingMidHeaderWithBytesReceivedAndExpected() throws IOException {
        byte[] wire = concat(encode(Framers.lengthPrefixed(), "whole"), new byte[] {0, 0});
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire), Framers.lengthPrefixed());

        assertEquals("whole", reader.readString(), "the complete frame before the cut is delivered");
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class, reader::readString);
        assertEquals(2, e.bytesReceived());
        assertEquals(4, e.bytesExpected());
        assertTrue(e.getMessage().contains("length-prefix"), e.getMessage());
    }

    @Test
    void reportsAStreamEndingMidBodyWithBytesReceivedAndExpected() throws IOException {
        byte[] wire = encode(Framers.lengthPrefixed(), "0123456789");
        FrameReader reader =
                new FrameReader(HostileStreams.endingAfter(wire, 4 + 3), Framers.lengthPrefixed());

        TruncatedFrameException e = assertThrows(TruncatedFrameException.class, reader::readByteArray);
        assertEquals(7, e.bytesReceived());
        assertEquals(14, e.bytesExpected());
        assertTrue(e.getMessage().contains("3 of 10 payload bytes"), e.getMessage());
    }

    @Test
    void reportsAFixedFrameCutShort() throws IOException {
        Framer framer = Framers.fixedLength(16).pad('#');
        byte[] wire = concat(encode(framer, "a"), encode(framer, "b"));
        FrameReader reader = new FrameReader(HostileStreams.endingAfter(wire, 16 + 5), framer);

        assertEquals("a", reader.readString());
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class, reader::readString);
        assertEquals(5, e.bytesReceived());
        assertEquals(16, e.bytesExpected());
    }

    @Test
    void reportsADelimitedFrameWithoutItsDelimiterAtTheEnd() throws IOException {
        Framer framer = Framers.delimiter("#*#");
        byte[] wire = "done#*#partial#*".getBytes(US_ASCII);
        FrameReader reader = new FrameReader(ChunkedInputStream.oneByteAtATime(wire), framer);

        assertEquals("done", reader.readString());
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class, reader::readString);
        assertEquals("partial#*".length(), e.bytesReceived());
        assertEquals(TruncatedFrameException.UNKNOWN, e.bytesExpected());
    }

    // ---- endless streams ----------------------------------------------------------------------

    @Test
    void stopsAnEndlessStreamWithoutDelimiterAtTheMaximum() throws IOException {
        int max = 100_000;
        int chunk = 8 * 1024;
        HostileStreams.EndlessStream in = HostileStreams.endless((byte) 'x');
        FrameReader reader = new FrameReader(in, Framers.lines().withMaxFrameLength(max), chunk);

        FrameTooLongException e = assertThrows(FrameTooLongException.class, reader::readFrame);

        assertEquals(max, e.maxFrameLength());
        assertTrue(e.frameLength() > max);
        assertTrue(in.served() > max, "it read up to the maximum");
        assertTrue(in.served() <= max + 1 + chunk, "read " + in.served() + " bytes, far past the maximum");
        assertTrue(reader.buffered() <= max + 1 + chunk, "buffered " + reader.buffered() + " bytes");
    }

    @Test
    void stopsAnEndlessSendAndCloseMessageAtTheMaximum() throws IOException {
        int max = 50_000;
        int chunk = 4 * 1024;
        HostileStreams.EndlessStream in = HostileStreams.endless((byte) 0);
        FrameReader reader = new FrameReader(in, Framers.sendAndClose(max), chunk);

        FrameTooLongException e = assertThrows(FrameTooLongException.class, reader::readFrame);

        assertEquals(max, e.maxFrameLength());
        assertTrue(in.served() <= max + chunk, "read " + in.served() + " bytes, far past the maximum");
        assertTrue(reader.buffered() <= max + chunk, "buffered " + reader.buffered() + " bytes");
    }

    @Test
    void refusesAHugeDeclaredLengthAfterOneChunk() throws IOException {
        HostileStreams.EndlessStream in = HostileStreams.endless((byte) 0xff);
        FrameReader reader = new FrameReader(in, Framers.lengthPrefixed(), 1024);

        FrameTooLongException e = assertThrows(FrameTooLongException.class, reader::readFrame);

        assertEquals(0xFFFFFFFFL, e.frameLength());
        assertTrue(in.served() <= 1024, "one chunk was enough to know: " + in.served() + " bytes");
        assertTrue(reader.buffered() <= 1024);
    }

    @Test
    void skipsAnOverlongLineWithoutBufferingItAndReadsTheNext() throws IOException {
        int max = 1000;
        int chunk = 512;
        byte[] wire = concat("ok\n".getBytes(US_ASCII), "x".repeat(200_000).getBytes(US_ASCII),
                "\nnext\n".getBytes(US_ASCII));
        AtomicInteger peak = new AtomicInteger();
        FrameReader[] probe = new FrameReader[1];
        InputStream in = new FilterInputStream(new ChunkedInputStream(wire, chunk)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                peak.accumulateAndGet(probe[0].buffered(), Math::max);
                return super.read(b, off, len);
            }
        };
        FrameReader reader = new FrameReader(in, Framers.lines().withMaxFrameLength(max), chunk);
        probe[0] = reader;

        assertEquals("ok", reader.readString());
        FrameTooLongException e = assertThrows(FrameTooLongException.class, reader::readString);
        assertTrue(e.isSkipped(), "a line framer can find the next line");
        assertEquals("next", reader.readString(), "reading again skips the rest of the long line");
        assertNull(reader.readString());
        assertTrue(peak.get() <= max + 2 * chunk, "buffered up to " + peak.get() + " bytes of a 200000-byte line");
    }

    @Test
    void readReturnsAnOverlongLineAsASkippedFrameAndGoesOn() throws Exception {
        byte[] wire = "ok\nmuch too long\nnext\n".getBytes(US_ASCII);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire), Framers.lines().withMaxFrameLength(5));

        assertEquals("ok", text(reader.read()));
        Frame skipped = reader.read();
        assertTrue(skipped.isSkipped(), skipped.toString());
        assertEquals(5, skipped.skipReason().maxFrameLength());
        assertEquals("next", text(reader.read()));
        assertNull(reader.read());
    }

    @Test
    void aDecoderThatWrapsASkippingOneOnlyByDecodeStillHandsOutTheSkipAsAnOutcome() throws Exception {
        Framer lines = Framers.lines().withMaxFrameLength(5);
        Framer wrapping = new ForwardingFramer(lines) {
            @Override
            public FrameDecoder newDecoder() {
                FrameDecoder inner = lines.newDecoder();
                return inner::decode; // a user's decorator that implements decode alone
            }
        };
        FrameReader reader = new FrameReader(new ByteArrayInputStream("much too long\nnext\n".getBytes(US_ASCII)), wrapping);

        assertTrue(reader.read().isSkipped(), "not thrown: the typed path reports it as an outcome");
        assertEquals("next", text(reader.read()));
    }

    private static String text(Frame frame) {
        try {
            return frame.payload().toString(US_ASCII);
        } finally {
            frame.release();
        }
    }

    // ---- how reads are split ------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("dev.framekit.framing.support.TestFramers#persistent")
    void decodesFramesArrivingOneByteAtATime(Framer framer) throws IOException {
        List<String> messages = List.of("", "a", "hello", "héllo wörld", "tail");
        List<String> carried = messages.stream().filter(m -> carries(framer, m)).toList();
        byte[] wire = concat(carried.stream().map(m -> encode(framer, m)).toArray(byte[][]::new));
        ChunkedInputStream in = ChunkedInputStream.oneByteAtATime(wire);
        FrameReader reader = new FrameReader(in, framer);

        assertEquals(carried, readAllStrings(reader));
        assertEquals(wire.length + 1, in.readCalls(), "one call per byte, one for the end");
    }

    @Test
    void decodesASendAndCloseMessageArrivingOneByteAtATime() throws IOException {
        byte[] wire = "a whole message, dribbled".getBytes(US_ASCII);
        FrameReader reader = new FrameReader(ChunkedInputStream.oneByteAtATime(wire), Framers.sendAndClose());

        assertArrayEquals(wire, reader.readByteArray());
        assertNull(reader.readByteArray());
    }

    @Test
    void handsOutAThousandFramesFromTwoReadCalls() throws IOException {
        Framer framer = Framers.lengthPrefixed();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            messages.add("message " + i);
        }
        byte[] wire = concat(messages.stream().map(m -> encode(framer, m)).toArray(byte[][]::new));
        ChunkedInputStream in = new ChunkedInputStream(wire, wire.length);
        FrameReader reader = new FrameReader(in, framer);

        for (String message : messages) {
            assertEquals(message, reader.readString());
        }
        // The first request is 8 KiB and doubles while reads fill it: ~15 KB of frames take two reads.
        assertEquals(2, in.readCalls(), "1000 frames (" + wire.length + " bytes) in one chunk, so two read calls");
        assertNull(reader.readString());
        assertEquals(3, in.readCalls());
    }

    @Test
    void readsInLargeChunksNotPerFrame() throws IOException {
        Framer framer = Framers.lines();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        int count = 100_000;
        for (int i = 0; i < count; i++) {
            wire.writeBytes(("line " + i + "\n").getBytes(US_ASCII));
        }
        ChunkedInputStream in = new ChunkedInputStream(wire.toByteArray(), Integer.MAX_VALUE);
        FrameReader reader = new FrameReader(in, framer);

        int read = 0;
        ByteBuf frame;
        while ((frame = reader.readFrame()) != null) {
            frame.release();
            read++;
        }
        assertEquals(count, read);
        int chunks = (wire.size() + FrameReader.DEFAULT_CHUNK_SIZE - 1) / FrameReader.DEFAULT_CHUNK_SIZE;
        // The request starts at 8 KiB and doubles to 64 KiB in three reads while the data keeps coming.
        assertTrue(in.readCalls() <= chunks + 4, in.readCalls() + " read calls for " + chunks + " chunks of data");
    }

    // ---- switching framers --------------------------------------------------------------------

    @Test
    void keepsBufferedBytesWhenSwitchingFramers() throws IOException {
        byte[] wire = concat(
                "POST /upload\nContent-Length: 5\n\n".getBytes(US_ASCII),
                encode(Framers.lengthPrefixed(), "hello"),
                "trailer\n".getBytes(US_ASCII));
        ChunkedInputStream in = new ChunkedInputStream(wire, wire.length);
        FrameReader reader = new FrameReader(in, Framers.lines());

        List<String> header = new ArrayList<>();
        String line;
        while (!(line = reader.readString()).isEmpty()) {
            header.add(line);
        }
        reader.framer(Framers.lengthPrefixed());
        String body = reader.readString();
        reader.framer(Framers.lines());
        String trailer = reader.readString();

        assertEquals(List.of("POST /upload", "Content-Length: 5"), header);
        assertEquals("hello", body);
        assertEquals("trailer", trailer);
        assertEquals(1, in.readCalls(), "everything came in the first chunk");
        assertNull(reader.readString());
    }

    @Test
    void switchesFromDelimiterToFixedLengthAndSendAndClose() throws IOException {
        Framer fixed = Framers.fixedLength(8).pad('#');
        byte[] wire = concat("head#*#".getBytes(US_ASCII), encode(fixed, "body"), "the rest".getBytes(US_ASCII));
        FrameReader reader = new FrameReader(new ChunkedInputStream(wire, 3), Framers.delimiter("#*#"));

        assertEquals("head", reader.readString());
        reader.framer(fixed);
        assertEquals("body", reader.readString());
        reader.framer(Framers.sendAndClose());
        assertEquals("the rest", reader.readString());
    }

    // ---- errors stick -------------------------------------------------------------------------

    @Test
    void throwsAFramingErrorAgainOnLaterReads() throws IOException {
        byte[] wire = concat(new byte[] {0x7f, 0, 0, 0}, "GET / HTTP/1.1\r\n".getBytes(US_ASCII));
        ChunkedInputStream in = new ChunkedInputStream(wire, wire.length);
        FrameReader reader = new FrameReader(in, Framers.lengthPrefixed());

        FrameTooLongException first = assertThrows(FrameTooLongException.class, reader::readFrame);
        int callsAfterFailure = in.readCalls();
        assertSame(first, assertThrows(FrameTooLongException.class, reader::readByteArray));
        assertSame(first, assertThrows(FrameTooLongException.class, reader::readString));
        assertEquals(callsAfterFailure, in.readCalls(), "the stream is out of step; it is not read again");
    }

    @Test
    void throwsATruncationAgainOnLaterReads() throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(new byte[] {0, 0, 0, 9, 1}),
                Framers.lengthPrefixed());

        TruncatedFrameException first = assertThrows(TruncatedFrameException.class, reader::readByteArray);
        assertSame(first, assertThrows(TruncatedFrameException.class, reader::readByteArray));
    }

    // ---- ByteBuf ownership --------------------------------------------------------------------

    @Test
    void keepsAHeldFrameIntactWhileLaterFramesAreRead() throws IOException {
        Framer framer = Framers.lengthPrefixed();
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            messages.add(("frame number " + i + " " + "x".repeat(i % 37)).getBytes(US_ASCII));
        }
        byte[] wire = concat(messages.stream().map(m -> encode(framer, m)).toArray(byte[][]::new));
        // Small, odd chunks make the reader compact or replace its buffer many times.
        FrameReader reader = new FrameReader(new ChunkedInputStream(wire, 7, 13, 5), framer, 16);

        ByteBuf held = reader.readFrame();
        ByteBuf alsoHeld = null;
        for (int i = 1; i < messages.size(); i++) {
            ByteBuf frame = reader.readFrame();
            assertArrayEquals(messages.get(i), ByteBufUtil.getBytes(frame), "frame " + i);
            if (i == 1000) {
                alsoHeld = frame;
            } else {
                frame.release();
            }
        }
        assertNull(reader.readFrame());

        assertArrayEquals(messages.get(0), ByteBufUtil.getBytes(held), "the first frame, held throughout");
        held.release();
        assertArrayEquals(messages.get(1000), ByteBufUtil.getBytes(alsoHeld), "releasing one frame spares another");
        reader.close();
        assertArrayEquals(messages.get(1000), ByteBufUtil.getBytes(alsoHeld), "closing the reader spares it too");
        assertTrue(alsoHeld.release(), "the last reference frees the memory");
    }

    @Test
    void aFrameHeldPastCloseKeepsItsMemoryUntilReleased() throws IOException {
        Framer framer = Framers.lines();
        FrameReader reader = new FrameReader(new ByteArrayInputStream("kept\nnext\n".getBytes(US_ASCII)), framer);

        ByteBuf kept = reader.readFrame();
        ByteBuf next = reader.readFrame();
        next.release();
        reader.close();

        assertEquals(1, kept.refCnt(), "after close only the caller's reference remains");
        assertEquals("kept", kept.toString(UTF_8));
        assertTrue(kept.release(), "releasing the last frame frees the memory");
        assertEquals(0, kept.refCnt());
    }

    @Test
    void releasingFramesNeverFreesTheReadersBuffer() throws IOException {
        Framer framer = Framers.delimiter("#*#");
        FrameReader reader = new FrameReader(new ByteArrayInputStream("a#*#b#*#c#*#".getBytes(US_ASCII)), framer);

        ByteBuf a = reader.readFrame();
        assertFalse(a.release(), "the reader still holds its buffer");
        assertEquals(1, a.refCnt(), "only the reader's own reference is left");
        ByteBuf b = reader.readFrame();
        assertFalse(b.release());
        assertEquals(1, b.refCnt());
        assertEquals("c", reader.readString());
        assertNull(reader.readFrame());
        assertEquals(0, reader.buffered());
    }

    // ---- text and end of stream ---------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("dev.framekit.framing.support.TestFramers#every")
    void decodesUtf8OnlyFromWholeFrames(Framer framer) throws IOException {
        String text = "héllo wörld, € and 𝄞 and 日本語";
        byte[] wire = encode(framer, text);
        FrameReader reader = new FrameReader(ChunkedInputStream.oneByteAtATime(wire), framer);

        assertEquals(text, reader.readString());
    }

    @ParameterizedTest
    @MethodSource("dev.framekit.framing.support.TestFramers#persistent")
    void returnsNullAtACleanEndAndAgainOnTheNextCall(Framer framer) throws IOException {
        byte[] wire = concat(encode(framer, "one"), encode(framer, "two"));
        FrameReader reader = new FrameReader(new ChunkedInputStream(wire, 5), framer);

        assertEquals("one", reader.readString());
        assertEquals("two", reader.readString());
        assertNull(reader.readString());
        assertTrue(reader.isEndOfStream());
        assertNull(reader.readFrame());
        assertNull(reader.readByteArray());
    }

    @Test
    void returnsTheSendAndCloseMessageThenNullForEver() throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream("only".getBytes(US_ASCII)), Framers.sendAndClose());

        assertEquals("only", reader.readString());
        assertNull(reader.readString());
        assertNull(reader.readString());
    }

    @Test
    void returnsNullForAnEmptyStream() throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(new byte[0]), Framers.lengthPrefixed());

        assertNull(reader.readFrame());
        assertNull(reader.readFrame());
    }

    @Test
    void refusesToReadAfterClose() throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream("x\n".getBytes(US_ASCII)), Framers.lines());
        reader.close();

        assertThrows(IOException.class, reader::readFrame);
        assertEquals(0, reader.buffered());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static boolean carries(Framer framer, String message) {
        try {
            framer.encode(message.getBytes(UTF_8), Unpooled.buffer());
            return true;
        } catch (MessageRefusedException e) {
            return false;
        }
    }

    static byte[] encode(Framer framer, String message) {
        return encode(framer, message.getBytes(UTF_8));
    }

    static byte[] encode(Framer framer, byte[] message) {
        ByteBuf out = Unpooled.buffer();
        try {
            framer.encode(message, out);
        } catch (MessageRefusedException e) {
            throw new AssertionError("test message refused by " + framer, e);
        }
        return ByteBufUtil.getBytes(out);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static List<String> readAllStrings(FrameReader reader) throws IOException {
        List<String> all = new ArrayList<>();
        String message;
        while ((message = reader.readString()) != null) {
            all.add(message);
        }
        return all;
    }
}
