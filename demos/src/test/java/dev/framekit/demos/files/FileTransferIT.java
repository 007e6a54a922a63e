package dev.framekit.demos.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.options.ClientOptions;
import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /send}, {@code /accept}, {@code /decline} with the real jar, real sockets and real files. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FileTransferIT {
    private static final Pattern SAVED = Pattern.compile("^-- file \\d+ from alice saved as (.+) \\(");
    /** Each end on a thread of its own: the common pool may have one thread, and an end waits. */
    private static final java.util.concurrent.Executor VIRTUAL = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    @RegisterExtension
    final Framekit framekit = new Framekit();
    @TempDir
    Path folder;

    static Stream<List<String>> framings() {
        return Stream.of(List.of("--framing", "delimiter"), List.of("--framing", "length"), List.of("--framing", "close"),
                List.of("--framing", "fixed", "--frame-size", "256"), List.of("--framing", "delimiter", "--delimiter", "#*#"),
                List.of("--framing", "cobs"), List.of("--framing", "netstring"));
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(folder.resolve(name), bytes);
    }

    private FramekitProcess server(List<String> framing, String... more) {
        List<String> args = new ArrayList<>(framing);
        args.add("--no-announce");
        args.addAll(List.of(more));
        return framekit.startServer("chat-server", args.toArray(String[]::new));
    }

    private FramekitProcess client(FramekitProcess server, List<String> framing, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("chat-client", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--name", name, "--downloads", folder.resolve(name + "-downloads").toString()));
        args.addAll(framing);
        args.addAll(List.of(more));
        FramekitProcess client = framekit.start(args.toArray(String[]::new));
        client.awaitLine("^-- you are now " + name + "$");
        return client;
    }

    /** alice sends {@code file} to bob, bob accepts; returns where bob's client saved it. */
    private static Path sendAndAccept(FramekitProcess alice, FramekitProcess bob, Path file) {
        alice.send("/send bob " + file);
        bob.awaitLine("^-- alice offers you " + Pattern.quote(file.getFileName().toString()) + " \\(.*\\): /accept to take it");
        bob.send("/accept");
        Matcher saved = SAVED.matcher(bob.awaitLine(SAVED.pattern()));
        assertTrue(saved.find());
        alice.awaitLine("^-- file 1 to bob sent: .*, saved and SHA-256 checked by bob's client$");
        return Path.of(saved.group(1));
    }

    /** Waits until some stdout line, wherever it is, ends with {@code end}. */
    private static void awaitAnyLine(FramekitProcess process, String end) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (process.stdoutLines().stream().noneMatch(line -> line.endsWith(end))) {
            assertTrue(System.nanoTime() < deadline, "no line ending with '" + end + "'\n" + process.transcript());
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static byte[] sha256(Path file) throws IOException {
        return FileClient.sha256().digest(Files.readAllBytes(file));
    }

    @ParameterizedTest
    @MethodSource("framings")
    void aThreeMebibyteFileArrivesIdenticalOnEveryFraming(List<String> framing) throws IOException {
        FramekitProcess server = server(framing);
        FramekitProcess bob = client(server, framing, "bob");
        FramekitProcess alice = client(server, framing, "alice");
        Path file = randomFile("holiday photos.tar", 3 << 20);

        Path saved = sendAndAccept(alice, bob, file);
        assertEquals(folder.resolve("bob-downloads/holiday photos.tar"), saved, bob.transcript());
        assertArrayEquals(sha256(file), sha256(saved));
        assertTrue(bob.stdoutLines().contains("-- file 1: 1.5 MiB of 3.0 MiB (50%)"), bob.transcript()); // progress
        server.awaitLine("file 1 alice -> bob \\(3145728 bytes\\) relayed, saved and checked");
        // Each connection's log line counts the chunks: 48 of 64 KiB and the end, each with its type byte.
        server.awaitLine(" 49 messages in \\(3145809 bytes\\), 0 out \\(0 bytes\\); ended cleanly$");
        awaitAnyLine(server, " 0 messages in (0 bytes), 49 out (3145809 bytes); ended cleanly");

        // The same name again gets a new one.
        alice.send("/send bob " + file);
        bob.awaitLine("^-- alice offers you holiday photos.tar");
        bob.send("/accept");
        bob.awaitLine("^-- file 2 from alice saved as " + Pattern.quote(folder.resolve("bob-downloads/holiday photos (1).tar")
                .toString()) + " ");
    }

    @Test
    void aFileTravelsOverTls() throws IOException {
        List<String> framing = List.of("--framing", "length");
        FramekitProcess server = server(framing, "--tls", "--tls-keystore", folder.resolve("tls.p12").toString());
        String prefix = "  its SHA-256 fingerprint: ";
        String fingerprint = server.stdoutLines().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow().substring(prefix.length());
        FramekitProcess bob = client(server, framing, "bob", "--tls-fingerprint", fingerprint);
        FramekitProcess alice = client(server, framing, "alice", "--tls-fingerprint", fingerprint);
        Path file = randomFile("secret.bin", 3 << 20);
        assertArrayEquals(sha256(file), sha256(sendAndAccept(alice, bob, file)));
    }

    @Test
    void theRoomTalksWhileATransferWaitsForItsReceiver() throws Exception {
        List<String> framing = List.of("--framing", "delimiter");
        FramekitProcess server = server(framing);
        try (RoomMember bob = RoomMember.join(server.port(), "bob");
                RoomMember carol = RoomMember.join(server.port(), "carol");
                RoomMember dave = RoomMember.join(server.port(), "dave")) {
            FramekitProcess alice = client(server, framing, "alice");
            Path file = randomFile("big.bin", 3 << 20);
            alice.send("/send bob " + file);
            FileLines.Offered offer = bob.await(FileLines.Offered.class);
            assertEquals(3 << 20, offer.size());
            bob.say("/file-accept " + offer.id());
            TestReceiver receiver = TestReceiver.open(server.port(), bob.await(FileLines.Fetch.class).key());
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try {
                    return receiver.receive();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, VIRTUAL);
            receiver.awaitFirstChunk(); // the transfer waits on its receiver from now on

            for (int i = 0; i < 20; i++) {
                carol.say("line " + i);
                dave.await(("<carol> line " + i)::equals);
            }
            alice.send("still here while my file waits");
            carol.await("<alice> still here while my file waits"::equals);
            assertFalse(received.isDone(), "the file was still on its way while the room talked");
            assertTrue(alice.stdoutLines().stream().noneMatch(l -> l.contains(" sent: ")), alice.transcript());

            receiver.resume();
            assertArrayEquals(sha256(file), received.get(60, TimeUnit.SECONDS));
            alice.awaitLine("^-- file 1 to bob sent: big.bin \\(3.0 MiB\\), saved and SHA-256 checked by bob's client$");
        }
    }

    @Test
    void aDeclinedOfferIsWithdrawnAndNothingIsSaved() throws IOException {
        List<String> framing = List.of("--framing", "delimiter");
        FramekitProcess server = server(framing);
        FramekitProcess bob = client(server, framing, "bob");
        FramekitProcess alice = client(server, framing, "alice");
        alice.send("/send bob " + randomFile("a.txt", 1000));
        bob.awaitLine("^-- alice offers you a.txt \\(1000 bytes\\): /accept to take it, /decline to refuse it$");
        bob.send("/decline");
        bob.awaitLine("^-- declined file 1 from alice: a.txt$");
        alice.awaitLine("^-- file 1 to bob is withdrawn: bob declined it$");
        bob.send("/accept");
        bob.awaitLine("^-- no file is offered to you$");
        assertFalse(Files.exists(folder.resolve("bob-downloads")));

        try (RoomMember nc = RoomMember.join(server.port(), "carol")) {
            nc.say("/send alice /etc/hostname");
            assertEquals(FileDesk.NEEDS_CLIENT, nc.await(line -> line.startsWith("-- files need")));
            alice.send("/send carol " + randomFile("b.txt", 10));
            String offer = nc.await(line -> line.startsWith("-- file "));
            assertTrue(offer.endsWith("in chat-client, /accept takes it, /decline refuses it"), offer);
            nc.say("/accept");
            assertEquals(FileDesk.NEEDS_CLIENT, nc.await(line -> line.startsWith("-- files need")));
        }
    }

    @Test
    void aFileOverEitherLimitIsRefused() throws IOException {
        List<String> framing = List.of("--framing", "length");
        FramekitProcess server = server(framing, "--max-file", "1m");
        FramekitProcess bob = client(server, framing, "bob", "--max-file", "100k");
        FramekitProcess alice = client(server, framing, "alice", "--max-file", "4m");
        alice.send("/send bob " + randomFile("two.bin", 2 << 20));
        alice.awaitLine("^-- file 1 not offered: it is 2097152 bytes, over this server's limit of 1048576"
                + " \\(chat-server --max-file\\)$");
        alice.send("/send bob " + randomFile("five.bin", 5 << 20));
        alice.awaitLine("^-- not sent: .*five.bin is 5.0 MiB, over your --max-file of 4.0 MiB$");
        alice.send("/send bob " + randomFile("half.bin", 512 << 10));
        bob.awaitLine("^-- alice offers you half.bin \\(512.0 KiB\\), over your --max-file of 100.0 KiB: /decline it$");
        bob.send("/accept");
        bob.awaitLine("^-- not accepted: file 1 is 512.0 KiB, over your --max-file of 100.0 KiB; /decline it$");
        assertFalse(Files.exists(folder.resolve("bob-downloads")));
    }

    @Test
    void aHostileNameFromARawSenderIsSavedInsideTheDownloadsFolder() throws Exception {
        List<String> framing = List.of("--framing", "delimiter");
        FramekitProcess server = server(framing);
        FramekitProcess bob = client(server, framing, "bob");
        Path file = randomFile("payload", 200_000);
        try (RoomMember mallory = RoomMember.join(server.port(), "mallory")) {
            mallory.say("/file-offer 1 bob 200000 ../../../etc/passwd");
            bob.awaitLine("^-- mallory offers you ../../../etc/passwd");
            bob.send("/accept");
            FileLines.Send send = mallory.await(FileLines.Send.class);
            ClientOptions client = new ClientOptions();
            client.reach("127.0.0.1", server.port());
            List<String> printed = new ArrayList<>();
            new Upload(client, send, file, 200_000, printed::add).run();
            assertTrue(printed.getLast().contains("saved and SHA-256 checked by bob's client"), printed.toString());
        }
        Path saved = folder.resolve("bob-downloads/etc_passwd");
        bob.awaitLine("^-- file 1 from mallory saved as " + Pattern.quote(saved.toString()) + " ");
        assertArrayEquals(sha256(file), sha256(saved));
        try (Stream<Path> all = Files.list(folder.resolve("bob-downloads"))) {
            assertEquals(List.of(saved), all.toList(), "nothing else, no part file left");
        }
    }

    @Test
    void aSenderThatSendsMoreOrLessThanItOfferedIsStoppedAndNothingIsSaved() throws Exception {
        List<String> framing = List.of("--framing", "delimiter");
        FramekitProcess server = server(framing);
        FramekitProcess bob = client(server, framing, "bob");
        Path file = randomFile("more", 300_000);
        try (RoomMember mallory = RoomMember.join(server.port(), "mallory")) {
            mallory.say("/file-offer 1 bob 100000 small.bin");
            bob.awaitLine("^-- mallory offers you small.bin");
            bob.send("/accept");
            FileLines.Send send = mallory.await(FileLines.Send.class);
            ClientOptions client = new ClientOptions();
            client.reach("127.0.0.1", server.port());
            List<String> printed = new ArrayList<>();
            new Upload(client, send, file, 300_000, printed::add).run();
            assertTrue(printed.getLast().contains("not sent: the sender sent more than the 100000 bytes offered"),
                    printed.toString());
        }
        bob.awaitLine("^-- file 1 from mallory not saved: the sender sent more than the 100000 bytes offered$");

        try (RoomMember mallory = RoomMember.join(server.port(), "mallory2")) { // and less than it offered
            mallory.say("/file-offer 1 bob 300001 large.bin");
            bob.awaitLine("^-- mallory2 offers you large.bin");
            bob.send("/accept");
            FileLines.Send send = mallory.await(FileLines.Send.class);
            ClientOptions client = new ClientOptions();
            client.reach("127.0.0.1", server.port());
            List<String> printed = new ArrayList<>();
            new Upload(client, send, file, 300_000, printed::add).run();
            assertTrue(printed.getLast().contains("not sent: the sender sent 300000 bytes, not the 300001 offered"),
                    printed.toString());
        }
        bob.awaitLine("^-- file 2 from mallory2 not saved: the sender sent 300000 bytes, not the 300001 offered$");
        try (Stream<Path> all = Files.list(folder.resolve("bob-downloads"))) {
            assertEquals(List.of(), all.toList(), "no part file left");
        }
    }
}
