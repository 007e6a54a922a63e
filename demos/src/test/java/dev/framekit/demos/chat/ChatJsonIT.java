package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chat on the JSON framings: each line a JSON array holding one string. Two real chat-clients
 * talk, a hand-written JSON peer (what {@code json.dumps([line])} sends) is a full member, and a
 * peer that sends other JSON is closed with one log line while the room carries on.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatJsonIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();

    private static Framer rawFramer(String framing) {
        return framing.equals("json") ? Framers.json() : Framers.jsonSeq();
    }

    /** Reads frames until one holds {@code expected} (as a JSON array of one string); fails at the end of the stream. */
    private static void awaitFrame(FramedConnection raw, String expected) throws IOException {
        String frame;
        while ((frame = raw.readString()) != null) {
            if (frame.equals(expected)) {
                return;
            }
        }
        throw new AssertionError("the stream ended before " + expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "json-seq"})
    void chatClientsAndAHandWrittenJsonPeerTalk(String framing) throws IOException {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", framing);
        List<String> client = List.of("chat-client", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--framing", framing);
        FramekitProcess alice = framekit.start(concat(client, "--name", "alice"));
        alice.awaitLine("-- you are now alice");
        FramekitProcess bob = framekit.start(concat(client, "--name", "bob"));
        bob.awaitLine("-- you are now bob");
        alice.awaitLine("^-- bob joined$");

        alice.send("say \"hi\" \\o/ ✓");
        bob.awaitLine("^" + Pattern.quote("<alice> say \"hi\" \\o/ ✓") + "$");

        try (Socket socket = new Socket("127.0.0.1", server.port());
                FramedConnection carol = FramedConnection.of(socket, rawFramer(framing))) {
            socket.setSoTimeout(15_000);
            carol.send("[\"/nick carol\"]");
            awaitFrame(carol, "[\"-- you are now carol\"]");
            alice.awaitLine("^-- carol joined$");
            carol.send("[\"h\\u00e9llo from \\\"carol\\\"\"]");
            bob.awaitLine("^" + Pattern.quote("<carol> héllo from \"carol\"") + "$");
            bob.send("hi carol");
            awaitFrame(carol, "[\"<bob> hi carol\"]");
        }
        alice.awaitLine("^-- carol left");
        bob.send("/quit");
        assertEquals(0, bob.awaitExit(Duration.ofSeconds(15)), bob.transcript());
        alice.closeStdin();
        assertEquals(0, alice.awaitExit(Duration.ofSeconds(15)), alice.transcript());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "json-seq"})
    void aPeerSendingOtherJsonIsClosedWithOneLineAndTheRoomCarriesOn(String framing) throws IOException {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", framing);
        try (Socket good = new Socket("127.0.0.1", server.port());
                FramedConnection alice = FramedConnection.of(good, rawFramer(framing))) {
            good.setSoTimeout(15_000);
            alice.send("[\"/nick alice\"]");
            awaitFrame(alice, "[\"-- you are now alice\"]");
            try (Socket bad = new Socket("127.0.0.1", server.port());
                    FramedConnection mallory = FramedConnection.of(bad, rawFramer(framing))) {
                bad.setSoTimeout(15_000);
                mallory.send("{\"nick\":\"mallory\"}");
                String closing = server.awaitLine(Pattern.compile(".*127\\.0\\.0\\.1:" + bad.getLocalPort() + " .*"
                        + "chat on JSON: each message is a JSON array holding one string.*"), Duration.ofSeconds(15));
                assertTrue(closing.contains("got {\"nick\":\"mallory\"}"), closing);
            }
            alice.send("[\"/who\"]");
            awaitFrame(alice, "[\"-- in the room (1): alice\"]");
        }
    }

    private static String[] concat(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail)).toArray(String[]::new);
    }
}
