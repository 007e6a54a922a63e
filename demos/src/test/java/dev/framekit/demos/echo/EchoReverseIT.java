package dev.framekit.demos.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.Framings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * echo-client and reverse-client against the real echo-server and reverse-server, on every
 * framing, with messages as arguments and as lines of standard input. One server per command
 * and framing serves every test of the class. The tests run concurrently when JUnit's parallel
 * execution is enabled (demos/src/test/resources/junit-platform.properties).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT) // each test waits mostly on a client JVM starting; two at a time halve the wait
@Timeout(60)
class EchoReverseIT {
    private static final List<String> MESSAGES = List.of("hello", "héllo wörld ✓", "two words", "😀 emoji");

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final Map<String, FramekitProcess> servers = new ConcurrentHashMap<>();

    private FramekitProcess server(String command, Framings framing) {
        return servers.computeIfAbsent(command + " " + framing,
                key -> framekit.startServer(command, framing.options().toArray(String[]::new)));
    }

    private Framekit.Result client(String command, Framings framing, String stdin, String... messages) {
        String server = command.replace("-client", "-server");
        List<String> first = List.of(command, "--host", "127.0.0.1", "--port", Integer.toString(server(server, framing).port()),
                "--timeout", "5s");
        String[] args = framing.args(first, messages);
        return stdin == null ? framekit.run(args) : framekit.runWithInput(stdin, args);
    }

    private static void assertSucceeded(Framekit.Result result) {
        assertEquals(0, result.exitCode(), result.transcript());
        assertEquals(List.of(), result.stderr(), result.transcript());
    }

    @ParameterizedTest
    @EnumSource(Framings.class)
    void echoClientPrintsEachArgumentsEchoOnItsOwnLine(Framings framing) {
        Framekit.Result result = client("echo-client", framing, null, MESSAGES.toArray(String[]::new));
        assertSucceeded(result);
        assertEquals(MESSAGES, result.stdout(), result.transcript());
    }

    @ParameterizedTest
    @EnumSource(Framings.class)
    void echoClientSendsEachLineOfStandardInputIncludingAnEmptyOne(Framings framing) {
        Framekit.Result result = client("echo-client", framing, "one\n\nhéllo wörld ✓\nlast\n");
        assertSucceeded(result);
        assertEquals(List.of("one", "", "héllo wörld ✓", "last"), result.stdout(), result.transcript());
    }

    @ParameterizedTest
    @EnumSource(Framings.class)
    void reverseClientPrintsEachArgumentReversedByCodePoints(Framings framing) {
        Framekit.Result result = client("reverse-client", framing, null, MESSAGES.toArray(String[]::new));
        assertSucceeded(result);
        assertEquals(List.of("olleh", "✓ dlröw olléh", "sdrow owt", "ijome 😀"), result.stdout(), result.transcript());
    }

    @ParameterizedTest
    @EnumSource(Framings.class)
    void reverseClientReversesEachLineOfStandardInput(Framings framing) {
        Framekit.Result result = client("reverse-client", framing, "héllo wörld ✓\nabc\n");
        assertSucceeded(result);
        assertEquals(List.of("✓ dlröw olléh", "cba"), result.stdout(), result.transcript());
    }

    @ParameterizedTest
    @EnumSource(Framings.class)
    void theServerLogsTheClientsConnectionWithWhatItCarriedAndThatItEndedCleanly(Framings framing) {
        FramekitProcess server = server("echo-server", framing);
        Framekit.Result result = client("echo-client", framing, null, "abc", "de");
        assertSucceeded(result);
        if (framing == Framings.CLOSE) {
            // One connection per message.
            server.awaitLine(Pattern.quote("1 message in (3 bytes), 1 out (3 bytes); ended cleanly"));
            server.awaitLine(Pattern.quote("1 message in (2 bytes), 1 out (2 bytes); ended cleanly"));
        } else {
            server.awaitLine(Pattern.quote("2 messages in (5 bytes), 2 out (5 bytes); ended cleanly"));
        }
        assertTrue(server.isAlive(), server.transcript());
    }

    @ParameterizedTest
    @EnumSource(Framings.class)
    void theReadyLineNamesTheCommandAddressAndFraming(Framings framing) {
        FramekitProcess server = server("reverse-server", framing);
        String expected = switch (framing) {
            case FIXED -> "fixed-length(32 bytes, pad 0x23 '#')";
            case NEWLINE -> "delimiter(\"\\n\", max 1048576 bytes)";
            case HASH_STAR_HASH -> "delimiter(\"#*#\", max 1048576 bytes)";
            case LENGTH -> "length-prefix(4-byte big-endian, max 1048576 bytes)";
            case CLOSE -> "send-and-close(max 1048576 bytes)";
        };
        assertEquals("reverse-server listening on 127.0.0.1:" + server.port() + " (framing: " + expected + ")",
                server.readyLine());
        // Bound to one address, not every interface: no LAN hints.
        assertFalse(server.stdoutLines().stream().anyMatch(line -> line.contains("LAN addresses")), server.transcript());
    }

    @ParameterizedTest
    @EnumSource(Framings.class)
    void hexdumpShowsTheFramingPartsAndBytesOnStandardError(Framings framing) {
        Framekit.Result result = client("echo-client", framing, null, "--hexdump", "hi");
        assertEquals(0, result.exitCode(), result.transcript());
        assertEquals(List.of("hi"), result.stdout(), result.transcript());
        String parts = switch (framing) {
            case FIXED -> "32 bytes on the wire: [0-1] payload 2 bytes | [2-31] padding 30 x 0x23";
            case NEWLINE -> "3 bytes on the wire: [0-1] payload 2 bytes | [2-2] delimiter 0a";
            case HASH_STAR_HASH -> "5 bytes on the wire: [0-1] payload 2 bytes | [2-4] delimiter 232a23";
            case LENGTH -> "6 bytes on the wire: [0-3] length header 00 00 00 02 (= 2) | [4-5] payload 2 bytes";
            case CLOSE -> "2 bytes on the wire: [0-1] payload 2 bytes | then the sender half-closes (FIN)";
        };
        String firstRow = switch (framing) {
            case FIXED -> "|00000000| 68 69 23 23 23 23 23 23 23 23 23 23 23 23 23 23 |hi##############|";
            case NEWLINE -> "|00000000| 68 69 0a                                        |hi.             |";
            case HASH_STAR_HASH -> "|00000000| 68 69 23 2a 23                                  |hi#*#           |";
            case LENGTH -> "|00000000| 00 00 00 02 68 69                               |....hi          |";
            case CLOSE -> "|00000000| 68 69                                           |hi              |";
        };
        List<String> err = result.stderr();
        assertTrue(err.contains("message 1 sent " + parts), result.transcript());
        assertTrue(err.contains("reply 1 received " + parts), result.transcript());
        assertEquals(2, err.stream().filter(firstRow::equals).count(), result.transcript());
        if (framing == Framings.FIXED) {
            assertTrue(err.contains("|00000010| 23 23 23 23 23 23 23 23 23 23 23 23 23 23 23 23 |################|"),
                    result.transcript());
        }
    }
}
