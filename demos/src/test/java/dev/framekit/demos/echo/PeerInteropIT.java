package dev.framekit.demos.echo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.interop.PythonPeer;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real {@code echo-server} and {@code echo-client} against peers nobody here wrote: Twisted's
 * {@code Int8/Int16/Int32StringReceiver} and {@code NetstringReceiver} (Debian's
 * {@code python3-twisted}), and the seed tutorial's {@code zfill(5)} snippet, over loopback, with
 * the options docs/framers.md gives for each.
 */
@Peer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerInteropIT {
    private static final List<String> MESSAGES = List.of("hello", "héllo wörld ✓", "", "two words");

    @RegisterExtension
    final Framekit framekit = new Framekit();

    static Stream<Arguments> twistedReceivers() {
        return Stream.of(
                Arguments.of("int8", List.of("--framing", "length", "--length-field", "u8"), List.of(0, 1, 255)),
                Arguments.of("int16", List.of("--framing", "length", "--length-field", "u16"), List.of(0, 300, 65_535)),
                Arguments.of("int32", List.of("--framing", "length", "--max-frame", "99999"), List.of(0, 300, 99_999)),
                Arguments.of("netstring", List.of("--framing", "netstring", "--max-frame", "99999"),
                        List.of(0, 300, 99_999)));
    }

    @Needs(Capability.PYTHON3_TWISTED)
    @ParameterizedTest(name = "Twisted {0} client, echo-server {1}")
    @MethodSource("twistedReceivers")
    void aTwistedClientGetsItsEchoesFromTheEchoServer(String kind, List<String> options, List<Integer> sizes)
            throws Exception {
        FramekitProcess server = framekit.startServer("echo-server", options.toArray(String[]::new));
        List<Object> arguments = new ArrayList<>(List.of("client", kind, server.port()));
        arguments.addAll(sizes);
        try (PythonPeer twisted = PythonPeer.start("twisted_peer.py", arguments.toArray())) {
            List<String> output = twisted.finish();

            List<String> expected = new ArrayList<>();
            for (int seed = 0; seed < sizes.size(); seed++) {
                expected.add(PythonPeer.got(sizes.get(seed), seed));
            }
            assertEquals(expected, output.subList(0, sizes.size()), "the echoes Twisted received");
        }
    }

    @Needs(Capability.PYTHON3_TWISTED)
    @ParameterizedTest(name = "echo-client {1}, Twisted {0} server")
    @MethodSource("twistedReceivers")
    void theEchoClientGetsItsEchoesFromATwistedServer(String kind, List<String> options, List<Integer> sizes)
            throws Exception {
        try (PythonPeer twisted = PythonPeer.start("twisted_peer.py", "server", kind)) {
            Framekit.Result result = framekit.run(echoClient(twisted.port(), options, MESSAGES));

            assertEquals(0, result.exitCode(), result.transcript());
            assertEquals(MESSAGES, result.stdout(), result.transcript());
            List<String> output = twisted.finish();
            for (String message : MESSAGES) {
                assertTrue(output.contains(PythonPeer.got(message.getBytes(UTF_8))), "Twisted got " + message + ": " + output);
            }
        }
    }

    @Needs(Capability.PYTHON3_TWISTED)
    @Test
    void theEchoClientAtTwistedsLimitRefusesAMessageTwistedWouldDrop() throws Exception {
        try (PythonPeer twisted = PythonPeer.start("twisted_peer.py", "server", "int32")) {
            Framekit.Result result = framekit.run(echoClient(twisted.port(), List.of("--framing", "length",
                    "--max-frame", "99999"), List.of("x".repeat(100_000))));

            assertNotEquals(0, result.exitCode(), result.transcript());
            assertTrue(result.stderrText().contains("100000 bytes, over the maximum frame length of 99999"),
                    result.transcript());
        }
    }

    @Test
    void aMaximumOverWhatTheLengthFieldDeclaresIsAUsageErrorNamingTheOptions() {
        Framekit.Result result = framekit.run(echoClient(1, List.of("--framing", "length", "--length-field", "u16",
                "--max-frame", "99999"), List.of("hi")));

        assertEquals(2, result.exitCode(), result.transcript());
        assertTrue(result.stderrText().startsWith("framekit echo-client: --length-field u16 --max-frame 99999: "),
                result.transcript());
        assertTrue(result.stderrText().contains("at most 65535 bytes"), result.transcript());
    }

    @Needs(Capability.PYTHON3)
    @Test
    void theSeedTutorialsZfillPeerTalksToTheEchoServerOnAscii5() throws Exception {
        FramekitProcess server = framekit.startServer("echo-server", "--framing", "length", "--length-field", "ascii:5");
        try (PythonPeer python = PythonPeer.start("zfill_peer.py", "client", server.port(), 0, 5, 12, 99_999)) {
            assertEquals(List.of(PythonPeer.got(0, 0), PythonPeer.got(5, 1), PythonPeer.got(12, 2),
                    PythonPeer.got(99_999, 3)), python.finish());
        }
    }

    @Needs(Capability.PYTHON3)
    @Test
    void theEchoClientOnAscii5TalksToTheSeedTutorialsZfillPeer() throws Exception {
        try (PythonPeer python = PythonPeer.start("zfill_peer.py", "server")) {
            Framekit.Result result = framekit.run(echoClient(python.port(), List.of("--framing", "length",
                    "--length-field", "ascii:5"), MESSAGES));

            assertEquals(0, result.exitCode(), result.transcript());
            assertEquals(MESSAGES, result.stdout(), result.transcript());
        }
    }

    private static String[] echoClient(int port, List<String> options, List<String> messages) {
        List<String> args = new ArrayList<>(List.of("echo-client", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--timeout", "10s"));
        args.addAll(options);
        args.addAll(messages);
        return args.toArray(String[]::new);
    }
}
