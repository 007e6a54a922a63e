package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.Framings;
import dev.framekit.demos.support.RawSockets;
import dev.framekit.demos.chat.room.Intake;
import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.Framings;
import dev.framekit.demos.support.RawSockets;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Peers that do not speak the chat server's protocol or framing: an HTTP client (curl), a TLS
 * ClientHello, a chat-client on the wrong framing. Each gets one short reply and is closed
 * before it joins; the room sees nothing of it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatForeignPeersIT {
    private static final Pattern NOTICE = Pattern.compile("^-- \\S+ (joined|left|is now)");

    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void curlPostGetsA400AndNothingOfItReachesTheRoom() throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter");
        FramekitProcess watcher = watcher(server, Framings.NEWLINE);
        Process curl = new ProcessBuilder("curl", "-sS", "-i", "-m", "10", "-X", "POST", "--data-binary",
                "/nick admin\nhello from curl\n/quit\n", "http://127.0.0.1:" + server.port() + "/")
                .redirectErrorStream(true).start();
        String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(15, TimeUnit.SECONDS));
        assertEquals(0, curl.exitValue(), answer);
        assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request"), answer);
        assertTrue(answer.contains("This port speaks framekit chat"), answer);
        assertFalse(answer.contains("http://"), "no web port, no page to name: " + answer);
        server.awaitLine("closed: spoke HTTP \\(POST\\), not framekit chat");
        assertRoomSawNothing(watcher);
    }

    /**
     * With --web-port, the 400 names the chat page's URL on the address the request came in on:
     * the server listens on every interface, and curl reaches it on 127.0.0.1 and on 127.0.0.2.
     */
    @Test
    void withAWebPortCurlIsToldTheUrlOfTheChatPageOnTheAddressItReached() throws Exception {
        FramekitProcess server = framekit.start("chat-server", "--host", "0.0.0.0", "--port", "0", "--framing", "delimiter",
                "--web-port", "0", "--no-qr", "--no-announce").awaitReady(); // bound to every interface: nothing onto the LAN
        java.util.regex.Matcher web = Pattern.compile("^chat-server-web listening on .*:(\\d+) ")
                .matcher(server.awaitLine("^chat-server-web listening on "));
        assertTrue(web.find(), server.transcript());
        int webPort = Integer.parseInt(web.group(1));
        for (String address : List.of("127.0.0.1", "127.0.0.2")) {
            String answer = curl("-sS", "-i", "-m", "10", "http://" + address + ":" + server.port() + "/");
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request"), answer);
            assertTrue(answer.contains("This port speaks framekit chat (--framing delimiter"), answer);
            String url = "http://" + address + ":" + webPort + "/";
            assertTrue(answer.contains("\nThe chat page for browsers is at " + url + "\n"), answer);
            String page = curl("-sS", "-i", "-m", "10", url);
            assertTrue(page.startsWith("HTTP/1.1 200"), "the URL named is the chat page: " + page);
            assertTrue(page.contains("WebSocket"), page);
        }
    }

    private static String curl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(15, TimeUnit.SECONDS));
        assertEquals(0, curl.exitValue(), answer);
        return answer;
    }

    @ParameterizedTest
    @EnumSource(Framings.class)
    void anHttpRequestIsAnsweredWithOne400AndClosedOnEveryFraming(Framings framing) throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", framing.options().toArray(String[]::new));
        FramekitProcess watcher = watcher(server, framing);
        try (RawSockets sockets = new RawSockets()) {
            Socket socket = sockets.open(server.port());
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: chat\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(readToEnd(socket), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
            assertTrue(answer.contains("framekit chat"), answer);
        }
        server.awaitLine("closed: spoke HTTP \\(GET\\)");
        assertRoomSawNothing(watcher);
    }

    @ParameterizedTest
    @EnumSource(Framings.class)
    void aTlsClientHelloGetsOneAlertAndIsClosedOnEveryFraming(Framings framing) throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", framing.options().toArray(String[]::new));
        FramekitProcess watcher = watcher(server, framing);
        try (RawSockets sockets = new RawSockets()) {
            Socket socket = sockets.open(server.port());
            socket.getOutputStream().write(clientHello());
            byte[] answer = readToEnd(socket);
            assertTrue(answer.length == 7 && answer[0] == 0x15, "a TLS alert record: " + java.util.HexFormat.of().formatHex(answer));
        }
        server.awaitLine("closed: spoke TLS");
        assertRoomSawNothing(watcher);
    }

    @ParameterizedTest
    @EnumSource(value = Framings.class, names = {"NEWLINE", "LENGTH", "CLOSE", "FIXED", "HASH_STAR_HASH"})
    void aChatClientOnTheWrongFramingExitsWithinSecondsWithOneLineAndTheRoomSeesNothing(Framings framing) {
        FramekitProcess server = framekit.startServer("chat-server", framing.options().toArray(String[]::new));
        FramekitProcess watcher = watcher(server, framing);
        Framings wrong = framing == Framings.LENGTH ? Framings.NEWLINE : Framings.LENGTH;
        long start = System.nanoTime();
        FramekitProcess intruder = framekit.start(wrong.args(List.of("chat-client", "--host", "127.0.0.1",
                "--port", Integer.toString(server.port())), "--name", "mallory"));
        assertEquals(1, intruder.awaitExit(Duration.ofSeconds(15)), intruder.transcript());
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(seconds < 10, "exited after " + seconds + " s");
        List<String> said = intruder.stdoutLines();
        assertEquals(1, said.size(), intruder.transcript());
        assertTrue(said.get(0).contains(String.join(" ", framing.options().subList(0, 2))), said.get(0));
        assertFalse(String.join("\n", intruder.stderrLines()).contains("Exception"), intruder.transcript());
        assertRoomSawNothing(watcher);
        assertFalse(server.stdoutLines().stream().anyMatch(line -> line.contains("joined as mallory")), server.transcript());
    }

    /**
     * A chat-client on the {@code #*#} delimiter sends {@code /nick mallory#*#}, which never ends
     * a line or fills a fixed frame: it is not a silent peer, so the grace does not join it as
     * a guest; after the grace its bytes, ending in {@code #*#}, are taken for another framing.
     */
    @ParameterizedTest
    @EnumSource(value = Framings.class, names = {"NEWLINE", "FIXED"})
    void aChatClientOnAnotherDelimiterIsRefusedAfterTheGraceAndTheRoomSeesNothing(Framings framing) {
        FramekitProcess server = framekit.startServer("chat-server", framing.options().toArray(String[]::new));
        FramekitProcess watcher = watcher(server, framing);
        long start = System.nanoTime();
        FramekitProcess intruder = framekit.start(Framings.HASH_STAR_HASH.args(List.of("chat-client", "--host",
                "127.0.0.1", "--port", Integer.toString(server.port())), "--name", "mallory"));
        assertEquals(1, intruder.awaitExit(Duration.ofSeconds(15)), intruder.transcript());
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(seconds < 10, "exited after " + seconds + " s");
        assertEquals(List.of("-- this port speaks framekit chat with " + String.join(" ", framing.options().subList(0, 2))),
                intruder.stdoutLines().stream().map(line -> line.replaceAll(" --(delimiter|frame-size).*", "")).toList(),
                intruder.transcript());
        assertEquals(List.of(), intruder.stderrLines(), intruder.transcript());
        server.awaitLine("closed: spoke another framing \\(16 bytes ending in \"#\\*#\" and nothing more for 2 s\\)");
        assertRoomSawNothing(watcher);
        assertFalse(server.stdoutLines().stream().anyMatch(line -> line.contains(" joined as ")
                && !line.endsWith(" joined as watcher")), server.transcript());
    }

    /**
     * The same client with no --name sends nothing: the server cannot tell it from someone who
     * only listens and lets it join as a guest. The client can tell: the lines it is sent never
     * end in {@code #*#}, and it says which framing the server speaks.
     */
    @Test
    void aSilentChatClientOnAnotherDelimiterSaysTheServerSpeaksLines() {
        FramekitProcess server = framekit.startServer("chat-server", Framings.NEWLINE.options().toArray(String[]::new));
        FramekitProcess intruder = framekit.start(Framings.HASH_STAR_HASH.args(List.of("chat-client", "--host",
                "127.0.0.1", "--port", Integer.toString(server.port()))));
        assertEquals(1, intruder.awaitExit(Duration.ofSeconds(20)), intruder.transcript());
        assertEquals(List.of("-- the server does not speak delimiter \"#*#\" framing; it sends lines ending in \\n:"
                + " is it --framing delimiter --delimiter '\\n'?"), intruder.stdoutLines(), intruder.transcript());
        assertEquals(List.of(), intruder.stderrLines(), intruder.transcript());
    }

    @Test
    void aSilentRawPeerStillJoinsAsAGuestAfterTheGrace() throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", Framings.NEWLINE.options().toArray(String[]::new));
        FramekitProcess watcher = watcher(server, Framings.NEWLINE);
        try (ChatIT.LineClient listener = new ChatIT.LineClient(server.port())) {
            long start = System.nanoTime();
            String welcome = listener.readLine();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(welcome.matches("^-- welcome, guest\\d+; 1 other\\(s\\) here\\..*"), welcome);
            assertTrue(millis >= Intake.GRACE.toMillis() - 200, "joined after " + millis + " ms");
            String guest = welcome.substring("-- welcome, ".length(), welcome.indexOf(';'));
            watcher.awaitLine("^-- " + guest + " joined$");
        }
    }

    /** Part of a line, then a pause longer than the grace (a person typing in a telnet that sends each key), then the rest. */
    @Test
    void aPeerThatPausesMidwayThroughItsFirstLineJoinsWithThatLineNotAsAGuest() throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", Framings.NEWLINE.options().toArray(String[]::new));
        FramekitProcess watcher = watcher(server, Framings.NEWLINE);
        try (ChatIT.LineClient typist = new ChatIT.LineClient(server.port())) {
            typist.send("/nick bo");
            Thread.sleep(Intake.GRACE.toMillis() + 1500);
            watcher.send("/who");
            watcher.awaitLine("^-- in the room \\(1\\): watcher$");
            typist.send("b\n");
            assertTrue(typist.readLine().startsWith("-- welcome, bob; 1 other(s) here"));
            assertEquals("-- you are now bob", typist.readLine());
            watcher.awaitLine("^-- bob joined$");
        }
        assertFalse(watcher.stdoutLines().stream().anyMatch(line -> line.contains("guest")), watcher.transcript());
    }

    @ParameterizedTest
    @EnumSource(value = Framings.class, names = {"NEWLINE", "LENGTH", "CLOSE"})
    void aRawPeerSpeakingTheOtherFramingIsToldInItsOwnFraming(Framings framing) throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", framing.options().toArray(String[]::new));
        try (RawSockets sockets = new RawSockets()) {
            Socket socket = sockets.open(server.port());
            if (framing == Framings.LENGTH) {
                // nc on a length port: the reply is a line it can read.
                socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                String answer = new String(readToEnd(socket), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("-- this port speaks framekit chat with --framing length") && answer.endsWith("\n"),
                        answer);
            } else {
                // A length-prefix peer on a text port: the reply is one length-prefixed frame.
                socket.getOutputStream().write(new byte[] {0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'});
                byte[] answer = readToEnd(socket);
                int length = ((answer[0] & 0xff) << 24) | ((answer[1] & 0xff) << 16) | ((answer[2] & 0xff) << 8) | (answer[3] & 0xff);
                assertEquals(answer.length - 4, length);
                assertTrue(new String(answer, 4, length, StandardCharsets.UTF_8).startsWith("-- this port speaks framekit chat"));
            }
        }
    }

    /** A chat-client in the room, on the server's own framing, to see what the room is shown. */
    private FramekitProcess watcher(FramekitProcess server, Framings framing) {
        FramekitProcess watcher = framekit.start(framing.args(List.of("chat-client", "--host", "127.0.0.1",
                "--port", Integer.toString(server.port())), "--name", "watcher"));
        watcher.awaitLine("^-- you are now watcher$");
        return watcher;
    }

    /** The watcher is still alone in the room and was shown no notice and no line from anyone. */
    private static void assertRoomSawNothing(FramekitProcess watcher) {
        watcher.send("/who");
        watcher.awaitLine("^-- in the room \\(1\\): watcher$");
        for (String line : watcher.stdoutLines()) {
            assertFalse(NOTICE.matcher(line).find() || line.startsWith("<") || line.startsWith("*"), watcher.transcript());
        }
    }

    private static byte[] readToEnd(Socket socket) throws Exception {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    /** The start of a TLS 1.2 ClientHello record, as a browser or {@code openssl s_client} sends it. */
    private static byte[] clientHello() {
        byte[] hello = new byte[5 + 4 + 2 + 32 + 1 + 2 + 2 + 2];
        int i = 0;
        hello[i++] = 0x16;
        hello[i++] = 0x03;
        hello[i++] = 0x01;
        hello[i++] = 0x00;
        hello[i++] = (byte) (hello.length - 5);
        hello[i++] = 0x01; // ClientHello
        hello[i++] = 0x00;
        hello[i++] = 0x00;
        hello[i++] = (byte) (hello.length - 9);
        hello[i++] = 0x03;
        hello[i++] = 0x03;
        i += 32; // random
        hello[i++] = 0x00; // session id
        hello[i++] = 0x00;
        hello[i++] = 0x02;
        hello[i++] = 0x00;
        hello[i++] = 0x2f; // TLS_RSA_WITH_AES_128_CBC_SHA
        hello[i++] = 0x01;
        hello[i] = 0x00; // compression: none
        return hello;
    }
}
