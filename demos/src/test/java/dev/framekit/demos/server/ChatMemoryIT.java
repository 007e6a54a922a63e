package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.HeapUse;
import dev.framekit.demos.support.RawSockets;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chat server's memory in a 64 MiB heap: 1,000 idle members (and one long line to all of
 * them, which leaves no grown write batch behind), a member that never reads while
 * another posts lines of almost 1 MiB, members that never read while another floods 1-byte lines
 * (each queued line's objects counted, so the budget, not the heap watch, sheds one), and on
 * send-and-close a flood of JOINs and a poller that never acknowledges. Each ends with the offenders gone in one line each, the server alive and a
 * new member welcomed at once.
 */
@Timeout(240)
class ChatMemoryIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();
    private final RawSockets sockets = new RawSockets();

    @AfterEach
    void stop() throws IOException {
        sockets.close();
    }

    private FramekitProcess chatServer(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("chat-server", "--host", "127.0.0.1", "--port", "0"));
        args.addAll(List.of(options));
        return framekit.startWithJvmOptions(List.of("-Xmx64m"), args.toArray(String[]::new)).awaitReady();
    }

    /** A new line member is welcomed within 5 s. */
    private static void welcomesANewMember(FramekitProcess server) throws IOException {
        assertTrue(server.isAlive(), server.transcript());
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("-- welcome")) {
                // Lines for the room before the welcome, if any.
            }
            assertTrue(line != null, server.transcript());
        }
    }

    @Test
    void aThousandIdleMembersCostAFewKibEach() throws Exception {
        int members = 1_000;
        FramekitProcess server = chatServer("--framing", "delimiter", "--verbose");
        java.util.regex.Matcher counted = java.util.regex.Pattern.compile("allows at (\\d+) KiB each")
                .matcher(server.awaitLine("^chat-server: memory budget .*"));
        assertTrue(counted.find(), server.transcript());
        long baseKib = HeapUse.afterGcKib(server);
        for (int i = 0; i < members; i++) {
            sockets.open(server.port());
        }
        // Slow on a shared machine: every join is announced to every member, half a million lines in all.
        assertEquals(members, AfterAttack.awaitLines(server, " joined as guest", members, Duration.ofSeconds(90)),
                server.transcript());
        // Every join notice is written to every member by then; on a busy machine that takes a while.
        long idleKib = HeapUse.settledKib(server, baseKib + 16L * members);
        System.out.printf("chat-server -Xmx64m, %,d idle members: heap after GC %,d KiB, %,d KiB before;"
                + " %.1f KiB per member%n", members, idleKib, baseKib, (idleKib - baseKib) / (double) members);

        // The banner's connection limit is one the heap can hold: a member is counted at no less than it costs.
        assertTrue((idleKib - baseKib) / (double) members <= Integer.parseInt(counted.group(1)),
                "an idle member costs no more than the budget counts it at: " + counted.group());

        // A line relayed as "<guest1> " and 16,374 bytes: 16,383, just under the 16 KiB that skip the write batch.
        // It goes to every member through its batch, and used to leave each batch grown for good.
        sockets.get(0).getOutputStream().write(("L".repeat(16_374) + "\n").getBytes(StandardCharsets.US_ASCII));
        long afterLineKib = HeapUse.settledKib(server, idleKib + 4L * members); // once written to every member
        System.out.printf("after one 16,383-byte line to %,d members: heap after GC %,d KiB, %.1f KiB more per member%n",
                members, afterLineKib, (afterLineKib - idleKib) / (double) members);
        assertTrue((afterLineKib - idleKib) / (double) members < 4, "each member's batch has shrunk back");
        welcomesANewMember(server);
        AfterAttack.loggedNoErrors(server);
    }

    @Test
    void aMemberThatNeverReadsWhileAnotherPostsMebibyteLinesIsDisconnectedInOneLine() throws Exception {
        // Queues of 4 MiB, and the poster paced at 2 lines a second; the stuck member, once behind, holds it back 3 s.
        FramekitProcess server = chatServer("--framing", "delimiter", "--max-queue", "4m", "--flood-limit", "2",
                "--write-timeout", "3s");
        Socket stuck = new Socket();
        stuck.setReceiveBufferSize(4096);
        stuck.connect(new InetSocketAddress("127.0.0.1", server.port()));
        server.awaitLine("joined as guest1");
        Socket poster = sockets.open(server.port());
        server.awaitLine("joined as guest2");
        Socket healthy = sockets.open(server.port());
        server.awaitLine("joined as guest3");
        BufferedReader healthyIn = new BufferedReader(new InputStreamReader(healthy.getInputStream(), StandardCharsets.UTF_8));
        healthy.setSoTimeout(20_000);

        String big = "y".repeat(1_000_000);
        OutputStream out = poster.getOutputStream();
        int lines = 10;
        Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < lines; i++) {
                    out.write((i + " " + big + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                // The test ends.
            }
        });
        int received = 0;
        String line;
        while (received < lines && (line = healthyIn.readLine()) != null) {
            if (line.startsWith("<guest2> ")) {
                received++;
            }
        }

        stuck.close();
        assertEquals(lines, received, "the healthy member missed nothing\n" + server.transcript());
        assertTrue(server.awaitLine("guest1 left: disconnected: too far behind").contains("guest1"), server.transcript());
        welcomesANewMember(server);
        AfterAttack.loggedNoErrors(server);
    }

    @Test
    void aFloodOfOneByteLinesToMembersThatNeverReadIsShedByTheBudgetNotTheHeap() throws Exception {
        // No flood control and queues that hold 64 MiB of line bytes: only the memory budget stops the flood.
        // Each queued "<guest5> x" is 10 bytes but holds ~64 more in the queue's objects; counted at 10,
        // 16 MiB of budget would be ~1.6 million entries, 100 MiB of heap in a 64 MiB one.
        FramekitProcess server = chatServer("--framing", "delimiter", "--flood-limit", "0", "--flood-bytes", "0",
                "--max-queue", "64m", "--write-timeout", "120s", "--max-memory", "16m");
        int stuckMembers = 4;
        List<Socket> stuck = new java.util.ArrayList<>();
        for (int i = 1; i <= stuckMembers; i++) {
            Socket never = new Socket();
            never.setReceiveBufferSize(4096);
            never.connect(new InetSocketAddress("127.0.0.1", server.port()));
            stuck.add(never); // never read
            server.awaitLine("joined as guest" + i);
        }
        Socket poster = sockets.open(server.port());
        server.awaitLine("joined as guest" + (stuckMembers + 1));
        byte[] burst = "x\n".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        Thread flood = Thread.ofVirtual().start(() -> {
            try {
                OutputStream out = poster.getOutputStream();
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(burst);
                }
            } catch (IOException e) {
                // The test ends, or the server let the poster go.
            }
        });
        try {
            String shed = server.awaitLine(java.util.regex.Pattern.compile(
                    ".*guest[1-" + stuckMembers + "] left: disconnected: too far behind, the server is short of memory"
                            + " \\(--max-memory\\)"), Duration.ofSeconds(120));
            System.out.println("shed by the budget: " + shed);
        } finally {
            flood.interrupt();
            poster.close();
            for (Socket never : stuck) {
                never.close();
            }
        }
        // The budget's line for the connection it closed, and the room's for the member who left: two threads, either first.
        server.awaitLineSinceStart(java.util.regex.Pattern.compile(".* the most of any peer, when the server was over its"
                + " memory budget of 16777216 bytes; closed it \\(--max-memory\\)"), Duration.ofSeconds(30));
        assertTrue(server.stdoutLines().stream().noneMatch(line -> line.contains("a collection left the heap")),
                "the budget's accounts saw the queues fill, before the heap watch had to\n" + server.transcript());
        welcomesANewMember(server);
        AfterAttack.loggedNoErrors(server);
    }

    @Test
    void onSendAndCloseAJoinFloodIsCappedAndAPollerThatNeverAcknowledgesIsDisconnected() throws Exception {
        FramekitProcess server = chatServer("--framing", "close", "--max-connections", "100", "--max-queue", "256k",
                "--write-timeout", "2s", "--join-limit", "0");
        // A poller that polls but never acknowledges, while long lines are said: behind at 256 KiB, dropped 2 s later.
        String token = exchange(server, "JOIN").substring(3);
        String sayer = exchange(server, "JOIN").substring(3);
        String reason = null;
        for (int i = 0; i < 20 && reason == null; i++) {
            exchange(server, "SAY " + sayer + "\n" + i + " " + "z".repeat(60_000));
            String poll = exchange(server, "POLL " + token + " 0\n");
            if (poll.startsWith("GONE")) {
                reason = poll;
            }
        }
        assertTrue(reason != null && reason.contains("too far behind"), String.valueOf(reason));

        // A flood of JOINs: the room holds as many members as the server holds connections.
        int joined = 0;
        String refusal = null;
        for (int i = 0; i < 300; i++) {
            String reply = exchange(server, "JOIN");
            if (reply.startsWith("OK ")) {
                joined++;
            } else {
                refusal = reply;
            }
        }
        assertEquals(99, joined, "100 members with the sayer\n" + server.transcript());
        assertTrue(refusal != null && refusal.contains("the room is full: 100 members"), refusal);
        assertTrue(server.isAlive());
        AfterAttack.loggedNoErrors(server);
    }

    private static String exchange(FramekitProcess server, String request) throws IOException {
        try (FramedConnection connection = FramedConnection.connector("127.0.0.1", server.port())
                .framer(Framers.sendAndClose()).readTimeout(Duration.ofSeconds(10)).connect()) {
            return connection.exchange(request);
        }
    }
}
