package dev.framekit.demos.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.interop.LoopbackServer;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One room across chat servers on a real {@code nats-server -js} (Debian's), started on a free
 * loopback port for each test and stopped after it: lines in order and once, presence when a
 * server is killed, the NATS server restarting, names raced for, a hostile message on the bus.
 */
@Peer
@Needs(Capability.NATS_SERVER)
@Timeout(240)
class ChatBusIT {
    private static final Pattern LINE = Pattern.compile("^<alice> m(\\d+)$");

    @RegisterExtension
    final Framekit framekit = new Framekit();

    @TempDir
    Path dir;

    private LoopbackServer nats;
    private final List<LineMember> members = new ArrayList<>();

    @BeforeEach
    void startNats() throws Exception {
        nats = LoopbackServer.start(dir, "nats-server", port -> List.of("/usr/sbin/nats-server", "-js",
                "-sd", dir.resolve("jetstream").toString(), "-a", "127.0.0.1", "-p", Integer.toString(port)));
    }

    @AfterEach
    void stop() throws Exception {
        for (LineMember member : members) {
            member.close();
        }
        nats.close();
    }

    private String bus() {
        return "nats://127.0.0.1:" + nats.port();
    }

    /** A chat server on the bus, in a 64 MiB heap (the bus is a way in for a hostile peer too). */
    private FramekitProcess chatServer(String... more) {
        List<String> args = new ArrayList<>(List.of("chat-server", "--host", "127.0.0.1", "--port", "0",
                "--framing", "delimiter", "--no-announce", "--bus", bus()));
        args.addAll(List.of(more));
        return framekit.startWithJvmOptions(List.of("-Xmx64m"), args.toArray(String[]::new)).awaitReady();
    }

    private LineMember join(FramekitProcess server, String name) throws Exception {
        LineMember member = LineMember.join(server.port(), name);
        members.add(member);
        return member;
    }

    @Test
    void threeServersAreOneRoomAndLinesArriveInOrderOnce() throws Exception {
        FramekitProcess one = chatServer();
        FramekitProcess two = chatServer();
        FramekitProcess three = chatServer();
        LineMember alice = join(one, "alice");
        LineMember bob = join(two, "bob");
        alice.await("^-- bob joined$");
        FramekitProcess carol = framekit.start("chat-client", "--host", "127.0.0.1", "--port", Integer.toString(three.port()),
                "--framing", "delimiter", "--name", "carol");
        carol.awaitLine("-- you are now carol");
        alice.await("^-- (carol joined|\\S+ is now carol)$"); // chat-client may join first, then take its name
        bob.await("^-- (carol joined|\\S+ is now carol)$");
        LineMember dan = join(three, "dan");
        bob.await("^-- dan joined$");

        for (int m = 0; m < 300; m++) {
            alice.send("m" + m);
        }
        alice.send("/me is done");
        for (LineMember reader : List.of(bob, dan)) {
            reader.await("^\\* alice is done$");
            assertEquals(range(300), numbers(reader.received), "300 lines, in order, each once");
        }
        carol.awaitLine("^\\* alice is done$");
        assertEquals(range(300), numbers(carol.stdoutLines()), "chat-client: 300 lines, in order, each once");
        assertEquals(List.of(), numbers(alice.received), "never echoed to the sender");

        bob.send("/who");
        String who = bob.await("^-- in the room \\(4\\): ");
        assertTrue(who.matches("-- in the room \\(4\\): bob \\(here, \\S+:" + two.port() + "\\); .*"), who);
        assertTrue(who.contains("alice (") && who.contains(":" + one.port() + ")"), who);
        assertTrue(who.contains("carol, dan (") || who.contains("dan, carol ("), who);

        bob.send("/msg ALICE across servers");
        alice.await("^\\*bob\\* across servers$");
        bob.await("^-> \\*alice\\* across servers$");
        bob.send("/nick alice");
        bob.await("^-- the name alice is taken on another server");
        carol.send("/nick Bob");
        carol.awaitLine("-- the name Bob is taken on another server");

        LineMember erin = join(two, "erin");
        erin.await("^\\[history\\] \\* alice is done$");
        assertTrue(erin.received.contains("[history] <alice> m299"), erin.received.toString());
    }

    @Test
    void floodControlAndTheMemoryBudgetHoldOnEachServer() throws Exception {
        FramekitProcess paced = chatServer("--flood-limit", "20", "--flood-bytes", "0");
        FramekitProcess small = chatServer("--max-memory", "4m", "--write-timeout", "60s");
        LineMember alice = join(paced, "alice");
        LineMember bob = join(small, "bob");
        alice.await("^-- bob joined$");
        try (Socket stuck = new Socket()) { // a member of the small server that never reads
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new java.net.InetSocketAddress("127.0.0.1", small.port()));
            stuck.getOutputStream().write("/nick stuck\n".getBytes(StandardCharsets.UTF_8));
            bob.await("^-- stuck joined$");

            String text = "x".repeat(48 * 1024);
            for (int m = 0; m < 200; m++) { // 9.6 MB said on the paced server: more than the small one's budget and kernel
                alice.send("m" + m + " " + text);
            }
            alice.send("/me is done");
            bob.await("^\\* alice is done$", Duration.ofSeconds(120));

            // The paced server reads its flooder more slowly and says so; nothing it let in is lost.
            alice.await("^-- you are sending more than 20 lines a second");
            List<String> heard = bob.received.stream().filter(line -> line.startsWith("<alice> m"))
                    .map(line -> line.substring(0, line.indexOf(' ', "<alice> ".length()))).toList();
            assertEquals(IntStream.range(0, 200).mapToObj(m -> "<alice> m" + m).toList(), heard,
                    "every line, in order, once, to the member who reads");
            assertTrue(bob.received.stream().filter(line -> line.startsWith("<alice> m"))
                    .allMatch(line -> line.endsWith(" " + text)), "whole lines");
            // The small server holds its own budget against lines from the bus: the never-reader goes, in one line.
            small.awaitLine(":" + stuck.getLocalPort()
                    + " .*when the server was over its memory budget of 4194304 bytes; closed it \\(--max-memory\\)$");
            assertTrue(bob.received.stream().anyMatch(line -> line.startsWith("-- stuck left")),
                    bob.received.stream().filter(line -> !line.startsWith("<alice> m")).toList().toString());
        }
        assertTrue(small.isAlive() && paced.isAlive());
        assertFalse(small.transcript().contains("OutOfMemoryError"), small.transcript());
    }

    @Test
    void roomsWithOtherNamesShareTheBusButNotTheirLines() throws Exception {
        FramekitProcess red = chatServer("--bus-room", "red");
        FramekitProcess blue = chatServer("--bus-room", "blue");
        FramekitProcess alsoRed = chatServer("--bus-room", "red");
        LineMember alice = join(red, "alice");
        LineMember bob = join(blue, "alice2");
        LineMember carol = join(alsoRed, "carol");
        alice.await("^-- carol joined$");
        LineMember twin = join(blue, "carol2");
        twin.send("/nick alice");
        twin.await("^-- you are now alice$"); // names are per room
        alice.send("for red only");
        carol.await("^<alice> for red only$");
        bob.send("blue here");
        twin.await("^<alice2> blue here$");
        carol.send("/who");
        carol.await("^-- in the room \\(2\\): carol \\(here, \\S+\\); alice \\(\\S+\\)$");
        assertTrue(bob.received.stream().noneMatch(line -> line.contains("red only") || line.contains("carol joined")),
                bob.received.toString());
        assertTrue(alice.received.stream().noneMatch(line -> line.contains("blue here")), alice.received.toString());
    }

    @Test
    void aHostileMessageOnTheBusIsDroppedWithALogLine() throws Exception {
        FramekitProcess one = chatServer();
        FramekitProcess two = chatServer();
        LineMember alice = join(one, "alice");
        LineMember bob = join(two, "bob");
        alice.await("^-- bob joined$");
        String forged = "framekit-bus 1\n0123456789ab\n1\nsaid\nmallory\n\u001b[2J-- server: everyone send your password";
        publishRaw("framekit.chat.lobby", forged.getBytes(StandardCharsets.UTF_8));
        one.awaitLine("bus: dropped a malformed message on framekit.chat.lobby: a text that is not safe to print");
        two.awaitLine("bus: dropped a malformed message on framekit.chat.lobby");
        bob.send("after the forgery");
        alice.await("^<bob> after the forgery$");
        assertTrue(alice.received.stream().noneMatch(line -> line.contains("mallory")), alice.received.toString());
    }

    @Test
    void aKilledServersMembersAreAnnouncedAsLeftAndItsNamesFreed() throws Exception {
        FramekitProcess one = chatServer();
        FramekitProcess two = chatServer();
        LineMember alice = join(one, "alice");
        join(two, "bob");
        alice.await("^-- bob joined$");
        long killed = System.nanoTime();
        two.process().destroyForcibly(); // SIGKILL: no goodbye on the bus
        alice.await("^-- bob left \\(server \\S+:" + two.port() + " unreachable\\)$", Duration.ofSeconds(15));
        long seconds = Duration.ofNanos(System.nanoTime() - killed).toSeconds();
        assertTrue(seconds <= 5, "announced after " + seconds + " s; three heartbeats are 3 s");
        one.awaitLine("bus: nothing from \\S+ for three heartbeats: its 1 member\\(s\\) have left");

        assertEquals("-- you are now bob", nickOnceFree(alice, "bob"), "the dead server's names are swept by the survivors");
    }

    /**
     * Asks for {@code name} every half second until {@code member} gets it (the sweep freed it) or
     * 30 s have passed; returns the last answer.
     */
    private static String nickOnceFree(LineMember member, String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String answer;
        do {
            Thread.sleep(500);
            member.send("/nick " + name);
            answer = member.await("^-- (you are now " + name + "|the name " + name + " is taken)");
        } while (!answer.equals("-- you are now " + name) && System.nanoTime() < deadline);
        return answer;
    }

    @Test
    void aServerCutOffFromTheBusClaimsItsNamesAgainAndYieldsOneTakenMeanwhile() throws Exception {
        try (CutProxy link = CutProxy.to(nats.port())) {
            FramekitProcess one = framekit.startWithJvmOptions(List.of("-Xmx64m"), "chat-server", "--host", "127.0.0.1",
                    "--port", "0", "--framing", "delimiter", "--no-announce", "--bus", "nats://127.0.0.1:" + link.port()).awaitReady();
            FramekitProcess two = chatServer();
            LineMember bob = join(two, "bob");
            LineMember alice = join(one, "alice");
            join(one, "carol");
            bob.await("^-- alice joined$");
            bob.await("^-- carol joined$");

            link.cut(); // server one alone is cut off from the bus
            one.awaitLine("bus: lost the connection to the NATS server");
            bob.await("^-- alice left \\(server \\S+ unreachable\\)$", Duration.ofSeconds(15));
            assertEquals("-- you are now alice", nickOnceFree(bob, "alice"), "the name of a member of a server cut off is freed");

            int healed = bob.received.size();
            link.heal();
            one.awaitLine("bus: reconnected to");
            alice.await("^-- the name alice was taken on another server while this one was cut off$");
            String guest = alice.await("^-- you are now guest\\d+-\\w{4}$").substring("-- you are now ".length());
            assertEquals(List.of("-- you are now alice", "-- you are now " + guest), alice.received.stream()
                    .filter(line -> line.startsWith("-- you are now")).toList(), "named when she joined, then once after the notice");
            bob.await("^-- " + guest + " joined$"); // the rename of a member it counted gone is a join
            bob.await("^-- carol joined$"); // said only once server one has claimed its names again
            LineMember dan = join(two, "dan");
            dan.send("/nick carol"); // carol's claim, freed by the sweep, is server one's again
            dan.await("^-- the name carol is taken on another server");
            dan.send("/who");
            String who = dan.await("^-- in the room \\(4\\): ");
            assertTrue(who.matches("-- in the room \\(4\\): (alice, dan|dan, alice) \\(here, \\S+:" + two.port() + "\\); "
                    + "(carol, " + guest + "|" + guest + ", carol) \\(\\S+:" + one.port() + "\\)"), who);
            List<String> after = bob.received.subList(healed, bob.received.size());
            assertTrue(after.stream().noneMatch(line -> line.startsWith("-- alice")), "no second alice: " + after);
        }
    }

    @Test
    void aFloodOfOversizedMessagesOnTheBusLeavesA64MiBServerStanding() throws Exception {
        FramekitProcess one = chatServer();
        FramekitProcess two = chatServer();
        LineMember alice = join(one, "alice");
        LineMember bob = join(two, "bob");
        alice.await("^-- bob joined$");
        byte[] big = new byte[1_000_000];
        java.util.Arrays.fill(big, (byte) 'x');
        publishRaw("framekit.chat.lobby", big, 300);
        one.awaitLine("bus: dropped a malformed message on framekit.chat.lobby: 1000000 bytes, over the 262144");
        bob.send("still here");
        alice.await("^<bob> still here$");
        assertTrue(one.isAlive(), one.transcript());
        long lines = one.stdoutLines().stream().filter(line -> line.contains("bus: dropped")).count();
        assertTrue(lines < 30, lines + " log lines for 300 messages: at most one a second\n" + one.transcript());
    }

    @Test
    void aServerStoppedCleanlySaysGoodbyeAndFreesItsNames() throws Exception {
        FramekitProcess one = chatServer();
        FramekitProcess two = chatServer();
        LineMember alice = join(one, "alice");
        join(two, "bob");
        alice.await("^-- bob joined$");
        two.terminate();
        alice.await("^-- bob left \\(server \\S+:" + two.port() + " shut down\\)$", Duration.ofSeconds(5));
        alice.send("/nick bob");
        alice.await("^-- you are now bob$");
    }

    @Test
    void theServersReconnectWhenTheNatsServerRestartsAndRefuseLinesMeanwhile() throws Exception {
        FramekitProcess one = chatServer();
        FramekitProcess two = chatServer();
        LineMember alice = join(one, "alice");
        LineMember bob = join(two, "bob");
        alice.await("^-- bob joined$");
        alice.send("before");
        bob.await("^<alice> before$");

        nats.close();
        one.awaitLine("bus: lost the connection to the NATS server; reconnecting");
        alice.send("while the bus is down");
        alice.await("^-- not sent: the bus to the other servers is down");
        alice.send("/nick alicia");
        alice.await("^-- names cannot be claimed while the bus to the other servers is down");
        nats = nats.restart();
        one.awaitLine("^\\S+ bus: reconnected to nats://127.0.0.1:" + nats.port() + "$");
        two.awaitLine("bus: reconnected to");

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int attempt = 0;
        boolean through = false;
        while (!through && System.nanoTime() < deadline) { // refused until the other server is heard again
            String line = "after " + ++attempt;
            int refusals = refusals(alice);
            alice.send(line);
            long wait = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (!(through = bob.received.contains("<alice> " + line)) && refusals(alice) == refusals
                    && System.nanoTime() < wait) {
                Thread.sleep(20);
            }
        }
        assertTrue(through, "no line went through within 20 s of the reconnect: " + alice.received);
        bob.send("ping");
        alice.await("^<bob> ping$");
        assertFalse(bob.received.stream().anyMatch(line -> line.contains("while the bus is down")), bob.received.toString());
        assertEquals(1, one.stdoutLines().stream().filter(line -> line.contains("bus: reconnected")).count(), one.transcript());
        assertEquals(1, one.stdoutLines().stream().filter(line -> line.contains("bus: lost the connection")).count(),
                "one line said it was lost, however many attempts it took:\n" + one.transcript());
    }

    @Test
    void twoServersRacingForOneNameGiveItToOne() throws Exception {
        FramekitProcess one = chatServer();
        FramekitProcess two = chatServer();
        LineMember x = join(one, "x");
        LineMember y = join(two, "y");
        for (int round = 0; round < 10; round++) {
            String name = "racer" + round;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> racers = new ArrayList<>();
            for (LineMember racer : List.of(x, y)) {
                racers.add(Thread.ofVirtual().start(() -> {
                    try {
                        start.await();
                        racer.send("/nick " + name);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            start.countDown();
            for (Thread racer : racers) {
                racer.join();
            }
            String forX = x.await("^-- (you are now " + name + "|the name " + name + " is taken)");
            String forY = y.await("^-- (you are now " + name + "|the name " + name + " is taken)");
            assertNotEquals(forX.startsWith("-- you are now"), forY.startsWith("-- you are now"),
                    "round " + round + ": exactly one wins: " + forX + " / " + forY);
        }
    }

    @Test
    void credentialsGoInTheUrlAndNeverIntoTheOutput() throws Exception {
        nats.close();
        nats = LoopbackServer.start(dir, "nats-auth", port -> List.of("/usr/sbin/nats-server", "-js", "-sd",
                dir.resolve("jetstream-auth").toString(), "-a", "127.0.0.1", "-p", Integer.toString(port),
                "--user", "chat", "--pass", "s3cret"));
        String url = "nats://chat:s3cret@127.0.0.1:" + nats.port();
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter", "--no-announce", "--bus", url);
        assertTrue(server.stdoutLines().contains("  on the bus nats://chat:***@127.0.0.1:" + nats.port()
                + " as room lobby (server id " + server.stdoutLines().get(0).replaceAll(".*server id (\\w+)\\)$", "$1") + ")"),
                server.transcript());

        Framekit.Result wrong = framekit.run(Duration.ofSeconds(30), null, "chat-server", "--host", "127.0.0.1", "--port", "0",
                "--no-announce", "--bus", "nats://chat:wrong@127.0.0.1:" + nats.port());
        assertEquals(1, wrong.exitCode(), wrong.transcript());
        assertEquals(1, wrong.stderr().size(), wrong.transcript());
        assertTrue(wrong.stderrText().startsWith("chat-server: --bus: cannot join the bus at nats://chat:***@127.0.0.1:"),
                wrong.transcript());
        assertFalse((wrong.stdoutText() + wrong.stderrText()).contains("wrong"), wrong.transcript());
    }

    @Test
    void severalUrlsAreOneBusAndAServerJoinsThroughOneThatAnswers() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        FramekitProcess one = chatServer("--bus", "nats://127.0.0.1:" + closed);
        assertTrue(one.stdoutLines().get(0).startsWith("  on the bus " + bus() + ",nats://127.0.0.1:" + closed + " as room lobby"),
                one.transcript());
        FramekitProcess two = chatServer();
        LineMember alice = join(one, "alice");
        join(two, "bob");
        alice.await("^-- bob joined$");
    }

    @Test
    void aBusNobodyListensOnIsOneLineAndExitStatusOne() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        Framekit.Result result = framekit.run(Duration.ofSeconds(30), null, "chat-server", "--host", "127.0.0.1", "--port",
                "0", "--no-announce", "--bus", "nats://127.0.0.1:" + closed);
        assertEquals(1, result.exitCode(), result.transcript());
        assertEquals(List.of(), result.stdout().stream().filter(line -> line.contains("listening")).toList());
        assertEquals(1, result.stderr().size(), result.transcript());
        assertTrue(result.stderrText().startsWith("chat-server: --bus: cannot join the bus at nats://127.0.0.1:" + closed),
                result.transcript());
    }

    /** Publishes {@code payload} on {@code subject} in the NATS protocol, by hand, as any client on the bus could. */
    private void publishRaw(String subject, byte[] payload) throws Exception {
        publishRaw(subject, payload, 1);
    }

    /** Publishes {@code payload} {@code times} times, then waits for the NATS server to have taken them. */
    private void publishRaw(String subject, byte[] payload, int times) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", nats.port())) {
            OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            out.write("CONNECT {\"verbose\":false}\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < times; i++) {
                out.write(("PUB " + subject + " " + payload.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(payload);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[4096];
            String got = "";
            while (!got.contains("PONG")) { // the server has taken the PUB
                int n = socket.getInputStream().read(reply);
                assertTrue(n > 0, "nats-server closed: " + got);
                got += new String(reply, 0, n, StandardCharsets.US_ASCII);
            }
        }
    }

    private static int refusals(LineMember member) {
        return (int) member.received.stream().filter(line -> line.startsWith("-- not sent")).count();
    }

    private static List<Integer> numbers(List<String> lines) {
        List<Integer> numbers = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                numbers.add(Integer.parseInt(matcher.group(1)));
            }
        }
        return numbers;
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }
}
