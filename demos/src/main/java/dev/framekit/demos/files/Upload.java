package dev.framekit.demos.files;

import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.demos.options.ClientOptions;
import dev.framekit.framing.FramedConnection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Sends one accepted file: its offered size in {@link Chunk.Data} chunks, then {@link Chunk.End}
 * with the SHA-256 of what was sent, and waits for the receiver's verdict. A write blocks while the
 * receiver is behind, so a file is read from disk no faster than it is taken.
 */
final class Upload implements Runnable {
    /** How long a transfer's reads wait (the server relays at the receiver's pace). */
    static final Duration READ_WAIT = Duration.ofMinutes(2);

    private final ClientOptions client;
    private final FileLines.Send accepted;
    private final Path path;
    private final long size;
    private final Consumer<String> print;

    Upload(ClientOptions client, FileLines.Send accepted, Path path, long size, Consumer<String> print) {
        this.client = client;
        this.accepted = accepted;
        this.path = path;
        this.size = size;
        this.print = print;
    }

    @Override
    public void run() {
        String what = "file " + accepted.ref() + " to " + accepted.to();
        try {
            send();
            print.accept("-- " + what + " sent: " + path.getFileName() + " (" + Progress.size(size)
                    + "), saved and SHA-256 checked by " + accepted.to() + "'s client");
        } catch (IOException e) {
            print.accept("-- " + what + " not sent: " + reason(e));
        }
    }

    private void send() throws IOException {
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ);
                FramedConnection connection = FileClient.open(client, accepted.key(), true)) {
            MessageDigest sha256 = FileClient.sha256();
            Progress progress = new Progress(print, "file " + accepted.ref(), size);
            byte[] buffer = new byte[Chunk.DATA_SIZE];
            long sent = 0;
            try {
                while (sent < size) {
                    int n = in.read(ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, size - sent)));
                    if (n < 0) {
                        Relay.send(connection, new Chunk.Abort("the file got shorter while it was sent"));
                        throw new IOException("the file got shorter while it was sent");
                    }
                    sha256.update(buffer, 0, n);
                    ByteBuf frame = new Chunk.Data(Unpooled.wrappedBuffer(buffer, 0, n)).encode();
                    try {
                        connection.writer().write(frame);
                    } finally {
                        frame.release();
                    }
                    sent += n;
                    progress.at(sent);
                }
                Relay.send(connection, new Chunk.End(sha256.digest()));
            } catch (IOException e) {
                throw FileClient.abortIn(connection, e); // the server's reason, if it said one
            }
            connection.readTimeout(Relay.STALL.plusSeconds(10));
            Chunk verdict = FileClient.read(connection);
            if (verdict instanceof Chunk.Abort abort) {
                throw new IOException(abort.reason());
            } else if (!(verdict instanceof Chunk.Done)) {
                throw new Chunk.BadChunkException("the server sent something else than the receiver's verdict");
            }
        }
    }

    static String reason(IOException e) {
        return e.getClass() == IOException.class || e instanceof Chunk.BadChunkException ? e.getMessage()
                : NetworkErrors.describe(e);
    }
}
