package dev.framekit.framing.websocket;

import dev.framekit.framing.support.Payload;
import dev.framekit.framing.support.IllegalMessage;
import dev.framekit.framing.support.WireInput;
import dev.framekit.framing.support.FramerFixture;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.internal.FrameLimits;
import static dev.framekit.framing.support.FixtureBytes.allByteValues;
import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.bytes;
import static dev.framekit.framing.support.FixtureBytes.concat;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static dev.framekit.framing.support.FixtureBytes.random;
import static dev.framekit.framing.support.FixtureBytes.repeat;

import dev.framekit.framing.support.FramerFixture;
import dev.framekit.framing.support.IllegalMessage;
import dev.framekit.framing.support.Payload;
import dev.framekit.framing.support.WireInput;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The WebSocket entries of {@link FramerFixture}: one per direction, since a role's decoder reads
 * the other role's frames ({@link WebSocketDirection}). Client frames are masked with the fixed
 * key {@link WebSocketWire#KEY} so that the wire bytes are reproducible.
 */
public final class WebSocketFixtures {
    private WebSocketFixtures() {}

    public static FramerFixture serverToClient() {
        return fixture("websocket server -> client", WebSocketFramer.server(), WebSocketFramer.client(),
                payload -> WebSocketWire.fromServer(0x2, payload), 0);
    }

    public static FramerFixture clientToServer() {
        WebSocketFramer client = WebSocketFramer.client().maskKeys(() -> WebSocketWire.KEY);
        return fixture("websocket client -> server", client, WebSocketFramer.server(),
                payload -> WebSocketWire.fromClient(0x2, payload), 4);
    }

    private static FramerFixture fixture(String name, WebSocketFramer sender, WebSocketFramer receiver,
            UnaryOperator<byte[]> wireOf, int keyLength) {
        Framer framer = new WebSocketDirection(sender, receiver);
        Framer max10 = new WebSocketDirection(sender.withMaxFrameLength(10), receiver.withMaxFrameLength(10));
        int mask = keyLength > 0 ? 0x80 : 0;
        byte[] key = keyLength > 0 ? bytes(0x37, 0xfa, 0x21, 0x3d) : new byte[0];
        byte[] hi = wireOf.apply(ascii("hi"));
        return new FramerFixture(name, framer, wireOf,
                List.of(Payload.of("empty", new byte[0]), Payload.of("1 byte", ascii("a")),
                        Payload.of("every byte value (256, a 16-bit length)", allByteValues()),
                        Payload.of("125 bytes, the largest 7-bit length", repeat('x', 125)),
                        Payload.of("bytes that look like a header", bytes(0x81, 0x05)), Payload.text("héllo ✓"),
                        Payload.of(FramerFixture.LARGE + " random bytes (a 64-bit length)", random(12, FramerFixture.LARGE))),
                List.of(IllegalMessage.of("over the maximum of 10", max10, ascii("hello world"), "11", "10"),
                        IllegalMessage.of("over the default maximum of 1 MiB", framer,
                                repeat('x', FrameLimits.DEFAULT_MAX_FRAME_LENGTH + 1), "1048577", "1048576")),
                List.of(WireInput.truncated("half a header", framer, bytes(0x82), List.of(), 1, 2),
                        WireInput.truncated("a frame, then half a 16-bit length", framer,
                                concat(hi, bytes(0x82, mask | 126, 0x01)), frames("hi"), 3, 4 + keyLength),
                        WireInput.truncated("a header and 2 of 5 payload bytes", framer,
                                concat(bytes(0x82, mask | 5), key, bytes('h', 'e')), List.of(),
                                2 + keyLength + 2, 2 + keyLength + 5)),
                List.of(WireInput.complete("a frame of exactly the maximum of 10", max10,
                                wireOf.apply(ascii("0123456789")), frames("0123456789")),
                        WireInput.tooLong("a header declaring 11 bytes", max10,
                                concat(bytes(0x82, mask | 11), key, ascii("0123456789A")), List.of(), 11, 10, 2),
                        WireInput.tooLong("a 64-bit length of 2^63 - 1", framer,
                                bytes(0x82, mask | 127, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), List.of(),
                                Long.MAX_VALUE, FrameLimits.DEFAULT_MAX_FRAME_LENGTH, 10),
                        WireInput.tooLong("a frame, then a 16-bit length of 300", max10,
                                concat(hi, bytes(0x82, mask | 126, 0x01, 0x2c)), frames("hi"), 300, 10, hi.length + 4)));
    }
}
