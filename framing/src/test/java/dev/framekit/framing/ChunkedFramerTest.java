package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.testing.ChunkedInputStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The chunked framer's own cases: the end of the body, what comes after it, and its limits. */
class ChunkedFramerTest {
    private static final byte[] TWO_REQUESTS = ascii("POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n1;ext=\"x\"\r\n!\r\n0\r\nX-Trailer: yes\r\n\r\n"
            + "GET / HTTP/1.1\r\n\r\n");

    @Test
    void encodesEachMessageAsOneChunkAndEndsTheBodyWithTheLastChunk() throws Exception {
        ByteBuf out = Unpooled.buffer();
        FrameEncoder encoder = Framers.chunked().newEncoder();
        encoder.encode(Unpooled.wrappedBuffer(ascii("hello")), out);
        encoder.encode(Unpooled.wrappedBuffer(new byte[26]), out);
        encoder.writeEnd(out);

        assertTrue(encoder.isFinished(), "the last chunk ends the body");
        assertNotNull(encoder.check(Unpooled.wrappedBuffer(ascii("late"))), "no chunk after the last one");

        String wire = out.toString(StandardCharsets.ISO_8859_1);
        assertEquals("5\r\nhello\r\n1a\r\n" + "\0".repeat(26) + "\r\n0\r\n\r\n", wire);
    }

    @Test
    void readerReportsTheEndOfTheBodyAndKeepsTheNextRequestForTheNextFramer() throws Exception {
        for (int chunk : new int[] {1, 3, 7, TWO_REQUESTS.length}) {
            FrameReader reader = new FrameReader(new ChunkedInputStream(TWO_REQUESTS, new int[] {chunk}),
                    Framers.delimiter("\r\n\r\n"));
            assertTrue(reader.readString().startsWith("POST /echo"));
            reader.framer(Framers.chunked().lastChunkRequired());

            assertEquals("hello", reader.readString(), "read " + chunk + " bytes at a time");
            assertEquals("!", reader.readString());
            assertNull(reader.readString(), "the last chunk ends the body");
            assertNull(reader.readString(), "and it stays ended");
            assertFalse(reader.isEndOfStream(), "the body ended, not the stream");

            reader.framer(Framers.delimiter("\r\n\r\n"));
            assertEquals("GET / HTTP/1.1", reader.readString());
            assertNull(reader.readString());
            assertTrue(reader.isEndOfStream());
        }
    }

    @Test
    void aStreamThatEndsBeforeTheLastChunkIsTruncatedWhenTheLastChunkIsRequired() throws Exception {
        FrameReader lenient = new FrameReader(new ByteArrayInputStream(ascii("2\r\nhi\r\n")), Framers.chunked());
        assertEquals("hi", lenient.readString());
        assertNull(lenient.readString(), "by default, the end between chunks is clean, as for every framer");

        FrameReader strict = new FrameReader(new ByteArrayInputStream(ascii("2\r\nhi\r\n")),
                Framers.chunked().lastChunkRequired());
        assertEquals("hi", strict.readString());
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class, strict::readString);
        assertTrue(e.getMessage().contains("before the last chunk"), e.getMessage());
    }

    @Test
    void refusesASizeThatOverflows64BitsInsteadOfWrappingAround() {
        FrameDecoder decoder = Framers.chunked().newDecoder();
        ByteBuf in = Unpooled.wrappedBuffer(ascii("FFFFFFFFFFFFFFFFF\r\n"));

        FramingException e = assertThrows(FramingException.class, () -> decoder.decode(in, false));
        assertFalse(e instanceof FrameTooLongException, "a size over 64 bits is malformed, not a large frame");
        assertTrue(e.getMessage().contains("64 bits"), e.getMessage());
    }

    @Test
    void failsOnASizeOverTheMaximumBeforeAnyDataArrives() {
        FrameDecoder decoder = Framers.chunked().withMaxFrameLength(1000).newDecoder();
        ByteBuf in = Unpooled.wrappedBuffer(ascii("3e9\r\n"));

        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> decoder.decode(in, false));
        assertEquals(1001, e.frameLength());
        assertEquals(1000, e.maxFrameLength());
    }

    @Test
    void failsOnAnEndlessChunkExtensionWithinTheBound() {
        FrameDecoder decoder = Framers.chunked().newDecoder();
        ByteBuf in = Unpooled.buffer();
        in.writeBytes(ascii("1;"));
        FramingException failure = null;
        for (int i = 0; i < 10_000 && failure == null; i++) {
            in.writeByte('x');
            try {
                decoder.decode(in, false);
            } catch (FramingException e) {
                failure = e;
            }
        }
        assertTrue(failure != null && in.readableBytes() <= ChunkedFramer.MAX_SIZE_LINE_LENGTH + 1,
                "fails once the size line passes its bound: " + in.readableBytes() + " bytes buffered");
    }
}
