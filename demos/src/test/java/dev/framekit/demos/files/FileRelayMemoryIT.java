package dev.framekit.demos.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.options.ClientOptions;
import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.HeapUse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat server in a 64 MiB heap relays several multi-MiB files at once, each held up by its
 * receiver: it holds a chunk and two connections' buffers per transfer, never a file, so its heap
 * stays far below what the files weigh, nothing is shed, and every file arrives identical.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FileRelayMemoryIT {
    private static final int TRANSFERS = 6;
    private static final int SIZE = 8 << 20;
    /** Each end on a thread of its own: the common pool may have one thread, and an end waits. */
    private static final java.util.concurrent.Executor VIRTUAL = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    @RegisterExtension
    final Framekit framekit = new Framekit();
    @TempDir
    Path folder;

    @Test
    void sixEightMebibyteFilesAtOnceStayInsideA64MebibyteHeap() throws Exception {
        FramekitProcess server = framekit.startWithJvmOptions(List.of("-Xmx64m"), "chat-server", "--host", "127.0.0.1",
                "--port", "0", "--no-announce", "--framing", "delimiter").awaitReady();
        long baseKib = HeapUse.afterGcKib(server);
        ClientOptions client = new ClientOptions();
        client.reach("127.0.0.1", server.port());
        List<RoomMember> members = new ArrayList<>();
        List<TestReceiver> receivers = new ArrayList<>();
        List<CompletableFuture<byte[]>> received = new ArrayList<>();
        List<CompletableFuture<String>> sent = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < TRANSFERS; i++) {
                byte[] bytes = new byte[SIZE];
                new Random(i).nextBytes(bytes);
                Path file = Files.write(folder.resolve("file" + i), bytes);
                files.add(file);
                RoomMember sender = RoomMember.join(server.port(), "sender" + i);
                RoomMember receiver = RoomMember.join(server.port(), "receiver" + i);
                members.add(sender);
                members.add(receiver);
                sender.say("/file-offer 1 receiver" + i + " " + SIZE + " file" + i);
                receiver.say("/file-accept " + receiver.await(FileLines.Offered.class).id());
                TestReceiver end = TestReceiver.open(server.port(), receiver.await(FileLines.Fetch.class).key());
                receivers.add(end);
                received.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return end.receive();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }, VIRTUAL));
                FileLines.Send send = sender.await(FileLines.Send.class);
                List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
                sent.add(CompletableFuture.supplyAsync(() -> {
                    new Upload(client, send, file, SIZE, printed::add).run();
                    return printed.getLast();
                }, VIRTUAL));
            }
            for (TestReceiver end : receivers) {
                end.awaitFirstChunk();
            }
            Thread.sleep(1000); // the senders fill what TCP and the relay hold, and wait
            long heldKib = HeapUse.afterGcKib(server) - baseKib;
            System.out.printf("chat-server -Xmx64m relaying %d files of %d MiB, held up by their receivers: heap after GC"
                    + " %,d KiB over idle%n", TRANSFERS, SIZE >> 20, heldKib);
            assertTrue(heldKib < 8 * 1024, "the relay holds chunks, not files: " + heldKib + " KiB\n"
                    + HeapUse.histogram(server, 20));

            receivers.forEach(TestReceiver::resume);
            for (int i = 0; i < TRANSFERS; i++) {
                assertArrayEquals(FileClient.sha256().digest(Files.readAllBytes(files.get(i))),
                        received.get(i).get(120, TimeUnit.SECONDS));
                String outcome = sent.get(i).get(60, TimeUnit.SECONDS);
                assertTrue(outcome.contains("saved and SHA-256 checked"), outcome);
            }
        } finally {
            for (RoomMember member : members) {
                member.close();
            }
        }
        assertTrue(server.isAlive(), server.transcript());
        String output = String.join("\n", server.stdoutLines()) + "\n" + String.join("\n", server.stderrLines());
        for (String trouble : List.of("OutOfMemoryError", "short of memory", "over its memory budget", "internal error",
                "\tat ", "Exception in thread")) {
            assertTrue(!output.contains(trouble), "'" + trouble + "' in the server's output:\n" + server.transcript());
        }
        try (RoomMember late = RoomMember.join(server.port(), "late")) {
            late.say("/who");
            late.await(line -> line.startsWith("-- in the room"));
        }
    }
}
