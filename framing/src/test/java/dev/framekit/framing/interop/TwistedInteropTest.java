package dev.framekit.framing.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.MessageRefusedException;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Twisted's {@code Int8StringReceiver}, {@code Int16StringReceiver}, {@code Int32StringReceiver}
 * and {@code NetstringReceiver}, as clients and as servers, exchanging messages with framekit over
 * loopback sockets. Needs Debian's {@code python3-twisted}.
 *
 * <p><b>Twisted's limit.</b> Its receivers drop the connection on a string over
 * {@code MAX_LENGTH}, 99,999 bytes by default, whatever the prefix could declare. A framekit
 * sender should use {@code maxFrameLength(99_999)} (it then refuses such a message before writing
 * it), or the Twisted side raises {@code MAX_LENGTH} on its protocol class.
 */
@Peer
@Needs(Capability.PYTHON3_TWISTED)
class TwistedInteropTest {
    private static final int TWISTED_MAX_LENGTH = 99_999;

    static Stream<Arguments> receivers() {
        return Stream.of(
                Arguments.of("int8", Framers.lengthPrefixed(LengthField.bigEndian(1)), List.of(0, 1, 5, 255)),
                Arguments.of("int16", Framers.lengthPrefixed(LengthField.bigEndian(2)), List.of(0, 1, 300, 65_535)),
                Arguments.of("int32", Framers.lengthPrefixed(), List.of(0, 1, 300, TWISTED_MAX_LENGTH)),
                Arguments.of("netstring", Framers.netstrings(), List.of(0, 1, 300, TWISTED_MAX_LENGTH)));
    }


    @ParameterizedTest(name = "Twisted {0} client, framekit {1} server")
    @MethodSource("receivers")
    void aTwistedClientTalksToAFramekitServer(String kind, Framer framer, List<Integer> sizes) throws Exception {
        try (EchoServer server = new EchoServer(framer)) {
            List<Object> arguments = new ArrayList<>(List.of("client", kind, server.port()));
            arguments.addAll(sizes);
            try (PythonPeer twisted = PythonPeer.start("twisted_peer.py", arguments.toArray())) {
                List<String> output = twisted.finish();

                assertEquals(expectedGot(sizes), output.subList(0, sizes.size()), "the echoes Twisted received");
            }
            EchoServer.Received received = server.received();
            assertNull(received.failure(), "the connection ended cleanly");
            assertEquals(sizes.size(), received.frames().size());
            for (int seed = 0; seed < sizes.size(); seed++) {
                assertArrayEquals(Patterns.bytes(sizes.get(seed), seed), received.frames().get(seed));
            }
        }
    }

    @ParameterizedTest(name = "framekit {1} client, Twisted {0} server")
    @MethodSource("receivers")
    void aFramekitClientTalksToATwistedServer(String kind, Framer framer, List<Integer> sizes) throws Exception {
        try (PythonPeer twisted = PythonPeer.start("twisted_peer.py", "server", kind)) {
            try (FramedConnection client = connect(twisted.port(), framer)) {
                for (int seed = 0; seed < sizes.size(); seed++) {
                    client.writer().write(Patterns.bytes(sizes.get(seed), seed));
                }
                client.writer().flush();
                for (int seed = 0; seed < sizes.size(); seed++) {
                    assertArrayEquals(Patterns.bytes(sizes.get(seed), seed), client.readByteArray(), "echo " + seed);
                }
            }
            List<String> output = twisted.finish();
            assertEquals(expectedGot(sizes), output.subList(0, sizes.size()), "what Twisted received");
        }
    }

    @Test
    void twistedDropsTheConnectionOnAFrameOverItsMaxLength() throws Exception {
        try (PythonPeer twisted = PythonPeer.start("twisted_peer.py", "server", "int32")) {
            try (FramedConnection client = connect(twisted.port(), Framers.lengthPrefixed())) {
                client.send(Patterns.bytes(TWISTED_MAX_LENGTH, 0));
                assertArrayEquals(Patterns.bytes(TWISTED_MAX_LENGTH, 0), client.readByteArray(), "99,999 bytes pass");

                client.send(Patterns.bytes(TWISTED_MAX_LENGTH + 1, 1));

                assertNull(readOrNull(client), "Twisted hung up instead of echoing 100,000 bytes");
            }
            List<String> output = twisted.finish();
            assertTrue(output.contains("length limit exceeded 100000"), "Twisted's own verdict: " + output);
        }
    }

    @Test
    void aFramekitSenderSetToTwistedsLimitRefusesWhatTwistedWouldDrop() {
        Framer toTwisted = Framers.lengthPrefixed().withMaxFrameLength(TWISTED_MAX_LENGTH);

        MessageRefusedException refusal = toTwisted.check(Patterns.bytes(TWISTED_MAX_LENGTH + 1, 0));

        assertNotNull(refusal);
        assertTrue(refusal.getMessage().contains("100000 bytes, over the maximum frame length of 99999"),
                refusal.getMessage());
    }

    @Test
    void aFramekitServerSetToTwistedsLimitRejectsALargerStringFromTwisted() throws Exception {
        try (EchoServer server = new EchoServer(Framers.lengthPrefixed().withMaxFrameLength(TWISTED_MAX_LENGTH));
                PythonPeer twisted = PythonPeer.start("twisted_peer.py", "client", "int32", server.port(),
                        TWISTED_MAX_LENGTH + 1)) {
            EchoServer.Received received = server.received();

            FrameTooLongException tooLong = assertInstanceOf(FrameTooLongException.class, received.failure());
            assertEquals(TWISTED_MAX_LENGTH + 1, tooLong.frameLength());
            assertTrue(twisted.finish().contains("closed"));
        }
    }

    private static FramedConnection connect(int port, Framer framer) throws IOException {
        return FramedConnection.connector("127.0.0.1", port).framer(framer).readTimeout(Duration.ofSeconds(20)).connect();
    }

    /** A read after the peer hung up: null at a clean end, or the reset a close with unread data causes. */
    private static byte[] readOrNull(FramedConnection client) {
        try {
            return client.readByteArray();
        } catch (IOException reset) {
            return null;
        }
    }

    private static List<String> expectedGot(List<Integer> sizes) {
        List<String> lines = new ArrayList<>();
        for (int seed = 0; seed < sizes.size(); seed++) {
            lines.add(PythonPeer.got(sizes.get(seed), seed));
        }
        return lines;
    }
}
