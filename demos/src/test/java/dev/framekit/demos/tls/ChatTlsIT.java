package dev.framekit.demos.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.websocket.WebSocketClientHandshake;
import dev.framekit.framing.websocket.WebSocketConnection;
import dev.framekit.framing.websocket.WebSocketFramer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code chat-server --tls} and {@code chat-client --tls-fingerprint} with the real jar, on loopback. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatTlsIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @TempDir
    Path folder;

    private FramekitProcess tlsServer(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("--tls", "--tls-keystore",
                folder.resolve("chat-tls.p12").toString(), "--no-announce"));
        args.addAll(List.of(options));
        return framekit.startServer("chat-server", args.toArray(String[]::new));
    }

    /** The fingerprint the server printed before its ready line (which {@code startServer} awaited). */
    private static Fingerprint fingerprintOn(FramekitProcess server) {
        String prefix = "  its SHA-256 fingerprint: ";
        String line = server.stdoutLines().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no fingerprint on the banner:\n" + server.transcript()));
        return Fingerprint.parse(line.substring(prefix.length()));
    }

    private List<String> client(FramekitProcess server, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("chat-client", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--framing", "length"));
        args.addAll(List.of(options));
        return args;
    }

    @Test
    void clientsPinningTheFingerprintInAnyNotationJoinAndChatOverTls() throws Exception {
        FramekitProcess server = tlsServer();
        Fingerprint fingerprint = fingerprintOn(server);
        String bare = fingerprint.toString().replace(":", "").toLowerCase(Locale.ROOT);
        FramekitProcess alice = framekit.start(client(server, "--tls-fingerprint", bare, "--name", "alice")
                .toArray(String[]::new));
        alice.awaitLine("-- you are now alice");
        FramekitProcess bob = framekit.start(client(server, "--tls", "--tls-fingerprint", fingerprint.toString(),
                "--name", "bob").toArray(String[]::new));
        bob.awaitLine("-- you are now bob");
        alice.send("private hello");
        bob.awaitLine("^<alice> private hello$");
        bob.send("private reply ✓");
        alice.awaitLine("^<bob> private reply ✓$");
        // The key store is kept, readable by its owner only, and the next run has the same fingerprint.
        Path keystore = folder.resolve("chat-tls.p12");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        FramekitProcess again = tlsServer();
        assertTrue(again.stdoutLines().contains("chat-server: TLS certificate from " + keystore), again.transcript());
        assertTrue(server.stdoutLines().contains("chat-server: TLS certificate made and saved in " + keystore),
                server.transcript());
        assertEquals(fingerprint, fingerprintOn(again));
    }

    @Test
    void onSendAndCloseEveryConnectionOfThePollingClientIsTls() {
        FramekitProcess server = tlsServer("--framing", "close");
        String fingerprint = fingerprintOn(server).toString();
        List<String> client = List.of("chat-client", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--framing", "close", "--tls-fingerprint", fingerprint);
        FramekitProcess alice = framekit.start(concat(client, "--name", "alice"));
        alice.awaitLine("-- you are now alice");
        FramekitProcess bob = framekit.start(concat(client, "--name", "bob"));
        bob.awaitLine("-- you are now bob");
        alice.send("one connection per line");
        bob.awaitLine("^<alice> one connection per line$");
        bob.send("and each one TLS");
        alice.awaitLine("^<bob> and each one TLS$");
        assertFalse(server.transcript().contains("refused"), server.transcript());
    }

    private static String[] concat(List<String> args, String... more) {
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void aClientPinningAnotherFingerprintFailsWithOneLineAndNeverJoins() {
        FramekitProcess server = tlsServer();
        Fingerprint fingerprint = fingerprintOn(server);
        String other = "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";
        Framekit.Result result = framekit.runWithInput("hello\n", client(server, "--tls-fingerprint", other,
                "--name", "mallory").toArray(String[]::new));
        assertEquals(1, result.exitCode(), result.transcript());
        assertEquals(List.of("chat-client: cannot connect to 127.0.0.1:" + server.port() + ": TLS handshake failed:"
                + " the server's certificate has SHA-256 fingerprint " + fingerprint + ", not " + other
                + " (--tls-fingerprint); not connecting"), result.stderr());
        server.awaitLine("refused: the client does not trust this certificate");
        assertFalse(server.transcript().contains("joined as"), server.transcript());
    }

    @Test
    void aPlaintextClientOnTheTlsPortIsRefusedWithOneLogLineAndNeverJoins() throws Exception {
        FramekitProcess server = tlsServer("--framing", "delimiter");
        fingerprintOn(server);
        // A line client, as nc would speak.
        try (Socket raw = new Socket("127.0.0.1", server.port())) {
            raw.setSoTimeout(10_000);
            raw.getOutputStream().write("/nick plain\nhello in the clear\n".getBytes(StandardCharsets.UTF_8));
            InputStream in = raw.getInputStream();
            byte[] reply = in.readNBytes(64);
            assertTrue(reply.length == 0 || reply[0] == 0x15, "a TLS alert, or nothing: " + reply.length);
        } catch (java.net.SocketException reset) {
            // Reset: refused.
        }
        String refused = server.awaitLine("refused: it does not speak TLS \\(a plaintext client on a --tls port\\)$");
        assertTrue(refused.contains("0 messages in"), refused);
        // chat-client without --tls: one line that says the server speaks TLS.
        Framekit.Result result = framekit.runWithInput("hello\n", "chat-client", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--framing", "delimiter", "--reconnect-for", "0");
        assertEquals(1, result.exitCode(), result.transcript());
        assertTrue(result.transcript().contains("the server speaks TLS"), result.transcript());
        assertFalse(server.transcript().contains("joined as"), server.transcript());
    }

    @Test
    void theFrameTimeoutStillResetsAPeerThatStallsInsideAFrameOverTls() throws Exception {
        FramekitProcess server = tlsServer("--frame-timeout", "1s");
        Fingerprint fingerprint = fingerprintOn(server);
        try (Socket plain = new Socket("127.0.0.1", server.port());
                SSLSocket tls = (SSLSocket) ClientTls.pinned(fingerprint).createSocket(plain, "127.0.0.1",
                        server.port(), true)) {
            tls.startHandshake();
            OutputStream out = tls.getOutputStream();
            out.write(new byte[] {0, 0, 0, 100, 'h', 'a', 'l', 'f'}); // 100 bytes declared, 4 sent
            out.flush();
            server.awaitLine("closed it \\(--frame-timeout\\)$");
            tls.setSoTimeout(10_000);
            try {
                assertEquals(-1, tls.getInputStream().read());
            } catch (java.io.IOException reset) {
                assertTrue(String.valueOf(reset.getMessage()).toLowerCase(Locale.ROOT).contains("reset")
                        || reset instanceof javax.net.ssl.SSLException, reset.toString());
            }
        }
    }

    @Test
    void tlsConnectionsCountAgainstTheMemoryBudgetOfASmallHeapServer() throws Exception {
        FramekitProcess server = framekit.startWithJvmOptions(List.of("-Xmx64m"), "chat-server", "--host", "127.0.0.1",
                "--port", "0", "--tls", "--tls-keystore", folder.resolve("chat-tls.p12").toString(), "--no-announce",
                "--max-memory", "256k").awaitReady();
        Fingerprint fingerprint = fingerprintOn(server);
        List<Socket> held = new java.util.ArrayList<>();
        int handshaken = 0;
        try {
            // Each handshaken connection holds the JDK's TLS record buffers, about 49 KiB: 256k holds five at most.
            for (int i = 0; i < 12; i++) {
                Socket plain = new Socket("127.0.0.1", server.port());
                held.add(plain);
                SSLSocket tls = (SSLSocket) ClientTls.pinned(fingerprint).createSocket(plain, "127.0.0.1",
                        server.port(), true);
                held.add(tls);
                tls.setSoTimeout(5000);
                try {
                    tls.startHandshake();
                    handshaken++;
                } catch (java.io.IOException refused) {
                    // Refused or shed: over the budget.
                }
            }
            String over = server.awaitLine("when the server was over its memory budget of 262144 bytes; closed it \\(--max-memory\\)$");
            // The peer shed held the TLS record buffers (3 x 16,709 bytes) besides its own buffers.
            long holding = Long.parseLong(over.replaceFirst(".*holding (\\d+) bytes.*", "$1"));
            assertTrue(holding >= 3 * 16_709, handshaken + " handshakes; " + over);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        assertTrue(server.isAlive(), server.transcript());
    }

    @Test
    void theWebPortServesThePageAndItsWebSocketOverTlsAndTheBannerUrlCarriesTheFingerprint() throws Exception {
        FramekitProcess server = tlsServer("--web-port", "0", "--no-qr");
        Fingerprint fingerprint = fingerprintOn(server);
        String url = server.awaitLine("from a phone's browser: ");
        assertTrue(url.matches(".*https://\\S+:\\d+/#sha256=" + fingerprint + "$"), url);
        int webPort = Integer.parseInt(url.replaceFirst(".*:(\\d+)/#.*", "$1"));
        HttpsURLConnection page = (HttpsURLConnection) URI.create("https://127.0.0.1:" + webPort + "/").toURL()
                .openConnection();
        page.setSSLSocketFactory(ClientTls.pinned(fingerprint));
        page.setHostnameVerifier((host, session) -> true); // the pin is the check
        assertEquals(200, page.getResponseCode());
        String body = new String(page.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(body.contains("<html") || body.contains("<!DOCTYPE"), body.substring(0, Math.min(200, body.length())));
        page.disconnect();

        // The page's WebSocket, wss:// from an https:// origin, is a member of the room.
        try (Socket plain = new Socket("127.0.0.1", webPort);
                SSLSocket tls = (SSLSocket) ClientTls.pinned(fingerprint).createSocket(plain, "127.0.0.1", webPort, true)) {
            tls.setSoTimeout(10_000);
            WebSocketClientHandshake handshake = WebSocketClientHandshake.of("127.0.0.1", webPort, "/chat")
                    .origin("https://127.0.0.1:" + webPort);
            tls.getOutputStream().write(handshake.request());
            tls.getOutputStream().flush();
            StringBuilder head = new StringBuilder();
            InputStream in = tls.getInputStream();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                assertTrue(b >= 0, "the handshake's answer ended early: " + head);
                head.append((char) b);
            }
            assertTrue(head.toString().startsWith("HTTP/1.1 101 "), head.toString());
            WebSocketConnection member = WebSocketConnection.over(FramedConnection.of(tls, WebSocketFramer.client()),
                    WebSocketFramer.client());
            member.sendText("/nick phone");
            String line;
            do {
                line = member.readText();
            } while (line != null && !line.startsWith("-- you are now phone"));
            assertEquals("-- you are now phone", line);
        }
        server.awaitLine("joined as phone");
        assertTrue(server.isAlive(), server.transcript());
    }
}
