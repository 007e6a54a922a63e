package dev.framekit.demos.files;

import dev.framekit.demos.options.ClientOptions;
import dev.framekit.framing.FramedConnection;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Receives one accepted file into a hidden {@code .part} file in the downloads folder, counting it
 * against the offered size and hashing it as it comes; at the end, if the size and the SHA-256
 * match, it takes a {@linkplain SafeNames#claim safe free name} there and tells the sender's
 * client it is saved; otherwise nothing is kept.
 */
final class Download implements Runnable {
    private final ClientOptions client;
    private final FileLines.Offered offer;
    private final String key;
    private final Path folder;
    private final Consumer<String> print;

    Download(ClientOptions client, FileLines.Offered offer, String key, Path folder, Consumer<String> print) {
        this.client = client;
        this.offer = offer;
        this.key = key;
        this.folder = folder;
        this.print = print;
    }

    @Override
    public void run() {
        String what = "file " + offer.id() + " from " + offer.from();
        try {
            Saved saved = receive();
            print.accept("-- " + what + " saved as " + saved.path() + " (" + Progress.size(offer.size()) + ", SHA-256 "
                    + saved.sha256().substring(0, 16) + "... checked)");
        } catch (IOException e) {
            print.accept("-- " + what + " not saved: " + Upload.reason(e));
        }
    }

    /** Where the file was saved, and its SHA-256 in hex. */
    record Saved(Path path, String sha256) {}

    Saved receive() throws IOException {
        Files.createDirectories(folder);
        // Hidden until checked; created as any new file is (not owner-only as a temporary file would be).
        Path part = Files.createFile(folder.resolve(".framekit-" + HexFormat.of().formatHex(
                FileClient.sha256().digest(key.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0, 8) + ".part"));
        try (FramedConnection connection = FileClient.open(client, key, false)) {
            connection.readTimeout(Upload.READ_WAIT);
            byte[] digest;
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
                digest = receiveInto(connection, out);
            }
            Path target = SafeNames.claim(folder, offer.fileName());
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Relay.send(connection, new Chunk.Done());
            return new Saved(target, HexFormat.of().formatHex(digest));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Writes the file's chunks to {@code out} until its end; returns its SHA-256, checked. */
    private byte[] receiveInto(FramedConnection connection, FileChannel out) throws IOException {
        MessageDigest sha256 = FileClient.sha256();
        Progress progress = new Progress(print, "file " + offer.id(), offer.size());
        long got = 0;
        while (true) {
            ByteBuf frame = connection.reader().readFrame();
            if (frame == null) {
                throw new IOException("the connection ended before the file did");
            }
            try {
                Chunk chunk = Chunk.decode(frame);
                switch (chunk) {
                    case Chunk.Data data -> {
                        got += data.bytes().readableBytes();
                        if (got > offer.size()) {
                            throw refuse(connection, "more than the " + offer.size() + " bytes offered came");
                        }
                        for (ByteBuffer piece : data.bytes().nioBuffers()) {
                            sha256.update(piece.duplicate());
                            while (piece.hasRemaining()) {
                                out.write(piece);
                            }
                        }
                        progress.at(got);
                    }
                    case Chunk.End end -> {
                        byte[] digest = sha256.digest();
                        if (got != offer.size()) {
                            throw refuse(connection, got + " bytes came, not the " + offer.size() + " offered");
                        } else if (!MessageDigest.isEqual(digest, end.sha256())) {
                            throw refuse(connection, "its SHA-256 did not match: it was damaged on the way");
                        }
                        return digest;
                    }
                    case Chunk.Abort abort -> throw new IOException(abort.reason());
                    default -> throw refuse(connection, "the server sent something else than the file");
                }
            } finally {
                frame.release();
            }
        }
    }

    /** Tells the server (and through it the sender) why the file is refused; the exception to throw. */
    private static IOException refuse(FramedConnection connection, String reason) {
        try {
            Relay.send(connection, new Chunk.Abort(reason));
        } catch (IOException e) {
            // Gone already; the reason is still ours to print.
        }
        return new IOException(reason);
    }
}
