package dev.framekit.framing;

import dev.framekit.framing.websocket.WebSocketDirection;
import dev.framekit.framing.websocket.WebSocketFramer;
import dev.framekit.framing.websocket.WebSocketOpcode;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.framekit.framing.support.DecodeOutcome;
import dev.framekit.framing.support.Feed;
import dev.framekit.framing.support.FixtureBytes;
import dev.framekit.framing.support.Slow;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.function.Predicate;
import dev.framekit.framing.testing.Splits;

/**
 * Jazzer fuzz tests, one per framer, on small maxima so that every limit is within reach. Each
 * checks two things:
 *
 * <ul>
 *   <li>arbitrary wire bytes decode without any exception but a {@link FramingException}, to the
 *       same outcome whole, one byte per read, in chunks whose sizes come from the fuzz data, and
 *       through a {@link FrameReader};
 *   <li>an arbitrary payload is refused exactly when the wire format, written out independently
 *       here, cannot carry it; a refusal writes nothing, and an accepted payload round-trips.
 * </ul>
 *
 * <p>Under {@code ./mvnw verify} (tagged slow, so not in {@code ./mvnw test}) they run in
 * regression mode over the seeds in
 * {@code src/test/resources/dev/framekit/framing/FramerFuzzTestInputs/<method>/}. To fuzz one for
 * real: {@code JAZZER_FUZZ=1 ./mvnw -pl framing test -Dtiers.excluded= -Dtest='FramerFuzzTest#<method>'}.
 *
 * <p>How the data is read ({@link FuzzedDataProvider} takes integers from the end and byte arrays
 * from the front): the framer's settings, then the payload's length and the count of chunk sizes
 * from the end; the payload, the chunk sizes (one byte each) and then the wire bytes from the front.
 */
@Slow
class FramerFuzzTest {
    private static final byte[] PRIOR = ascii("prior");

    @FuzzTest(maxDuration = "30s")
    void fixedLengthFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        FixedLengthFramer framer = Framers.fixedLength(data.consumeInt(1, 64)).pad((byte) data.consumeInt(0, 255));
        checkContract(framer, data, payload -> payload.length <= framer.frameSize()
                && (payload.length == 0 || payload[payload.length - 1] != framer.padByte()));
    }

    @FuzzTest(maxDuration = "30s")
    void delimiterFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        byte[] delimiter = data.consumeBytes(data.consumeInt(1, 4));
        byte[] chosen = delimiter.length == 0 ? ascii("\n") : delimiter;
        DelimiterFramer framer = Framers.delimiter(chosen).withMaxFrameLength(data.consumeInt(1, 64));
        // What the receiver finds first in payload + delimiter must be the delimiter after the payload.
        checkContract(framer, data, payload -> payload.length <= framer.maxFrameLength()
                && FixtureBytes.indexOf(concat(payload, chosen), chosen, 0) == payload.length);
    }

    @FuzzTest(maxDuration = "30s")
    void lengthPrefixFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        LengthPrefixFramer framer = Framers.lengthPrefixed().withMaxFrameLength(data.consumeInt(1, 64));
        checkContract(framer, data, payload -> payload.length <= framer.maxFrameLength());
    }

    /** The length fields the fuzzer chooses from; ASCII widths of at least 2 so any maximum up to 64 fits. */
    private static final LengthField[] FIELDS = {LengthField.bigEndian(1), LengthField.bigEndian(2),
            LengthField.littleEndian(2), LengthField.bigEndian(3), LengthField.littleEndian(4), LengthField.bigEndian(8),
            LengthField.varint(), LengthField.asciiDecimal(2), LengthField.asciiDecimal(5)};

    @FuzzTest(maxDuration = "30s")
    void lengthFieldFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        LengthField field = FIELDS[data.consumeInt(0, FIELDS.length - 1)];
        LengthPrefixFramer.Builder builder = LengthPrefixFramer.builder().lengthField(field)
                .maxFrameLength(data.consumeInt(1, 64))
                .onOversize(data.consumeBoolean() ? OversizePolicy.SKIP : OversizePolicy.FAIL);
        if (data.consumeBoolean() && field.fixedWidth() > 0) {
            builder.lengthIncludesHeader();
        }
        LengthPrefixFramer framer = builder.build();
        checkContract(framer, data, payload -> payload.length <= framer.maxFrameLength());
    }

    @FuzzTest(maxDuration = "30s")
    void headerFieldFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        LengthField field = FIELDS[data.consumeInt(0, FIELDS.length - 1)];
        int offset = data.consumeInt(0, 4);
        LengthPrefixFramer.Builder builder = LengthPrefixFramer.builder().lengthFieldOffset(offset).lengthField(field)
                .maxFrameLength(data.consumeInt(1, 64));
        if (data.consumeBoolean() && field.fixedWidth() > 0) {
            builder.lengthIncludesHeader();
        }
        LengthPrefixFramer framer = builder.build();
        echoesHeaderFields(framer, data.consumeBytes(data.consumeInt(0, 5)), data.consumeBytes(data.consumeInt(0, 70)));
        checkContract(framer, data, payload -> payload.length <= framer.maxFrameLength());
    }

    @FuzzTest(maxDuration = "30s")
    void mqttGrpcAndZmtpFramersKeepTheirContractOnArbitraryInput(FuzzedDataProvider data) {
        int max = data.consumeInt(1, 64);
        Framer framer = switch (data.consumeInt(0, 2)) {
            case 0 -> Framers.mqtt().withMaxFrameLength(max);
            case 1 -> Framers.grpc().withMaxFrameLength(max);
            default -> Framers.zmtp(max);
        };
        echoesHeaderFields(framer, data.consumeBytes(data.consumeInt(0, 2)), data.consumeBytes(data.consumeInt(0, 70)));
        checkContract(framer, data, payload -> payload.length <= max);
    }

    /** Lines the control-line target writes back, beside arbitrary ones. */
    private static final String[] LINES = {"", "+OK", "$3", "$-1", "*2", ":5", "=4", "MSG a 1 2", "PUB a r 0",
        "HMSG a 1 2 9", "HPUB a 0 0", "PING", "INFO {}", "5", "SEND\n\n", "MESSAGE\r\ncontent-length:0\r\n\r\n"};

    @FuzzTest(maxDuration = "30s")
    void controlLineFramersKeepTheirContractOnArbitraryInput(FuzzedDataProvider data) {
        int max = data.consumeInt(1, 64);
        int which = data.consumeInt(0, 3);
        Framer framer = which == 0 ? Framers.resp(max) : which == 1 ? Framers.nats(max)
                : which == 2 ? Framers.syslog(max) : Framers.stomp(max);
        byte[] line = data.consumeBoolean() ? ascii(LINES[data.consumeInt(0, LINES.length - 1)])
                : data.consumeBytes(data.consumeInt(0, 12));
        echoesHeaderFields(framer, line, data.consumeBytes(data.consumeInt(0, 70)));
        checkContract(framer, data, payload -> payload.length <= max && (which != 2 || payload.length > 0));
    }

    /**
     * A frame with arbitrary header fields is refused without writing anything, or written so that
     * decoding it and writing the result again gives the same bytes and the same payload.
     */
    private static void echoesHeaderFields(Framer framer, byte[] headerFields, byte[] payload) {
        ByteBuf out = Unpooled.buffer().writeBytes(PRIOR);
        Frame frame = Frame.of(Unpooled.wrappedBuffer(headerFields), Unpooled.wrappedBuffer(payload));
        try {
            framer.newEncoder().encode(frame, out);
        } catch (MessageRefusedException refusal) {
            assertEquals(PRIOR.length, out.writerIndex(), "a refusal writes nothing");
            return;
        }
        out.skipBytes(PRIOR.length);
        byte[] wire = ByteBufUtil.getBytes(out);
        Frame decoded;
        try {
            decoded = framer.newDecoder().decodeFrame(out, true);
        } catch (FramingException e) {
            throw new AssertionError(framer + " cannot read back what it wrote: " + FixtureBytes.hex(wire, 80), e);
        }
        ByteBuf again = Unpooled.buffer();
        try {
            assertEquals(Unpooled.wrappedBuffer(payload), decoded.payload(), () -> framer + ": payload");
            framer.newEncoder().encode(decoded, again);
            assertEquals(Unpooled.wrappedBuffer(wire), again, () -> framer + ": the echo of " + FixtureBytes.hex(wire, 80));
        } catch (MessageRefusedException e) {
            throw new AssertionError(framer + " refused to write back a frame it read: " + e.getMessage(), e);
        } finally {
            decoded.release();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void netstringFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        NetstringFramer framer = Framers.netstrings().withMaxFrameLength(data.consumeInt(1, 120));
        checkContract(framer, data, payload -> payload.length <= framer.maxFrameLength());
    }

    @FuzzTest(maxDuration = "30s")
    void lenientLineFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        DelimiterFramer framer = Framers.lines().withMaxFrameLength(data.consumeInt(1, 64)).lenientLineEndings();
        checkContract(framer, data, payload -> payload.length <= framer.maxFrameLength()
                && FixtureBytes.indexOf(payload, ascii("\n"), 0) < 0
                && (payload.length == 0 || payload[payload.length - 1] != '\r'));
    }

    @FuzzTest(maxDuration = "30s")
    void sendAndCloseFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        Framer framer = Framers.sendAndClose(data.consumeInt(1, 64));
        checkContract(framer, data, payload -> payload.length <= framer.maxFrameLength());
    }

    @FuzzTest(maxDuration = "30s")
    void webSocketFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        boolean fromClient = data.consumeBoolean();
        int maxFrame = data.consumeInt(1, 64);
        int maxMessage = maxFrame + data.consumeInt(0, 64);
        boolean text = data.consumeBoolean();
        WebSocketFramer client = WebSocketFramer.client().withMaxFrameLength(maxFrame).withMaxMessageLength(maxMessage);
        WebSocketFramer server = WebSocketFramer.server().withMaxFrameLength(maxFrame).withMaxMessageLength(maxMessage);
        WebSocketFramer sender = (fromClient ? client : server)
                .sendAs(text ? WebSocketOpcode.TEXT : WebSocketOpcode.BINARY);
        Framer direction = new WebSocketDirection(sender, fromClient ? server : client);
        // One frame per message: at most the frame limit, and text must be UTF-8 (it survives a round trip).
        checkContract(direction, data, payload -> payload.length <= maxFrame
                && (!text || java.util.Arrays.equals(payload, new String(payload, java.nio.charset.StandardCharsets.UTF_8)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @FuzzTest(maxDuration = "30s")
        void chunkedFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        ChunkedFramer base = Framers.chunked().withMaxFrameLength(data.consumeInt(1, 64));
        // The round trip encodes one chunk without the last chunk, so it runs on the lenient framer; the
        // split check decodes arbitrary wire bytes with either.
        ChunkedFramer decoding = data.consumeBoolean() ? base.lastChunkRequired() : base;
        checkContract(base, decoding, data, payload -> payload.length >= 1 && payload.length <= base.maxFrameLength());
    }

    @FuzzTest(maxDuration = "30s")
    void exactLengthFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        Framer framer = Framers.exactly(data.consumeInt(1, 64));
        checkContract(framer, data, payload -> payload.length == framer.maxFrameLength());
    }

    @FuzzTest(maxDuration = "30s")
    void cobsFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        Framer framer = Framers.cobs(data.consumeInt(1, 64));
        byte[] wire = checkContract(framer, data, payload -> payload.length <= framer.maxFrameLength());
        decodesDamagedFramesTheSameHoweverTheBytesAreSplit(framer, wire);
    }

    @FuzzTest(maxDuration = "30s")
    void slipFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        Framer framer = Framers.slip(data.consumeInt(1, 64));
        byte[] wire = checkContract(framer, data,
                payload -> payload.length >= 1 && payload.length <= framer.maxFrameLength());
        decodesDamagedFramesTheSameHoweverTheBytesAreSplit(framer, wire);
    }

    @FuzzTest(maxDuration = "30s")
    void jsonFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        int maxDepth = data.consumeInt(1, 8);
        Framer framer = Framers.json(data.consumeInt(1, 64), maxDepth);
        checkContract(framer, data, payload -> payload.length <= framer.maxFrameLength()
                && JsonOracle.isOneText(payload, false, maxDepth));
    }

    @FuzzTest(maxDuration = "30s")
    void jsonSeqFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        int maxDepth = data.consumeInt(1, 8);
        Framer framer = Framers.jsonSeq(data.consumeInt(1, 64), maxDepth);
        byte[] wire = checkContract(framer, data, payload -> payload.length <= framer.maxFrameLength()
                && JsonOracle.isOneText(payload, true, maxDepth));
        decodesDamagedFramesTheSameHoweverTheBytesAreSplit(framer, wire);
    }

    @FuzzTest(maxDuration = "30s")
    void lineOptionsKeepTheContractOnArbitraryInput(FuzzedDataProvider data) {
        byte[] first = data.consumeBytes(data.consumeInt(1, 3));
        byte[] second = data.consumeBytes(data.consumeInt(1, 3));
        String a = first.length == 0 ? "\r\n" : new String(first, java.nio.charset.StandardCharsets.ISO_8859_1);
        String b = second.length == 0 ? "\n" : new String(second, java.nio.charset.StandardCharsets.ISO_8859_1);
        DelimiterFramer framer = Framers.delimiters(a, b).withMaxFrameLength(data.consumeInt(1, 64));
        // The end of stream is a frame boundary under lastFrameAtEndOfStream, so only the split check runs on it.
        DelimiterFramer chosen = data.consumeBoolean() ? framer.keepDelimiter() : framer;
        Framer decoding = data.consumeBoolean() ? chosen.lastFrameAtEndOfStream() : chosen;
        boolean keep = chosen != framer;
        byte[][] delimiters = {a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8)};
        byte[] wire = checkContract(chosen, decoding, data,
                payload -> LineOracle.carries(delimiters, keep, framer.maxFrameLength(), payload));
        decodesDamagedFramesTheSameHoweverTheBytesAreSplit(decoding, wire);
    }

    @FuzzTest(maxDuration = "30s")
    void crc32cFramerKeepsItsContractOnArbitraryInput(FuzzedDataProvider data) {
        boolean skip = data.consumeBoolean();
        Framer inner = data.consumeBoolean() ? Framers.cobs(data.consumeInt(5, 64))
                : Framers.lengthPrefixed().withMaxFrameLength(data.consumeInt(5, 64));
        Framer framer = skip ? Framers.crc32cSkippingBadFrames(inner) : Framers.crc32c(inner);
        byte[] wire = checkContract(framer, data, payload -> payload.length <= framer.maxFrameLength());
        decodesDamagedFramesTheSameHoweverTheBytesAreSplit(framer, wire);
    }

    /**
     * For a framing that resyncs: the same wire bytes read on past every skipped frame give the same
     * frames and reports whole, one byte per read and in the fuzzed chunks (one report per bad frame).
     */
    private static void decodesDamagedFramesTheSameHoweverTheBytesAreSplit(Framer framer, byte[] wire) {
        List<String> whole = ResyncFeed.decode(framer, wire, Splits.whole(wire.length));
        assertEquals(whole, ResyncFeed.decode(framer, wire, Splits.oneBytePerRead(wire.length)),
                () -> framer + ", reading on past damage, one byte per read");
        assertEquals(whole, ResyncFeed.read(framer, wire), () -> framer + ", reading on past damage, FrameReader");
    }

    private static byte[] checkContract(Framer framer, FuzzedDataProvider data, Predicate<byte[]> wireFormatCarries) {
        return checkContract(framer, framer, data, wireFormatCarries);
    }

    /** Returns the fuzzed wire bytes it decoded. */
    private static byte[] checkContract(Framer encoding, Framer decoding, FuzzedDataProvider data,
            Predicate<byte[]> wireFormatCarries) {
        byte[] payload = data.consumeBytes(data.consumeInt(0, 80));
        byte[] chunkSizes = data.consumeBytes(data.consumeInt(0, 8));
        byte[] wire = data.consumeRemainingAsBytes();

        refusesExactlyWhatTheWireFormatCannotCarry(encoding, payload, wireFormatCarries.test(payload));
        decodesTheSameHoweverTheBytesAreSplit(decoding, wire, chunkSizes);
        return wire;
    }

    private static void refusesExactlyWhatTheWireFormatCannotCarry(Framer framer, byte[] payload, boolean carries) {
        ByteBuf out = Unpooled.buffer().writeBytes(PRIOR);
        try {
            framer.encode(payload, out);
        } catch (MessageRefusedException refusal) {
            assertFalse(carries, () -> framer + " refused a payload it can carry: " + refusal.getMessage());
            assertEquals(PRIOR.length, out.writerIndex(), "a refusal writes nothing");
            return;
        }
        assertTrue(carries, () -> framer + " accepted a payload it cannot carry: " + FixtureBytes.hex(payload, 80));
        out.skipBytes(PRIOR.length);
        byte[] wire = ByteBufUtil.getBytes(out);
        DecodeOutcome outcome = Feed.throughDecoder(framer, wire, Splits.whole(wire.length));
        assertTrue(outcome.hasFrames(List.of(payload)) && outcome.failure() == null,
                () -> framer + " did not round-trip " + FixtureBytes.hex(payload, 80) + ": " + outcome);
    }

    private static void decodesTheSameHoweverTheBytesAreSplit(Framer framer, byte[] wire, byte[] chunkSizes) {
        int length = wire.length;
        int[] chunks = Splits.fromBytes(chunkSizes, length);
        DecodeOutcome whole = Feed.throughDecoder(framer, wire, Splits.whole(length));

        assertEquals(whole, Feed.throughDecoder(framer, wire, chunks), () -> framer + ", fuzzed chunks");
        assertEquals(whole, Feed.throughDecoder(framer, wire, Splits.oneBytePerRead(length)),
                () -> framer + ", one byte per read");
        assertEquals(whole, Feed.throughReader(framer, wire, chunks), () -> framer + ", through a FrameReader");
    }
}
