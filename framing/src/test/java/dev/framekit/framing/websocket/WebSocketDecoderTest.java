package dev.framekit.framing.websocket;

import dev.framekit.framing.support.WireInput;
import dev.framekit.framing.support.Feed;
import dev.framekit.framing.support.DecodeOutcome;
import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.TruncatedFrameException;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.DecodeOutcome;
import dev.framekit.framing.support.Feed;
import dev.framekit.framing.support.WireInput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket decoder on well-formed and hostile streams, each fed whole, one byte per read and
 * split at every position: reassembly, control frames between fragments, and every refusal with
 * its close code.
 */
class WebSocketDecoderTest {
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CONTINUATION = 0x0;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xa;

    private static final WebSocketFramer SERVER = WebSocketFramer.server();
    private static final WebSocketFramer CLIENT = WebSocketFramer.client();

    private static byte[] fragment(boolean fin, int opcode, String text) {
        return WebSocketWire.frame(fin, opcode, utf8(text), true);
    }

    @Test
    void reassemblesAFragmentedMessage() {
        byte[] wire = concat(fragment(false, TEXT, "Hel"), fragment(false, CONTINUATION, ""),
                fragment(true, CONTINUATION, "lo ✓"), WebSocketWire.fromClient(BINARY, ascii("next")));
        DecodeOutcome outcome = Feed.sameEverySplit(SERVER, wire);
        assertTrue(outcome.hasFrames(List.of(utf8("Hello ✓"), ascii("next"))), outcome.toString());
        assertNull(outcome.failure());
    }

    @Test
    void tellsWhatAMessageBeingReassembledHoldsAndNothingOnceItIsWhole() throws Exception {
        FrameDecoder decoder = SERVER.newDecoder();
        ByteBuf in = Unpooled.wrappedBuffer(concat(WebSocketWire.frame(false, BINARY, new byte[10_000], true),
                WebSocketWire.frame(false, CONTINUATION, new byte[10_000], true)));
        assertEquals(0, decoder.heldCapacity(), "between messages");

        assertNull(decoder.decode(in, false));
        assertTrue(decoder.heldCapacity() >= 20_000, "two fragments held: " + decoder.heldCapacity());

        ByteBuf last = Unpooled.wrappedBuffer(WebSocketWire.frame(true, CONTINUATION, new byte[1], true));
        ByteBuf message = decoder.decode(last, false);
        assertEquals(20_001, message.readableBytes());
        assertEquals(0, decoder.heldCapacity(), "the whole message is the caller's now");
        message.release();
    }

    @Test
    void aReassembledMessageGrowsWithItsFragmentsNeverPastTheMessageLimit() throws Exception {
        FrameDecoder decoder = SERVER.newDecoder(); // message limit 1 MiB
        for (int i = 0; i < 15; i++) {
            ByteBuf fragment = Unpooled.wrappedBuffer(WebSocketWire.frame(false, i == 0 ? BINARY : CONTINUATION,
                    new byte[64_000], true));
            assertNull(decoder.decode(fragment, false));
        }
        assertEquals(1_024_000, decoder.heldCapacity(), "960,000 bytes arrived: doubled from 512,000, not rounded up"
                + " to 1 MiB (an array of 1 MiB takes two G1 regions)");
    }

    @Test
    void aReaderCountsTheMessageItsDecoderIsReassembling() {
        byte[] fragment = WebSocketWire.frame(false, BINARY, new byte[100_000], true);
        java.io.InputStream stalls = new java.io.InputStream() {
            private final java.io.InputStream first = new java.io.ByteArrayInputStream(fragment);

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (first.available() == 0) {
                    throw new java.io.IOException("the peer stalls (the final fragment never comes)");
                }
                return first.read(b, off, len);
            }
        };
        dev.framekit.framing.FrameReader reader = new dev.framekit.framing.FrameReader(stalls, SERVER);
        List<Integer> told = new ArrayList<>();
        reader.onBufferResized(told::add);

        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, reader::readFrame);

        int last = told.get(told.size() - 1);
        assertTrue(last - reader.bufferCapacity() >= 100_000, "the reader told its buffer (" + reader.bufferCapacity()
                + ") plus the fragment being reassembled: " + told);
    }

    @Test
    void reassemblesAMultiByteCharacterSplitAcrossFragments() {
        byte[] check = utf8("✓"); // e2 9c 93
        byte[] wire = concat(WebSocketWire.frame(false, TEXT, bytes(check[0]), true),
                WebSocketWire.frame(true, CONTINUATION, bytes(check[1], check[2]), true));
        assertTrue(Feed.sameEverySplit(SERVER, wire).hasFrames(List.of(check)));
    }

    @Test
    void handsOutControlFramesBetweenFragmentsAsTypedFramesInWireOrder() throws Exception {
        byte[] wire = concat(WebSocketWire.fromClient(PING, ascii("p1")), fragment(false, TEXT, "a"),
                WebSocketWire.fromClient(PING, ascii("p2")), WebSocketWire.fromClient(PONG, new byte[0]),
                fragment(true, CONTINUATION, "b"), WebSocketWire.fromClient(CLOSE, WebSocketWire.closePayload(1000, "bye")));
        FrameDecoder decoder = SERVER.newDecoder();
        ByteBuf in = Unpooled.wrappedBuffer(wire);

        assertEquals(List.of("PING p1", "PING p2", "PONG ", "TEXT ab", "CLOSE 1000 bye"), typedFrames(decoder, in));
        assertNull(decoder.decodeFrame(in, true), "after the close, the end of the stream is clean");
    }

    @Test
    void thePayloadPathConsumesControlFramesAndHandsOutOnlyMessages() throws Exception {
        byte[] wire = concat(WebSocketWire.fromClient(PING, ascii("p1")), fragment(false, TEXT, "a"),
                WebSocketWire.fromClient(PING, ascii("p2")), fragment(true, CONTINUATION, "b"));
        FrameDecoder decoder = SERVER.newDecoder();
        ByteBuf in = Unpooled.wrappedBuffer(wire);

        int before = in.readerIndex();
        assertNull(decoder.decode(in, false), "a ping is no message");
        assertTrue(in.readerIndex() > before, "but it was consumed: the caller calls again (the one rule for null)");
        ByteBuf message = null;
        for (int calls = 0; message == null && calls < 4; calls++) {
            message = decoder.decode(in, false);
        }
        assertEquals("ab", message.toString(java.nio.charset.StandardCharsets.UTF_8));
        message.release();
        assertNull(decoder.decode(in, false));
        assertEquals(0, in.readableBytes());
    }

    @Test
    void reportsACloseWithoutStatusAs1005() throws Exception {
        FrameDecoder decoder = CLIENT.newDecoder();
        assertEquals(List.of("CLOSE 1005 "), typedFrames(decoder, Unpooled.wrappedBuffer(bytes(0x88, 0x00))));
    }

    /** Decodes every typed frame in {@code in}, each as a line, e.g. {@code PING p1} or {@code CLOSE 1000 bye}. */
    private static List<String> typedFrames(FrameDecoder decoder, ByteBuf in) throws Exception {
        List<String> events = new ArrayList<>();
        while (true) {
            int before = in.readerIndex();
            WebSocketFrame frame = (WebSocketFrame) decoder.decodeFrame(in, false);
            if (frame == null) {
                if (in.readerIndex() == before) {
                    return events;
                }
                continue;
            }
            events.add(frame.opcode() == WebSocketOpcode.CLOSE
                    ? "CLOSE " + frame.closeCode() + " " + frame.closeReason()
                    : frame.opcode() + " " + frame.text());
            frame.release();
        }
    }

    // ---- refusals, with their close codes ----

    @Test
    void refusesAnUnmaskedClientFrame() {
        assertProtocolError(SERVER, WebSocketWire.fromServer(TEXT, ascii("hi")), 1002, "unmasked frame from the client");
    }

    @Test
    void refusesAMaskedServerFrame() {
        assertProtocolError(CLIENT, WebSocketWire.fromClient(TEXT, ascii("hi")), 1002, "masked frame from the server");
    }

    @Test
    void refusesALengthWithItsTopBitSetWithoutAllocating() {
        byte[] header = bytes(0x82, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x37, 0xfa, 0x21, 0x3d); // 2^63
        assertProtocolError(SERVER, header, 1002, "most significant bit");
    }

    @Test
    void refusesAHugeLengthAsTooLongAsSoonAsItsFieldArrives() {
        byte[] header = bytes(0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff); // 2^63 - 1, no key yet
        DecodeOutcome outcome = Feed.sameEverySplit(SERVER, header);
        assertEquals(WireInput.tooLongSignature(Long.MAX_VALUE, 1 << 20), outcome.signature());
        assertEquals(1009, WebSocketCloseCodes.forFailure(outcome.failure()));
    }

    @Test
    void refusesNonMinimalLengths() {
        assertProtocolError(SERVER, bytes(0x82, 0xfe, 0x00, 0x05), 1002, "the length 5 in a 16-bit field");
        assertProtocolError(SERVER, bytes(0x82, 0xff, 0, 0, 0, 0, 0, 0, 0xff, 0xff), 1002,
                "the length 65535 in a 64-bit field");
    }

    @Test
    void refusesAPingOf126Bytes() {
        assertProtocolError(SERVER, WebSocketWire.fromClient(PING, new byte[126]), 1002, "PING frame of 126 payload bytes");
    }

    @Test
    void refusesAFragmentedControlFrame() {
        assertProtocolError(SERVER, WebSocketWire.frame(false, PING, ascii("x"), true), 1002, "fragmented PING");
    }

    @Test
    void refusesInvalidUtf8InATextMessage() {
        assertProtocolError(SERVER, WebSocketWire.fromClient(TEXT, bytes('o', 'k', 0xc3, 0x28)), 1007, "not UTF-8 at byte 2");
        assertProtocolError(SERVER, concat(WebSocketWire.frame(false, TEXT, bytes(0xe2, 0x9c), true),
                WebSocketWire.frame(true, CONTINUATION, bytes('x'), true)), 1007, "not UTF-8");
    }

    @Test
    void refusesInvalidCloseFrames() {
        assertProtocolError(SERVER, WebSocketWire.fromClient(CLOSE, bytes(0x03)), 1002, "1 payload byte");
        assertProtocolError(SERVER, WebSocketWire.fromClient(CLOSE, WebSocketWire.closePayload(1006, "")), 1002, "1006");
        assertProtocolError(SERVER, WebSocketWire.fromClient(CLOSE, concat(bytes(0x03, 0xe8), bytes(0xff))), 1007, "reason");
        assertProtocolError(SERVER, concat(WebSocketWire.fromClient(CLOSE, new byte[0]), WebSocketWire.fromClient(TEXT,
                ascii("late"))), 1002, "after its close frame");
    }

    @Test
    void refusesReservedBitsAndOpcodes() {
        assertProtocolError(SERVER, bytes(0xc1, 0x80, 1, 2, 3, 4), 1002, "reserved bits");
        assertProtocolError(SERVER, bytes(0x83, 0x80, 1, 2, 3, 4), 1002, "reserved opcode 0x3");
        assertProtocolError(SERVER, bytes(0x8b, 0x80, 1, 2, 3, 4), 1002, "reserved opcode 0xb");
    }

    @Test
    void refusesContinuationsOutOfPlace() {
        assertProtocolError(SERVER, fragment(true, CONTINUATION, "x"), 1002, "no fragmented message to continue");
        assertProtocolError(SERVER, concat(fragment(false, TEXT, "a"), fragment(true, TEXT, "b")), 1002,
                "while a fragmented TEXT message");
    }

    @Test
    void boundsANeverEndingFragmentedMessage() {
        WebSocketFramer small = SERVER.withMaxFrameLength(100).withMaxMessageLength(1000);
        List<byte[]> fragments = new ArrayList<>();
        fragments.add(WebSocketWire.frame(false, BINARY, new byte[100], true));
        for (int i = 0; i < 20; i++) {
            fragments.add(WebSocketWire.frame(false, CONTINUATION, new byte[100], true));
        }
        DecodeOutcome outcome = Feed.sameEverySplit(small, concat(fragments.toArray(byte[][]::new)));
        assertEquals(WireInput.tooLongSignature(1100, 1000), outcome.signature());
        assertTrue(outcome.failure().getMessage().contains("10 fragments"), outcome.failure().getMessage());
        assertEquals(1009, WebSocketCloseCodes.forFailure(outcome.failure()));
    }

    @Test
    void refusesAFrameOverTheMaximumFromItsHeader() {
        byte[] header = bytes(0x82, 0xfe, 0x01, 0x00); // 256 bytes declared, nothing else sent
        DecodeOutcome outcome = Feed.sameEverySplit(SERVER.withMaxFrameLength(255), header);
        assertEquals(WireInput.tooLongSignature(256, 255), outcome.signature());
    }

    @Test
    void reportsAStreamEndingInsideAFrameOrAMessage() {
        assertEquals(WireInput.truncatedSignature(1, 2), Feed.sameEverySplit(SERVER, bytes(0x81)).signature());
        byte[] frame = WebSocketWire.fromClient(TEXT, ascii("hello"));
        assertEquals(WireInput.truncatedSignature(frame.length - 1, frame.length),
                Feed.sameEverySplit(SERVER, java.util.Arrays.copyOf(frame, frame.length - 1)).signature());
        byte[] first = fragment(false, TEXT, "hel");
        assertEquals(WireInput.truncatedSignature(first.length, TruncatedFrameException.UNKNOWN),
                Feed.sameEverySplit(SERVER, first).signature());
    }

    private static void assertProtocolError(Framer framer, byte[] wire, int closeCode, String mention) {
        DecodeOutcome outcome = Feed.sameEverySplit(framer, wire);
        WebSocketProtocolException error = assertInstanceOf(WebSocketProtocolException.class, outcome.failure(),
                outcome.toString());
        assertEquals(closeCode, error.closeCode(), error.getMessage());
        assertEquals(closeCode, WebSocketCloseCodes.forFailure(error));
        assertTrue(error.getMessage().contains(mention), error.getMessage() + " should mention " + mention);
        assertTrue(error.getMessage().contains("close code " + closeCode), error.getMessage());
    }
}
