package dev.framekit.framing.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed tutorial's rule, as its readers type it in Python:
 * {@code sock.sendall(str(len(msg)).zfill(5).encode() + msg)}, read back with
 * {@code int(recv_exactly(sock, 5))}, against framekit's {@code ascii:5} length field, both ways,
 * over loopback. Needs only {@code /usr/bin/python3}.
 */
@Peer
@Needs(Capability.PYTHON3)
class SeedTutorialInteropTest {
    private static final Framer ASCII5 = Framers.lengthPrefixed(LengthField.asciiDecimal(5));
    private static final List<Integer> SIZES = List.of(0, 1, 5, 12, 1000, 99_999);

    @Test
    void aPythonClientTalksToAFramekitServer() throws Exception {
        try (EchoServer server = new EchoServer(ASCII5)) {
            List<Object> arguments = new ArrayList<>(List.of("client", server.port()));
            arguments.addAll(SIZES);
            try (PythonPeer python = PythonPeer.start("zfill_peer.py", arguments.toArray())) {
                assertEquals(expectedGot(), python.finish(), "the echoes python read with its zfill snippet");
            }
            EchoServer.Received received = server.received();
            assertNull(received.failure());
            for (int seed = 0; seed < SIZES.size(); seed++) {
                assertArrayEquals(Patterns.bytes(SIZES.get(seed), seed), received.frames().get(seed));
            }
        }
    }

    @Test
    void aFramekitClientTalksToAPythonServer() throws Exception {
        try (PythonPeer python = PythonPeer.start("zfill_peer.py", "server")) {
            try (FramedConnection client = FramedConnection.connector("127.0.0.1", python.port()).framer(ASCII5)
                    .readTimeout(Duration.ofSeconds(20)).connect()) {
                for (int seed = 0; seed < SIZES.size(); seed++) {
                    client.send(Patterns.bytes(SIZES.get(seed), seed));
                    assertArrayEquals(Patterns.bytes(SIZES.get(seed), seed), client.readByteArray());
                }
            }
            assertEquals(expectedGot(), python.finish(), "what python read with its zfill snippet");
        }
    }

    private static List<String> expectedGot() {
        List<String> lines = new ArrayList<>();
        for (int seed = 0; seed < SIZES.size(); seed++) {
            lines.add(PythonPeer.got(SIZES.get(seed), seed));
        }
        return lines;
    }
}
