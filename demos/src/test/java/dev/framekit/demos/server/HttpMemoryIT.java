package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.HeapUse;
import dev.framekit.demos.support.RawSockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
 * {@code http-server} in a 64 MiB heap against {@value #UPLOADS} uploads that each send 950,000
 * bytes of a body (half by {@code Content-Length: 1000000}, half chunked) and then stall before
 * its end: about 66 MiB of bodies in flight, more than the whole heap. The memory budget counts
 * each body as it arrives and sheds the uploads that hold most, one line each; the server never
 * runs out of memory, serves a new client while the rest still stall, and once they are gone
 * takes a large body again (what the shed and closed uploads held was given back).
 */
@Timeout(240)
class HttpMemoryIT {
    private static final int UPLOADS = 70;
    private static final int DECLARED = 1_000_000;
    private static final int PIECE = 50_000;
    private static final int PIECES_SENT = 19; // 950,000 bytes: all but the last 50,000
    private static final Pattern SHED = Pattern.compile(" (127\\.0\\.0\\.1:\\d+) .*closed it \\(--max-memory\\)$");

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final RawSockets sockets = new RawSockets();

    @AfterEach
    void stop() throws IOException {
        sockets.close();
    }

    @Test
    void seventyStalledUploadsOfAlmostAMebibyteAreShedWithinTheBudget() throws Exception {
        // The header timeout also bounds each body piece; a minute keeps the uploads stalled, and holding, throughout.
        FramekitProcess server = framekit.startWithJvmOptions(List.of("-Xmx64m"), "http-server", "--host", "127.0.0.1",
                "--port", "0", "--header-timeout", "60s").awaitReady();
        List<Socket> uploads = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            uploads.add(sockets.open(server.port()));
        }
        assertEquals(UPLOADS, AfterAttack.awaitLines(server, " connected", UPLOADS, Duration.ofSeconds(10)), server.transcript());
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            Socket socket = uploads.get(i);
            boolean chunked = i % 2 == 1;
            writers.add(Thread.ofVirtual().start(() -> sendAllButTheEnd(socket, chunked)));
        }
        for (Thread writer : writers) {
            writer.join(Duration.ofSeconds(60));
        }

        long shed = AfterAttack.awaitLines(server, "closed it (--max-memory)", UPLOADS / 3, Duration.ofSeconds(30));
        System.out.printf("http-server -Xmx64m: %d uploads stalled at 950,000 bytes, %d shed (one line each),"
                + " %d refusal lines%n", UPLOADS, shed, AfterAttack.linesContaining(server, "refused:"));
        assertTrue(shed >= UPLOADS / 3, "over the budget, the uploads holding most are shed\n" + server.transcript());
        server.stdoutLines().stream().filter(line -> SHED.matcher(line).find()).findFirst().ifPresent(System.out::println);
        for (String line : server.stdoutLines()) {
            Matcher match = SHED.matcher(line);
            if (match.find()) {
                // The peer's connected line and its one closing line, nothing else (no 4xx line, no trace).
                assertEquals(2, AfterAttack.linesContaining(server, match.group(1) + " "), match.group(1) + "\n" + server.transcript());
            }
        }

        assertEquals("still answering", echoWithRetries(server, "still answering"), server.transcript());

        sockets.close();
        // Every connection served ends in one line with its counts: the uploads and the healthy client.
        assertEquals(UPLOADS + 1, AfterAttack.awaitLines(server, " out (", UPLOADS + 1, Duration.ofSeconds(20)),
                server.transcript());
        String large = "L".repeat(900_000);
        assertEquals(large, echoWithRetries(server, large), "a large body is taken again once the uploads are gone");
        assertTrue(server.isAlive(), server.transcript());
        AfterAttack.loggedNoErrors(server); // also a contained "out of memory" line
    }

    @Test
    void idleKeepAliveConnectionsAfterAPipelinedBurstKeepNoResponseBatch() throws Exception {
        int connections = 1_600; // 403, holding ~140 KiB of response batch each, killed it
        int pipelined = 100;
        FramekitProcess server = framekit.startWithJvmOptions(List.of("-Xmx64m"), "http-server", "--host", "127.0.0.1",
                "--port", "0").awaitReady();
        byte[] request = "GET / HTTP/1.1\r\nHost: keep\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int responseLength;
        try (Socket probe = new Socket("127.0.0.1", server.port())) {
            probe.setSoTimeout(10_000);
            probe.getOutputStream().write(request);
            responseLength = responseLength(probe.getInputStream());
        }
        byte[] burst = new byte[request.length * pipelined];
        for (int i = 0; i < pipelined; i++) {
            System.arraycopy(request, 0, burst, i * request.length, request.length);
        }
        long baseKib = HeapUse.afterGcKib(server);
        int answered = 0;
        for (int i = 0; i < connections; i++) {
            Socket socket = sockets.open(server.port());
            socket.setSoTimeout(20_000);
            try {
                socket.getOutputStream().write(burst);
                byte[] all = socket.getInputStream().readNBytes(responseLength * pipelined);
                answered += all.length == responseLength * pipelined ? 1 : 0;
            } catch (IOException shedOrRefused) {
                // Over the budget: the costliest peer shed, new ones refused, one line each.
            }
        }
        Thread.sleep(1_000);
        long idleKib = HeapUse.afterGcKib(server);
        System.out.printf("http-server -Xmx64m: %,d keep-alive connections answered %d pipelined requests (%,d bytes)"
                + " each and stayed; heap after GC %,d KiB (%,d before), %.1f KiB per connection%n", answered, pipelined,
                responseLength * pipelined, idleKib, baseKib, (idleKib - baseKib) / (double) answered);

        assertTrue(server.isAlive(), server.transcript());
        assertEquals(connections, answered, "every burst answered: an idle connection holds no batch\n" + server.transcript());
        assertTrue((idleKib - baseKib) / (double) answered < 16, "an idle keep-alive connection costs a few KiB");
        for (int i = 0; i < 100; i++) {
            sockets.get(i).close();
        }
        assertEquals("still answering", echoWithRetries(server, "still answering"), server.transcript());
        AfterAttack.loggedNoErrors(server);
    }

    @Test
    void chunkedBodiesOfOneByteChunksAreCountedAtWhatTheyTakeInTheHeap() throws Exception {
        int uploads = 60;
        int chunks = 500_000; // 500,000 body bytes each, 3 MB on the wire; at ~30 bytes of heap a byte, 15 MB each
        FramekitProcess server = framekit.startWithJvmOptions(List.of("-Xmx64m"), "http-server", "--host", "127.0.0.1",
                "--port", "0", "--header-timeout", "60s").awaitReady();
        byte[] oneByteChunks = "1\r\nc\r\n".repeat(chunks).getBytes(StandardCharsets.US_ASCII);
        byte[] head = "POST /echo HTTP/1.1\r\nHost: upload\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            Socket socket = sockets.open(server.port());
            writers.add(Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(head);
                    out.write(oneByteChunks); // and never the last chunk
                    out.flush();
                } catch (IOException shed) {
                    // Shed while sending: the budget at work.
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join(Duration.ofSeconds(120));
        }
        // The server parses 30 million chunks: wait until what it holds shows they have arrived (or were shed).
        long heldKib = 0;
        long shed = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            shed = AfterAttack.linesContaining(server, "closed it (--max-memory)");
            heldKib = HeapUse.afterGcKib(server);
            if (heldKib * 1024 >= (uploads - shed) * (long) chunks * 8 / 10) {
                break;
            }
            Thread.sleep(1_000);
        }
        System.out.printf("http-server -Xmx64m: %d chunked uploads of %,d 1-byte chunks stalled before the last chunk,"
                + " %d shed; heap after GC %,d KiB%n", uploads, chunks, shed, heldKib);
        assertTrue(heldKib * 1024 >= (uploads - shed) * (long) chunks * 8 / 10, "the bodies arrived and are held\n"
                + server.transcript());

        assertTrue(server.isAlive(), server.transcript());
        assertEquals("still answering", echoWithRetries(server, "still answering"), server.transcript());
        AfterAttack.loggedNoErrors(server);
    }

    /** The length of one response: its head, then the Content-Length bytes of body. */
    private static int responseLength(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            head.write(in.read());
        }
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head.toString(StandardCharsets.US_ASCII));
        assertTrue(length.find(), head.toString(StandardCharsets.US_ASCII));
        return head.size() + Integer.parseInt(length.group(1));
    }

    /** Sends a request head and all of its body but the last 50,000 bytes, then stalls (the socket stays open). */
    private static void sendAllButTheEnd(Socket socket, boolean chunked) {
        byte[] piece = new byte[PIECE];
        Arrays.fill(piece, (byte) 'u');
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: upload\r\n"
                    + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + DECLARED) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < PIECES_SENT; i++) {
                if (chunked) {
                    out.write((Integer.toHexString(PIECE) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(piece);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            out.flush();
        } catch (IOException shed) {
            // The server shed this upload while it was being sent: the budget at work.
        }
    }

    /**
     * POSTs {@code body} to /echo and returns the echoed body. While the server is over its
     * budget it refuses new connections by design, so a refused try is retried for up to 10 s;
     * each try must be answered within 5 s.
     */
    private static String echoWithRetries(FramekitProcess server, String body) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            assertTrue(server.isAlive(), server.transcript());
            String response;
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: healthy\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                response = readToEnd(socket.getInputStream());
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("the healthy client got no answer within 5 s\n" + server.transcript(), e);
            } catch (IOException refused) {
                response = "";
            }
            if (response.startsWith("HTTP/1.1 200 ") || System.nanoTime() > deadline) {
                assertTrue(response.startsWith("HTTP/1.1 200 "), preview(response) + "\n" + server.transcript());
                return response.substring(response.indexOf("\r\n\r\n") + 4);
            }
            Thread.sleep(200);
        }
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (java.net.SocketException reset) {
            // Refused while over the budget: closed at once.
        }
        return all.toString(StandardCharsets.US_ASCII);
    }

    private static String preview(String response) {
        return response.length() > 200 ? response.substring(0, 200) + "..." : response;
    }
}
