package dev.framekit.demos.files;

import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.framing.FramedConnection;
import java.util.concurrent.CompletableFuture;

/**
 * One accepted offer on its way, on the server: where the two ends of its transfer meet. The
 * receiver's connection arrives ({@link #receiver}), the sender's ({@link #senderCame}); the
 * sender's thread relays and hands back the receiver's verdict, which the receiver's thread reads
 * ({@link #verdict}); {@link #done} once the relay is over.
 */
final class Transfer {
    final long id;
    final String from;
    final String to;
    final long size;
    final CompletableFuture<End> receiver = new CompletableFuture<>();
    final CompletableFuture<Void> senderCame = new CompletableFuture<>();
    final CompletableFuture<Chunk> verdict = new CompletableFuture<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();

    /** One end's connection, and what its log line counts. */
    record End(FramedConnection connection, ConnectionStats stats) {}

    Transfer(long id, String from, String to, long size) {
        this.id = id;
        this.from = from;
        this.to = to;
        this.size = size;
    }

    /** How the log names it. */
    @Override
    public String toString() {
        return "file " + id + " " + from + " -> " + to + " (" + size + " bytes)";
    }
}
