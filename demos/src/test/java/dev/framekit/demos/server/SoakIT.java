package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.HeapUse;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import dev.framekit.framing.support.Slow;
import dev.framekit.framing.websocket.WebSocketConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A soak under mixed load against the real jar, every server in {@code -Xmx64m}: a chat server
 * with {@code --web-port}, a chat server on send-and-close, and an echo server under {@code framekit
 * load}, for {@code -Dframekit.soak.seconds} (default 120). Meanwhile well-behaved chat members
 * (two line readers at full speed, a line reader that pauses and catches up, a web member, a
 * {@code chat-client} process, a polling member) check every line of the sayers by its number,
 * and {@code load} checks every echo; every 15 s a wave of hostile peers arrives ({@link
 * HostilePeers}: a never-reader, a flooder, an oversized and a malformed WebSocket frame, a
 * slowloris head on the web port, WebSocket fragments that never end, and on the echo port a
 * never-reader, a 4 GiB length and a slowloris frame), and a JOIN flood runs on the send-and-close
 * server all along. At the end: nothing lost or reordered, each hostile peer ended with one log
 * line, every server alive and serving a new client, no peer shed, and each server's heap after a
 * full GC within a margin of where it was at the start, and never near the max.
 */
@Slow
@Timeout(value = 2, unit = TimeUnit.HOURS)
class SoakIT {
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("framekit.soak.seconds", 120));
    private static final Duration WAVE_EVERY = Duration.ofSeconds(15);
    private static final long MAX_HEAP_KIB = 64 * 1024;
    /** The heap after GC may grow this much over the soak (a cache filling, the JIT's objects) and still count as flat. */
    private static final long FLAT_MARGIN_KIB = 4 * 1024;
    private static final List<String> SAYERS = List.of("s0", "s1");
    private static final Pattern END_LINE = Pattern.compile("127\\.0\\.0\\.1:(\\d+) \\d+ messages? in ");

    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void wellBehavedPeersLoseNothingHostileOnesAreEndedInOneLineAndMemoryStaysFlat() throws Exception {
        FramekitProcess chat = server("chat-server", "--framing", "delimiter", "--web-port", "0", "--no-qr",
                "--max-frame", "64k", "--max-queue", "256k", "--write-timeout", "3s", "--header-timeout", "3s");
        Matcher web = Pattern.compile(":(\\d+) ").matcher(chat.awaitLine("^chat-server-web listening on "));
        assertTrue(web.find());
        int webPort = Integer.parseInt(web.group(1));
        FramekitProcess polls = server("chat-server", "--framing", "close");
        FramekitProcess echo = server("echo-server", "--framing", "length", "--write-timeout", "3s", "--frame-timeout", "3s");
        Map<String, FramekitProcess> servers = new LinkedHashMap<>();
        servers.put("chat", chat);
        servers.put("polls", polls);
        servers.put("echo", echo);

        // The well-behaved: readers of the sayers' lines, each checking every line by its number.
        List<Tracker> trackers = new ArrayList<>();
        List<AutoCloseable> members = new ArrayList<>();
        for (String name : List.of("fast1", "fast2")) {
            Tracker tracker = new Tracker(name, SAYERS);
            trackers.add(tracker);
            members.add(LineMember.join(chat.port(), name, tracker));
        }
        Tracker slow = new Tracker("slow", SAYERS);
        trackers.add(slow);
        AtomicInteger slowLines = new AtomicInteger();
        members.add(LineMember.join(chat.port(), "slow", line -> {
            slow.accept(line);
            if (slowLines.incrementAndGet() % 500 == 0) {
                pause(1_000); // reads, falls behind, catches up
            }
        }));
        Tracker webTracker = new Tracker("web", SAYERS);
        trackers.add(webTracker);
        WebSocketConnection webMember = WebSocketConnection.connect("127.0.0.1", webPort, "/chat");
        members.add(webMember);
        webMember.sendText("/nick webby");
        Thread webReads = Thread.ofVirtual().start(() -> {
            try {
                for (String line; (line = webMember.readText()) != null && !webTracker.done(); ) {
                    webTracker.accept(line);
                }
            } catch (IOException e) {
                webTracker.fail("the web member's connection ended: " + e);
            }
        });
        FramekitProcess client = framekit.start("chat-client", "--host", "127.0.0.1", "--port",
                Integer.toString(chat.port()), "--framing", "delimiter", "--name", "cc");
        client.awaitLine("^-- you are now cc$");
        List<LineMember> sayers = new ArrayList<>();
        for (String name : SAYERS) {
            sayers.add(LineMember.join(chat.port(), name, line -> {}));
        }
        Tracker poller = new Tracker("poller", List.of("ps"));
        String pollerToken = token(exchange(polls, "JOIN pp"));
        String pollSayer = token(exchange(polls, "JOIN ps"));
        Thread polling = Thread.ofVirtual().start(() -> poll(polls, pollerToken, poller));

        // The load: sayers, load, a JOIN flood; a wave of hostile peers every 15 s.
        long started = System.nanoTime();
        long deadline = started + DURATION.toNanos();
        List<Thread> saying = new ArrayList<>();
        for (int s = 0; s < sayers.size(); s++) {
            int sayer = s;
            saying.add(Thread.ofVirtual().start(() -> say(sayers.get(sayer), SAYERS.get(sayer), deadline)));
        }
        saying.add(Thread.ofVirtual().start(() -> sayPolled(polls, pollSayer, deadline)));
        Tracker pollSayerTracker = new Tracker("ps's own polls", List.of()); // a client polls as well as posts
        Thread.ofVirtual().start(() -> poll(polls, pollSayer, pollSayerTracker));
        FramekitProcess load = framekit.start("load", "--host", "127.0.0.1", "--port", Integer.toString(echo.port()),
                "--framing", "length", "--connections", "50", "--rate", "500", "--size", "200",
                "--duration", DURATION.toSeconds() + "s");
        // The JOIN flood stops early enough for its members to be let go (no poll within 20 s of joining) by the end.
        long floodDeadline = Math.max(started + Duration.ofSeconds(30).toNanos(), deadline - Duration.ofSeconds(30).toNanos());
        AtomicInteger floodJoins = new AtomicInteger();
        List<Thread> joinFlood = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            joinFlood.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < floodDeadline) {
                    try {
                        if (exchange(polls, "JOIN").startsWith("OK ")) {
                            floodJoins.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // Refused or reset: the flood goes on.
                    }
                }
            }));
        }
        Thread.sleep(10_000); // warm: every kind of member and the load have run for a while
        Map<String, Long> heapAtStart = new LinkedHashMap<>();
        Map<String, Long> heapMax = new LinkedHashMap<>();
        for (Map.Entry<String, FramekitProcess> server : servers.entrySet()) {
            long kib = HeapUse.afterGcKib(server.getValue());
            heapAtStart.put(server.getKey(), kib);
            heapMax.put(server.getKey(), kib);
        }
        HostilePeers hostile = new HostilePeers();
        int wave = 0;
        while (System.nanoTime() < deadline - WAVE_EVERY.toNanos() / 2) {
            wave++;
            hostile.chatNeverReader(chat.port(), "never" + wave);
            hostile.chatFlooder(chat.port(), "flood" + wave);
            hostile.webSlowloris(webPort);
            hostile.webOversizedFrame(webPort);
            hostile.webUnmaskedFrame(webPort);
            hostile.webEndlessFragments(webPort, 20);
            hostile.echoNeverReader(echo.port());
            hostile.echoOversizedFrame(echo.port());
            hostile.echoSlowloris(echo.port());
            Thread.sleep(Math.min(WAVE_EVERY.toMillis(), Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
            for (Map.Entry<String, FramekitProcess> server : servers.entrySet()) {
                assertTrue(server.getValue().isAlive(), server.getKey() + " died\n" + server.getValue().transcript());
                heapMax.merge(server.getKey(), HeapUse.afterGcKib(server.getValue()), Math::max);
            }
        }

        // The end: the sayers say "end", every reader must have had every line, in order.
        for (Thread thread : saying) {
            thread.join();
        }
        for (Thread thread : joinFlood) {
            thread.join();
        }
        long readersDeadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (Tracker tracker : trackers) {
            tracker.awaitDone(readersDeadline);
        }
        webReads.join(Duration.ofSeconds(5));
        polling.join(Duration.ofMillis(Math.max(1, (readersDeadline - System.nanoTime()) / 1_000_000)));
        Tracker clientTracker = new Tracker("chat-client", SAYERS);
        while (SAYERS.stream().anyMatch(name -> !client.stdoutLines().contains("<" + name + "> end"))
                && System.nanoTime() < readersDeadline) {
            Thread.sleep(200);
        }
        client.stdoutLines().forEach(clientTracker);
        trackers.add(clientTracker);
        trackers.add(poller);
        int loadStatus = load.awaitExit(Duration.ofSeconds(120));

        // Hostile peers: one line each.
        for (HostilePeers.Peer peer : hostile.peers()) {
            awaitEndLine(servers.get(peer.server()), peer.port(), Duration.ofSeconds(30));
        }
        hostile.closeAll();
        hostile.join();
        Map<String, Long> heapAtEnd = new LinkedHashMap<>();
        for (Map.Entry<String, FramekitProcess> server : servers.entrySet()) {
            long kib = HeapUse.afterGcKib(server.getValue());
            heapAtEnd.put(server.getKey(), kib);
            heapMax.merge(server.getKey(), kib, Math::max);
        }

        String figures = String.format(Locale.ROOT, "soak: %d s, %d waves of %d hostile peers; chat lines said %s,"
                        + " checked by %d readers; %d JOINs of the flood let in; load: %s; heap after GC (KiB) start %s,"
                        + " end %s, most %s (max heap %d)",
                (System.nanoTime() - started) / 1_000_000_000L, wave, hostile.peers().size() / Math.max(1, wave),
                said, trackers.size(), floodJoins.get(),
                load.stdoutLines().stream().filter(line -> line.startsWith("messages:")).findFirst().orElse("?"),
                heapAtStart, heapAtEnd, heapMax, MAX_HEAP_KIB);
        System.out.println(figures);
        for (Tracker tracker : trackers) {
            assertEquals(List.of(), tracker.errors(), tracker.name() + " lost or reordered lines; " + figures);
            assertTrue(tracker.done(), tracker.name() + " did not get every line: " + tracker + "; " + figures);
        }
        assertEquals(0, loadStatus, load.transcript());
        assertTrue(load.stdoutLines().contains("load: OK, every echo verified"), load.transcript());
        for (HostilePeers.Peer peer : hostile.peers()) {
            assertEquals(1, endLines(servers.get(peer.server()), peer.port()), peer + " ended in one line");
        }
        for (Map.Entry<String, FramekitProcess> server : servers.entrySet()) {
            FramekitProcess process = server.getValue();
            assertTrue(process.isAlive(), server.getKey() + " died\n" + process.transcript());
            AfterAttack.loggedNoErrors(process);
            assertEquals(0, AfterAttack.linesContaining(process, "(--max-memory)"), server.getKey() + " shed a peer");
            long start = heapAtStart.get(server.getKey());
            if (heapAtEnd.get(server.getKey()) > start + FLAT_MARGIN_KIB) {
                throw new AssertionError(server.getKey() + "'s heap grew: " + figures + "\n" + HeapUse.histogram(process, 25));
            }
            assertTrue(heapMax.get(server.getKey()) < MAX_HEAP_KIB * 3 / 4, server.getKey() + "'s heap neared the max: "
                    + figures);
        }
        try (LineMember newcomer = LineMember.join(chat.port(), "newcomer", line -> {})) {
            assertTrue(newcomer.socket.isConnected());
        }
        assertTrue(token(exchange(polls, "JOIN newcomer")).length() > 0);
        AfterAttack.servesAHealthyClient(echo, Framers.lengthPrefixed());
        for (AutoCloseable member : members) {
            member.close();
        }
        sayers.forEach(LineMember::close);
    }

    private final Map<String, AtomicInteger> said = new java.util.concurrent.ConcurrentHashMap<>();

    private FramekitProcess server(String... args) {
        List<String> all = new ArrayList<>(List.of(args[0], "--host", "127.0.0.1", "--port", "0"));
        all.addAll(List.of(args).subList(1, args.length));
        return framekit.startWithJvmOptions(List.of("-Xmx64m"), all.toArray(String[]::new)).awaitReady();
    }

    /** The n-th line of {@code sayer}: its number, then letters of a length that varies from 1 to 1,500. */
    static String text(String sayer, int n) {
        return n + " " + String.valueOf((char) ('a' + n % 26)).repeat(1 + (n * 37 + sayer.length()) % 1_500);
    }

    /** Posts numbered lines, 20 a second, until {@code deadline}, then "end". */
    private void say(LineMember member, String name, long deadline) {
        AtomicInteger count = said.computeIfAbsent(name, n -> new AtomicInteger());
        try {
            while (System.nanoTime() < deadline) {
                member.send(text(name, count.getAndIncrement()));
                Thread.sleep(50);
            }
            member.send("end");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(name + " could not say: " + e, e);
        }
    }

    /** Posts numbered lines on send-and-close, 10 a second, until {@code deadline}, then "end". */
    private void sayPolled(FramekitProcess polls, String token, long deadline) {
        AtomicInteger count = said.computeIfAbsent("ps", n -> new AtomicInteger());
        try {
            while (System.nanoTime() < deadline) {
                assertEquals("OK", exchange(polls, "SAY " + token + "\n" + text("ps", count.getAndIncrement())));
                Thread.sleep(100);
            }
            assertEquals("OK", exchange(polls, "SAY " + token + "\nend"));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("ps could not say: " + e, e);
        }
    }

    /** Long-polls as {@code token}, acknowledging every line, into {@code tracker}, until it is done. */
    private static void poll(FramekitProcess polls, String token, Tracker tracker) {
        try {
            for (long last = 0; !tracker.done(); ) {
                String reply = exchange(polls, "POLL " + token + " " + last);
                if (!reply.startsWith("OK ")) {
                    tracker.fail("the poller was told " + reply);
                    return;
                }
                String[] parts = reply.split("\n");
                last = Long.parseLong(parts[0].substring(3));
                for (int i = 1; i < parts.length; i++) {
                    tracker.accept(parts[i]);
                }
            }
        } catch (IOException | RuntimeException e) {
            tracker.fail("the poller failed: " + e);
        }
    }

    private static void awaitEndLine(FramekitProcess server, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (endLines(server, port) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** How many of the server's lines end the connection from {@code port} ("127.0.0.1:PORT N messages in ..."). */
    private static long endLines(FramekitProcess server, int port) {
        String portText = Integer.toString(port);
        return server.stdoutLines().stream().map(END_LINE::matcher)
                .filter(m -> m.find() && m.group(1).equals(portText)).count();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String token(String reply) {
        assertTrue(reply.startsWith("OK "), reply);
        return reply.substring(3);
    }

    private static String exchange(FramekitProcess server, String request) throws IOException {
        try (FramedConnection connection = FramedConnection.connector("127.0.0.1", server.port())
                .framer(Framers.sendAndClose()).readTimeout(Duration.ofSeconds(60)).connect()) {
            return connection.exchange(request);
        }
    }

    /**
     * What one reader received of the sayers' lines: each must be the next of its sayer, whole;
     * done once every sayer's "end" has come.
     */
    static final class Tracker implements Consumer<String> {
        private final String name;
        private final List<String> sayers;
        private final int[] next;
        private final boolean[] ended;
        private final List<String> errors = new CopyOnWriteArrayList<>();
        private volatile boolean done;

        Tracker(String name, List<String> sayers) {
            this.name = name;
            this.sayers = sayers;
            this.next = new int[sayers.size()];
            this.ended = new boolean[sayers.size()];
        }

        String name() {
            return name;
        }

        List<String> errors() {
            return errors;
        }

        boolean done() {
            return done;
        }

        void fail(String why) {
            errors.add(why);
            done = true;
        }

        @Override
        public synchronized void accept(String line) {
            for (int s = 0; s < sayers.size(); s++) {
                String prefix = "<" + sayers.get(s) + "> ";
                if (!line.startsWith(prefix)) {
                    continue;
                }
                String body = line.substring(prefix.length());
                if (body.equals("end")) {
                    ended[s] = true;
                    boolean all = true;
                    for (boolean e : ended) {
                        all &= e;
                    }
                    done = all;
                } else if (!body.equals(text(sayers.get(s), next[s]))) {
                    if (errors.size() < 10) {
                        errors.add(name + " expected line " + next[s] + " of " + sayers.get(s) + ", got "
                                + line.substring(0, Math.min(40, line.length())) + "... (" + line.length() + " chars)");
                    }
                    try {
                        next[s] = Integer.parseInt(body.substring(0, Math.max(0, body.indexOf(' ')))) + 1;
                    } catch (NumberFormatException e) {
                        // Not a numbered line at all: keep waiting for the one expected.
                    }
                } else {
                    next[s]++;
                }
                return;
            }
        }

        void awaitDone(long deadline) throws InterruptedException {
            while (!done && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        @Override
        public synchronized String toString() {
            return name + " at " + java.util.Arrays.toString(next) + " of " + sayers;
        }
    }

    /** A chat member on the \n framing, as nc speaks; its lines go to a consumer on a thread of its own. */
    static final class LineMember implements AutoCloseable {
        final Socket socket = new Socket();
        private final OutputStream out;

        static LineMember join(int port, String name, Consumer<String> lines) throws IOException {
            LineMember member = new LineMember(port);
            BufferedReader in = new BufferedReader(new InputStreamReader(member.socket.getInputStream(), StandardCharsets.UTF_8));
            member.send("/nick " + name);
            for (String line = in.readLine(); !("-- you are now " + name).equals(line); line = in.readLine()) {
                if (line == null) {
                    throw new IOException(name + " could not join");
                }
            }
            Thread.ofVirtual().start(() -> {
                try {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.accept(line);
                    }
                } catch (IOException e) {
                    // Closed at the end.
                }
            });
            return member;
        }

        private LineMember(int port) throws IOException {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            out = socket.getOutputStream();
        }

        synchronized void send(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing.
            }
        }
    }
}
