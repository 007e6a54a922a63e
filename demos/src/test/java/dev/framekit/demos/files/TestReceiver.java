package dev.framekit.demos.files;

import dev.framekit.demos.options.ClientOptions;
import dev.framekit.framing.FramedConnection;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.concurrent.CountDownLatch;

/**
 * The receiving end of a transfer, driven by a test: it takes the first chunk, then stops reading
 * until {@link #resume()} (the server's relay then waits on it, and TCP on the sender), then takes
 * the rest, checks the SHA-256, and says the file is saved.
 */
final class TestReceiver {
    private final FramedConnection connection;
    private final CountDownLatch resumed = new CountDownLatch(1);
    private final CountDownLatch firstChunk = new CountDownLatch(1);

    private TestReceiver(FramedConnection connection) {
        this.connection = connection;
    }

    static TestReceiver open(int port, String key) throws IOException {
        ClientOptions client = new ClientOptions();
        client.reach("127.0.0.1", port);
        return new TestReceiver(FileClient.open(client, key, false));
    }

    /** Lets it read on. */
    void resume() {
        resumed.countDown();
    }

    /** Waits until the first chunk has come. */
    void awaitFirstChunk() throws InterruptedException {
        firstChunk.await();
    }

    /** Receives the whole file (pausing after its first chunk) and returns its SHA-256, which matched the sender's. */
    byte[] receive() throws IOException, InterruptedException {
        MessageDigest sha256 = FileClient.sha256();
        try (connection) {
            while (true) {
                ByteBuf frame = connection.reader().readFrame();
                if (frame == null) {
                    throw new IOException("ended before the file did");
                }
                try {
                    switch (Chunk.decode(frame)) {
                        case Chunk.Data data -> {
                            for (ByteBuffer piece : data.bytes().nioBuffers()) {
                                sha256.update(piece);
                            }
                            if (firstChunk.getCount() > 0) {
                                firstChunk.countDown();
                                resumed.await();
                            }
                        }
                        case Chunk.End end -> {
                            byte[] digest = sha256.digest();
                            if (!MessageDigest.isEqual(digest, end.sha256())) {
                                throw new IOException("SHA-256 mismatch");
                            }
                            Relay.send(connection, new Chunk.Done());
                            return digest;
                        }
                        case Chunk.Abort abort -> throw new IOException(abort.reason());
                        default -> throw new IOException("unexpected " + frame);
                    }
                } finally {
                    frame.release();
                }
            }
        }
    }
}
