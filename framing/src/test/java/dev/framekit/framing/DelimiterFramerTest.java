package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.DecodeOutcome;
import dev.framekit.framing.support.Feed;
import dev.framekit.framing.support.WireInput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.framekit.framing.testing.Splits;
import dev.framekit.framing.testing.ChunkedInputStream;

/** The delimiter framer: payload then delimiter; the first delimiter in the buffered bytes wins. */
class DelimiterFramerTest {
    private final DelimiterFramer hashStarHash = Framers.delimiter("#*#");

    @Test
    void encodesPayloadFollowedByTheDelimiter() throws Exception {
        assertArrayEquals(bytes(0x68, 0x69, 0x23, 0x2a, 0x23), encode(hashStarHash, ascii("hi")));
        assertArrayEquals(bytes('h', 'i', 0x0a), encode(Framers.lines(), ascii("hi")));
    }

    @Test
    void encodesEmptyMessageAsTheDelimiterAlone() throws Exception {
        assertArrayEquals(ascii("#*#"), encode(hashStarHash, new byte[0]));
    }

    @Test
    void firstDelimiterWinsWhenSeveralAreBuffered() throws Exception {
        ByteBuf in = Unpooled.wrappedBuffer(ascii("a#*#bb#*#ccc#*#"));
        FrameDecoder decoder = hashStarHash.newDecoder();

        ByteBuf first = decoder.decode(in, false);

        assertArrayEquals(ascii("a"), ByteBufUtil.getBytes(first));
        assertEquals(11, in.readableBytes(), "the rest stays buffered for the next frames");
        first.release();
        assertTrue(Feed.sameEverySplit(hashStarHash, ascii("a#*#bb#*#ccc#*#")).hasFrames(frames("a", "bb", "ccc")));
    }

    @Test
    void decodesMultiByteDelimiterSplitAcrossReads() throws Exception {
        FrameDecoder decoder = hashStarHash.newDecoder();
        ByteBuf in = Unpooled.buffer();

        in.writeBytes(ascii("hi#"));
        assertNull(decoder.decode(in, false), "'#' may start the delimiter: need more");
        in.writeBytes(ascii("*"));
        assertNull(decoder.decode(in, false), "'#*' may start the delimiter: need more");
        in.writeBytes(ascii("#yo"));
        ByteBuf frame = decoder.decode(in, false);

        assertArrayEquals(ascii("hi"), ByteBufUtil.getBytes(frame));
        assertArrayEquals(ascii("yo"), ByteBufUtil.getBytes(in), "what follows the delimiter stays buffered");
        frame.release();
    }

    @Test
    void findsDelimiterThatOverlapsAFalseStart() {
        // "aab" in "xaaab": a naive search that skips past the failed match at offset 1 misses it.
        DelimiterFramer aab = Framers.delimiter("aab");

        assertTrue(Feed.sameEverySplit(aab, ascii("xaaab")).hasFrames(frames("xa")));
    }

    @Test
    void splitsRunsOfAnOverlappingDelimiterAtTheFirstMatch() {
        DelimiterFramer hashHash = Framers.delimiter("##");

        assertTrue(Feed.sameEverySplit(hashHash, ascii("a#b##c##")).hasFrames(frames("a#b", "c")));
        DecodeOutcome run = Feed.sameEverySplit(hashHash, ascii("a###"));
        assertTrue(run.hasFrames(frames("a")), "'a###' is 'a' then '##', leaving '#': " + run);
        assertEquals(WireInput.truncatedSignature(1, TruncatedFrameException.UNKNOWN), run.signature());
    }

    @Test
    void roundTripsPayloadsWithDelimiterBytesThatCannotFormTheDelimiter() throws Exception {
        DelimiterFramer hashHash = Framers.delimiter("##");
        for (String payload : List.of("#a", "a#b", "#a#b")) {
            byte[] wire = encode(hashHash, ascii(payload));
            assertTrue(Feed.sameEverySplit(hashHash, wire).hasFrames(frames(payload)), payload);
        }
    }

    @Test
    void refusesPayloadContainingDelimiter() {
        MessageRefusedException refusal =
                assertThrows(MessageRefusedException.class, () -> encode(hashStarHash, ascii("ab#*#c")));

        assertTrue(refusal.getMessage().contains("\"#*#\""), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("offset 2"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("61 62 23 2a 23 63"), "hex preview: " + refusal.getMessage());
        assertEquals(6, refusal.messageLength());
    }

    @Test
    void refusesPayloadWhoseEndRunsIntoTheDelimiter() {
        // "a#*" + "#*#" = "a#*#*#": the receiver would find "#*#" at offset 1 and return "a".
        MessageRefusedException refusal =
                assertThrows(MessageRefusedException.class, () -> encode(hashStarHash, ascii("a#*")));

        assertTrue(refusal.getMessage().contains("2 byte"), refusal.getMessage());
        assertThrows(MessageRefusedException.class, () -> encode(Framers.delimiter("##"), ascii("a#")));
    }

    @Test
    void acceptsPayloadEndingWithDelimiterBytesThatCannotFormItEarly() throws Exception {
        // "a#" + "#*#" = "a##*#": the first "#*#" starts at offset 2, so "a#" survives.
        byte[] wire = encode(hashStarHash, ascii("a#"));

        assertArrayEquals(ascii("a##*#"), wire);
        assertTrue(Feed.sameEverySplit(hashStarHash, wire).hasFrames(frames("a#")));
        // "a\r" + "\r\n" = "a\r\r\n": the first "\r\n" starts at offset 2.
        assertTrue(Feed.sameEverySplit(Framers.delimiter("\r\n"), encode(Framers.delimiter("\r\n"), ascii("a\r")))
                .hasFrames(frames("a\r")));
    }

    @Test
    void decodesWhatPythonSplitOnceWouldGive() {
        // b"a##*#b#*#".split(b"#*#", 1) == [b"a#", b"b#*#"]
        assertTrue(Feed.sameEverySplit(hashStarHash, ascii("a##*#b#*#")).hasFrames(frames("a#", "b")));
    }

    @Test
    void keepsCarriageReturnsOnTheNewlineFramer() {
        assertTrue(Feed.sameEverySplit(Framers.lines(), ascii("hi\r\n\r\n")).hasFrames(frames("hi\r", "\r")));
    }

    @Test
    void reportsFrameWithoutDelimiterAtEndOfStreamAsTruncated() {
        DecodeOutcome outcome = Feed.sameEverySplit(hashStarHash, ascii("ok#*#abc#*"));

        assertTrue(outcome.hasFrames(frames("ok")));
        TruncatedFrameException truncated = assertInstanceOf(TruncatedFrameException.class, outcome.failure());
        assertEquals(5, truncated.bytesReceived());
        assertEquals(TruncatedFrameException.UNKNOWN, truncated.bytesExpected(), "a delimited frame's size is unknown");
        assertTrue(truncated.getMessage().contains("5 bytes"), truncated.getMessage());
        assertTrue(truncated.getMessage().contains("61 62 63 23 2a"), "hex preview: " + truncated.getMessage());
    }

    @Test
    void failsOnceMoreThanTheMaximumArrivesWithoutADelimiter() {
        DelimiterFramer max10 = Framers.lines().withMaxFrameLength(10);
        FrameDecoder decoder = max10.newDecoder();
        ByteBuf in = Unpooled.buffer();

        in.writeBytes(ascii("0123456789"));
        assertNull(assertDoesNotFail(decoder, in), "10 bytes may still be a whole frame");
        in.writeBytes(ascii("A"));
        FrameTooLongException tooLong = assertThrows(FrameTooLongException.class, () -> decoder.decode(in, false));

        assertEquals(10, tooLong.maxFrameLength());
        assertEquals(11, tooLong.frameLength());
        assertTrue(tooLong.getMessage().contains("10 bytes"), tooLong.getMessage());
        assertTrue(tooLong.getMessage().contains("withMaxFrameLength(n)"), tooLong.getMessage());
        assertTrue(tooLong.getMessage().contains("30 31 32"), "hex preview: " + tooLong.getMessage());
    }

    @Test
    void acceptsFrameOfExactlyTheMaximumWithAMultiByteDelimiter() {
        DelimiterFramer max10 = Framers.delimiter("#*#").withMaxFrameLength(10);

        assertTrue(Feed.sameEverySplit(max10, ascii("0123456789#*#")).hasFrames(frames("0123456789")));
    }

    @Test
    void copiesTheDelimiterBytesItIsGivenAndHandsOut() throws Exception {
        byte[] given = ascii("#*#");
        DelimiterFramer framer = Framers.delimiter(given);

        given[1] = 'x';
        framer.delimiter()[1] = 'y';

        assertArrayEquals(ascii("#*#"), framer.delimiter());
        assertArrayEquals(ascii("a#*#"), encode(framer, ascii("a")));
    }

    @Test
    void sendsTextDelimitersAsUtf8() throws Exception {
        assertArrayEquals(bytes('a', 0xc2, 0xa7), encode(Framers.delimiter("§"), ascii("a")));
    }

    @Test
    void resumesAfterAnOverLongFrameAtTheNextDelimiterHoweverTheStreamIsSplit() {
        DelimiterFramer max4 = Framers.delimiter("#*#").withMaxFrameLength(4);
        byte[] wire = ascii("ok#*#0123456789#*#next#*#");

        String whole = transcriptResuming(max4, wire, Splits.whole(wire.length));

        assertEquals("ok | too long | next | end", whole);
        assertEquals(whole, transcriptResuming(max4, wire, Splits.oneBytePerRead(wire.length)), "one byte per read");
        for (int position : Splits.positions(wire.length)) {
            assertEquals(whole, transcriptResuming(max4, wire, Splits.splitAt(position, wire.length)),
                    "split after byte " + position);
        }
    }

    @Test
    void frameReaderSkipsAnOverLongLineAndReadsTheNextOne() throws Exception {
        byte[] wire = ascii("0123456789ABC\nnext\n");
        try (FrameReader reader = new FrameReader(ChunkedInputStream.oneByteAtATime(wire),
                Framers.lines().withMaxFrameLength(10))) {
            FrameTooLongException tooLong = assertThrows(FrameTooLongException.class, reader::readString);

            assertTrue(tooLong.isSkipped(), "a delimited frame can be skipped");
            assertEquals("next", reader.readString());
            assertNull(reader.readString());
        }
    }

    /** Decodes, carrying on after resumable too-long errors: e.g. {@code ok | too long | next | end}. */
    private static String transcriptResuming(Framer framer, byte[] wire, int[] chunkSizes) {
        FrameDecoder decoder = framer.newDecoder();
        ByteBuf in = Unpooled.buffer();
        List<String> events = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i <= chunkSizes.length; i++) {
            boolean end = i == chunkSizes.length;
            if (!end) {
                in.writeBytes(wire, offset, chunkSizes[i]);
                offset += chunkSizes[i];
            }
            while (true) {
                try {
                    ByteBuf frame = decoder.decode(in, end);
                    if (frame == null) {
                        break;
                    }
                    events.add(frame.toString(StandardCharsets.ISO_8859_1));
                    frame.release();
                } catch (FrameTooLongException e) {
                    assertTrue(e.isSkipped(), e.getMessage());
                    events.add("too long");
                } catch (FramingException e) {
                    events.add(DecodeOutcome.signatureOf(e));
                    return String.join(" | ", events);
                }
            }
        }
        events.add("end");
        return String.join(" | ", events);
    }

    private static ByteBuf assertDoesNotFail(FrameDecoder decoder, ByteBuf in) {
        try {
            return decoder.decode(in, false);
        } catch (FramingException e) {
            throw new AssertionError("decode failed too early", e);
        }
    }

    private static byte[] encode(Framer framer, byte[] payload) throws MessageRefusedException {
        ByteBuf out = Unpooled.buffer();
        framer.encode(payload, out);
        return ByteBufUtil.getBytes(out);
    }
}
