package dev.framekit.demos.files;

import dev.framekit.demos.chat.room.PeerCheck;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serves one transfer connection on the server: reads its preamble and {@link Chunk.Hello}, claims
 * the key, and pairs it with the other end. The sender's thread relays chunk by chunk, each
 * written to the receiver before the next is read: TCP paces the sender to the receiver, and a
 * transfer holds one chunk and the two connections' buffers, whatever the file's size. It counts
 * the bytes against the offered size; the SHA-256 is checked at the receiver, end to end.
 */
final class Relay {
    /** How long the sender may be silent between chunks, and the receiver may take to say the file is saved. */
    static final Duration STALL = Duration.ofSeconds(60);

    private final FileDesk desk;
    private final Console log;

    Relay(FileDesk desk, Console log) {
        this.desk = desk;
        this.log = log;
    }

    void serve(FramedConnection connection, ConnectionStats stats) throws IOException {
        connection.readTimeout(FileDesk.KEY_TTL); // the preamble and hello come at once
        connection.framer(Framers.exactly(PeerCheck.TRANSFER_PREAMBLE.length));
        byte[] preamble = connection.readByteArray();
        if (!Arrays.equals(preamble, PeerCheck.TRANSFER_PREAMBLE)) {
            throw new Chunk.BadChunkException("not a transfer's preamble");
        }
        connection.framer(Chunk.FRAMER);
        if (!(read(connection) instanceof Chunk.Hello hello)) {
            throw new Chunk.BadChunkException("a transfer that did not start with its hello");
        }
        FileDesk.Ticket ticket = desk.claim(hello.key(), hello.sender());
        if (ticket == null) {
            send(connection, new Chunk.Abort("this key is unknown, used or past its time; offer the file again"));
            return;
        }
        Transfer.End end = new Transfer.End(connection, stats);
        if (ticket.sender()) {
            sender(end, ticket.transfer());
        } else {
            receiver(end, ticket.transfer());
        }
    }

    /** The receiver's end: handed to the sender's thread; this thread reads the receiver's verdict. */
    private void receiver(Transfer.End end, Transfer transfer) throws IOException {
        FramedConnection connection = end.connection();
        transfer.receiver.complete(end);
        if (!arrived(transfer.senderCame)) {
            send(connection, new Chunk.Abort(transfer.from + "'s client did not connect within " + FileDesk.KEY_TTL.toSeconds() + " s"));
            return;
        }
        connection.readTimeout(Duration.ZERO); // the sender's thread bounds the wait
        try {
            Chunk verdict = read(connection);
            transfer.verdict.complete(verdict instanceof Chunk.Done || verdict instanceof Chunk.Abort ? verdict
                    : new Chunk.Abort(transfer.to + "'s client sent something else than a verdict"));
        } catch (IOException e) {
            transfer.verdict.complete(new Chunk.Abort(transfer.to + "'s connection ended: " + NetworkErrors.describe(e)));
        } finally {
            transfer.done.join();
        }
    }

    /** The sender's end: waits for the receiver, relays, hands back the verdict and logs the outcome. */
    private void sender(Transfer.End sender, Transfer transfer) throws IOException {
        FramedConnection up = sender.connection();
        Transfer.End down;
        try {
            down = transfer.receiver.get(FileDesk.KEY_TTL.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            send(up, new Chunk.Abort(transfer.to + "'s client did not connect within " + FileDesk.KEY_TTL.toSeconds() + " s"));
            return;
        }
        transfer.senderCame.complete(null);
        String outcome;
        try {
            up.readTimeout(STALL);
            Chunk verdict = relay(sender, down, transfer);
            send(up, verdict);
            outcome = verdict instanceof Chunk.Abort abort ? "stopped: " + abort.reason() : "relayed, saved and checked";
        } catch (IOException e) {
            Chunk.Abort abort = new Chunk.Abort(transfer.from + "'s connection ended: " + NetworkErrors.describe(e));
            sendQuietly(down.connection(), abort);
            sendQuietly(up, abort);
            outcome = "stopped: " + abort.reason();
        } finally {
            transfer.done.complete(null);
        }
        log.log(transfer + " " + outcome);
    }

    /** Relays until the end (then waits for the verdict) or an abort; returns what the sender is told. */
    private Chunk relay(Transfer.End up, Transfer.End receiver, Transfer transfer) throws IOException {
        FramedConnection down = receiver.connection();
        long relayed = 0;
        while (true) {
            ByteBuf frame = up.connection().reader().readFrame();
            if (frame == null) {
                throw new IOException("it ended before the file did");
            }
            try {
                up.stats().received(frame.readableBytes());
                Chunk chunk = Chunk.decode(frame);
                if (chunk instanceof Chunk.Data data) {
                    relayed += data.bytes().readableBytes();
                    if (relayed > transfer.size) {
                        return stop(down, "the sender sent more than the " + transfer.size + " bytes offered");
                    }
                } else if (chunk instanceof Chunk.End && relayed != transfer.size) {
                    return stop(down, "the sender sent " + relayed + " bytes, not the " + transfer.size + " offered");
                } else if (!(chunk instanceof Chunk.End) && !(chunk instanceof Chunk.Abort)) {
                    return stop(down, "the sender sent something else than the file");
                }
                if (!forward(down, frame)) {
                    return verdict(transfer, Duration.ofSeconds(2));
                }
                receiver.stats().sent(frame.readableBytes());
                if (chunk instanceof Chunk.Abort abort) {
                    return abort;
                } else if (chunk instanceof Chunk.End) {
                    return verdict(transfer, STALL);
                }
            } finally {
                frame.release();
            }
        }
    }

    /** Writes one chunk to the receiver now; false if its connection failed. */
    private static boolean forward(FramedConnection down, ByteBuf frame) {
        try {
            down.writer().write(frame);
            down.writer().flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Chunk stop(FramedConnection down, String reason) {
        Chunk.Abort abort = new Chunk.Abort(reason);
        sendQuietly(down, abort);
        return abort;
    }

    /** The receiver's verdict, waited for up to {@code wait}. */
    private static Chunk verdict(Transfer transfer, Duration wait) {
        try {
            return transfer.verdict.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            return new Chunk.Abort(transfer.to + "'s client did not say whether it saved the file");
        }
    }

    private static boolean arrived(java.util.concurrent.CompletableFuture<Void> future) {
        try {
            future.get(FileDesk.KEY_TTL.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            return false;
        }
    }

    private static Chunk read(FramedConnection connection) throws IOException {
        ByteBuf frame = connection.reader().readFrame();
        if (frame == null) {
            throw new IOException("the connection ended");
        }
        try {
            Chunk chunk = Chunk.decode(frame);
            if (chunk instanceof Chunk.Data) {
                throw new Chunk.BadChunkException("data where a hello or a verdict belongs");
            }
            return chunk;
        } finally {
            frame.release();
        }
    }

    static void send(FramedConnection connection, Chunk chunk) throws IOException {
        ByteBuf frame = chunk.encode();
        try {
            connection.writer().write(frame);
            connection.writer().flush();
        } finally {
            frame.release();
        }
    }

    private static void sendQuietly(FramedConnection connection, Chunk chunk) {
        try {
            send(connection, chunk);
        } catch (IOException e) {
            // Gone already.
        }
    }
}
