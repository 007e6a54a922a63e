package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.HeapUse;
import dev.framekit.demos.support.RawSockets;
import dev.framekit.framing.Framers;
import dev.framekit.framing.websocket.WebSocketFramer;
import dev.framekit.framing.websocket.WebSocketWire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The memory budget counts what the heap really holds, in a 64 MiB heap, each attack at several
 * times the count that killed a server that counted less: write batches left grown by one echo
 * (echo-server died at 1,423 idle connections), WebSocket fragments of messages that never finish
 * (echo-server died at ~55, chat-server's web port at 35), and, with the budget set past the heap
 * ({@code --max-memory 1g}), stalled frames that only the heap watch sees. Each ends with the
 * server alive, the offenders shed in one line each, and a new client served.
 */
@Timeout(240)
class TrueBudgetIT {
    private static final Pattern LIMIT = Pattern.compile("up to (\\d+) connections at once");

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final RawSockets sockets = new RawSockets();

    @AfterEach
    void stop() throws IOException {
        sockets.close();
    }

    private FramekitProcess server(String... args) {
        return framekit.startWithJvmOptions(List.of("-Xmx64m"), args).awaitReady();
    }

    @Test
    void connectionsIdleAfterOneLargeEchoKeepNoGrownBatchAndTheBannersLimitFitsTheHeap() throws Exception {
        int connections = 4_000; // the banner's limit is 3,276; 1,423 holding a 32 KiB batch each killed it
        FramekitProcess server = server("echo-server", "--host", "127.0.0.1", "--port", "0", "--framing", "length");
        Matcher limitLine = LIMIT.matcher(server.awaitLine(LIMIT.pattern()));
        assertTrue(limitLine.find(), server.transcript());
        int limit = Integer.parseInt(limitLine.group(1));
        long baseKib = HeapUse.afterGcKib(server);
        String large = "e".repeat(16_383); // copied into the write batch (16 KiB and up go straight out)
        int echoed = 0;
        for (int i = 0; i < connections; i++) {
            Socket socket = sockets.open(server.port());
            echoed += large.equals(Peers.echo(socket, large)) ? 1 : 0;
        }
        // Once every read buffer and batch has shrunk back (on a busy machine their threads take a while).
        long idleKib = HeapUse.settledKib(server, baseKib + 12L * echoed);
        System.out.printf("echo-server -Xmx64m, limit %,d: %,d of %,d connections echoed 16,383 bytes and stayed;"
                + " heap after GC %,d KiB (%,d before), %.1f KiB per echoed connection%n", limit, echoed, connections,
                idleKib, baseKib, (idleKib - baseKib) / (double) echoed);

        assertTrue(server.isAlive(), server.transcript());
        assertTrue(echoed >= limit * 3 / 4 && echoed <= limit, echoed + " echoed, limit " + limit + "\n" + server.transcript());
        assertTrue((idleKib - baseKib) / (double) echoed < 12, "an idle connection holds no grown batch");
        AfterAttack.loggedNoErrors(server);
        for (int i = 0; i < 200; i++) {
            sockets.get(i).close();
        }
        AfterAttack.servesAHealthyClient(server, Framers.lengthPrefixed());
    }

    @Test
    void echoWebSocketFragmentsOfMessagesThatNeverEndAreCountedAndShed() throws Exception {
        FramekitProcess server = server("echo-server", "--host", "127.0.0.1", "--port", "0", "--framing", "websocket");
        int attackers = 165; // ~55 killed it
        byte[] fragments = fragmentsNeverEnding(0x2, 15, 64_000);
        for (int i = 0; i < attackers; i++) {
            Socket socket = sockets.open(server.port());
            Thread.ofVirtual().start(() -> sendQuietly(socket, fragments));
        }
        // About 30 fit in the 32 MiB budget at 1 MiB each; most of the rest are shed as their bytes are read.
        long shed = AfterAttack.awaitLines(server, "closed it (--max-memory)", attackers / 4, Duration.ofSeconds(60));
        System.out.printf("echo-server --framing websocket -Xmx64m: %d messages stalled at 960,000 bytes in 15 fragments,"
                + " %d shed, %d refusal lines%n", attackers, shed, AfterAttack.linesContaining(server, "refused:"));
        assertTrue(shed >= attackers / 4, "the reassembled fragments are counted: the costliest are shed\n"
                + server.transcript());
        AfterAttack.servesAHealthyClient(server, WebSocketFramer.client());
        AfterAttack.loggedNoErrors(server);
    }

    @Test
    void chatWebSocketFragmentsOfLinesThatNeverEndAreCountedAndShed() throws Exception {
        FramekitProcess server = server("chat-server", "--host", "127.0.0.1", "--port", "0", "--framing", "delimiter",
                "--web-port", "0", "--no-qr");
        Matcher web = Pattern.compile("chat-server-web listening on .*:(\\d+) ")
                .matcher(server.awaitLine("^chat-server-web listening on "));
        assertTrue(web.find(), server.transcript());
        int webPort = Integer.parseInt(web.group(1));
        int attackers = 105; // 35 killed it
        byte[] fragments = fragmentsNeverEnding(0x1, 15, 64_000);
        byte[] upgrade = ("GET /chat HTTP/1.1\r\nHost: 127.0.0.1:" + webPort + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        // Each on its own thread: a member that joined is read at the pace flood control allows, and must not hold up the rest.
        for (int i = 0; i < attackers; i++) {
            Socket socket = sockets.open(webPort);
            Thread.ofVirtual().start(() -> {
                sendQuietly(socket, upgrade);
                sendQuietly(socket, fragments);
            });
        }
        // About 30 fit at 1 MiB each; members that joined are read at flood control's pace, so fewer are shed in time.
        long shed = AfterAttack.awaitLines(server, "closed it (--max-memory)", attackers / 5, Duration.ofSeconds(60));
        System.out.printf("chat-server --web-port -Xmx64m: %d lines stalled at 960,000 bytes in 15 fragments, %d shed%n",
                attackers, shed);
        assertTrue(shed >= attackers / 5, "the reassembled fragments are counted: the costliest are shed\n"
                + server.transcript());
        assertTrue(server.isAlive(), server.transcript());
        assertTrue(welcomed(server), "a new member is welcomed\n" + server.transcript());
        AfterAttack.loggedNoErrors(server);
    }

    @Test
    void whatTheBudgetDoesNotCountTheHeapWatchSeesAndShedsBeforeTheHeapRunsOut() throws Exception {
        // A budget past the heap counts everything and sheds nothing: only the heap watch stands between.
        FramekitProcess server = server("echo-server", "--host", "127.0.0.1", "--port", "0", "--framing", "length",
                "--max-memory", "1g");
        int attackers = 150; // 150 MiB of frames, nearly whole, in a 64 MiB heap
        int almost = (1 << 20) - 64;
        byte[] body = new byte[almost];
        Arrays.fill(body, (byte) 'h');
        byte[] start = ByteBuffer.allocate(4 + almost).putInt(1 << 20).put(body).array();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < attackers; i++) {
            Socket socket = sockets.open(server.port());
            writers.add(Thread.ofVirtual().start(() -> sendQuietly(socket, start)));
            if (writers.size() % 10 == 0) {
                Thread.sleep(200); // a burst at a time, as a real flood arrives
            }
        }
        for (Thread writer : writers) {
            writer.join(Duration.ofSeconds(60));
        }
        long shed = AfterAttack.awaitLines(server, "a collection left the heap", 10, Duration.ofSeconds(60));
        System.out.printf("echo-server -Xmx64m --max-memory 1g: %d frames stalled 64 bytes short of 1 MiB, %d shed by the"
                + " heap watch%n", attackers, shed);
        server.stdoutLines().stream().filter(l -> l.contains("a collection left the heap")).findFirst()
                .ifPresent(System.out::println);
        assertTrue(shed >= 10, "the heap watch sheds the costliest peers\n" + server.transcript());
        assertEquals(0, AfterAttack.linesContaining(server, "over its memory budget"), "the budget itself never sheds");
        AfterAttack.servesAHealthyClient(server, Framers.lengthPrefixed());
        AfterAttack.loggedNoErrors(server);
    }

    /**
     * Whether a new line member is welcomed. Just after shedding, the server may still refuse new
     * connections for a moment (by design, one line each): a refused member tries again, for at
     * most 10 s.
     */
    private static boolean welcomed(FramekitProcess server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            try (Socket member = new Socket("127.0.0.1", server.port())) {
                member.setSoTimeout(5_000);
                java.io.BufferedReader in = new java.io.BufferedReader(
                        new java.io.InputStreamReader(member.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("-- welcome")) {
                        return true;
                    }
                }
            } catch (IOException refused) {
                // Closed at once: try again.
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** A data message's first fragment ({@code opcode}) and {@code count - 1} continuations, never the final one. */
    static byte[] fragmentsNeverEnding(int opcode, int count, int size) {
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 'f');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(WebSocketWire.frame(false, opcode, payload, true));
        for (int i = 1; i < count; i++) {
            out.writeBytes(WebSocketWire.frame(false, 0x0, payload, true));
        }
        return out.toByteArray();
    }

    private static void sendQuietly(Socket socket, byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException shedOrRefused) {
            // The server closed it while it was being written: the budget at work.
        }
    }
}
