package dev.framekit.demos.files;

import dev.framekit.demos.chat.client.FileCommands;
import dev.framekit.demos.chat.room.ChatCommand;
import dev.framekit.demos.chat.room.PeerCheck;
import dev.framekit.demos.options.ClientOptions;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * chat-client's side of files. {@code /send NAME PATH} checks the file and posts
 * {@code /file-offer}; {@code /accept} and {@code /decline} answer the latest offer heard
 * ({@code /file-accept ID}, {@code /file-decline ID}). The server's {@link FileLines} start an
 * {@link Upload} or a {@link Download} on a thread and a connection of their own, and are shown
 * in words; the keys in them are never printed.
 */
final class FileClient implements FileCommands {
    private final ClientOptions client;
    private final Path downloads;
    private final long maxFile;
    private final Consumer<String> print;
    private final AtomicLong refs = new AtomicLong();
    private final Map<Long, Path> mine = new ConcurrentHashMap<>();
    private final Map<Long, Long> sizes = new ConcurrentHashMap<>();
    private final Map<Long, FileLines.Offered> offered = new LinkedHashMap<>();

    /**
     * @param client where the server is (and TLS): transfers connect there too
     * @param downloads where received files are saved
     * @param maxFile the largest file sent or received (chat-client --max-file)
     * @param print prints one line for the user
     */
    public FileClient(ClientOptions client, Path downloads, long maxFile, Consumer<String> print) {
        this.client = client;
        this.downloads = downloads;
        this.maxFile = maxFile;
        this.print = print;
    }

    @Override
    public String typed(String line) {
        if (!(ChatCommand.parse(line) instanceof ChatCommand.File file)) {
            return line;
        }
        return switch (file.command()) {
            case "/send" -> offer(rawRest(line)); // the path as typed, control characters and all
            case "/accept" -> answer(true);
            case "/decline" -> answer(false);
            default -> line;
        };
    }

    @Override
    public String heard(String line) {
        switch (FileLines.parse(line)) {
            case FileLines.Offered offer -> {
                remember(offer);
                return "-- " + offer.from() + " offers you " + offer.fileName() + " (" + Progress.size(offer.size()) + ")"
                        + (offer.size() > maxFile ? ", over your --max-file of " + Progress.size(maxFile) + ": /decline it"
                        : ": /accept to take it, /decline to refuse it");
            }
            case FileLines.Fetch fetch -> {
                FileLines.Offered offer = forget(fetch.id());
                if (offer == null) {
                    return null;
                }
                start(new Download(client, offer, fetch.key(), downloads, print));
                return "-- file " + offer.id() + ": receiving " + offer.fileName() + " from " + offer.from() + " into "
                        + downloads;
            }
            case FileLines.Send send -> {
                Path path = mine.remove(send.ref());
                Long size = sizes.remove(send.ref());
                if (path == null || size == null) {
                    return null;
                }
                start(new Upload(client, send, path, size, print));
                return "-- file " + send.ref() + ": " + send.to() + " accepted; sending " + path.getFileName();
            }
            case FileLines.Withdrawn withdrawn -> forget(withdrawn.id());
            case FileLines.Cancelled cancelled -> drop(cancelled.ref());
            case FileLines.NotOffered notOffered -> drop(notOffered.ref());
            case FileLines.Waiting waiting -> { }
            case null -> { }
        }
        return line;
    }

    /**
     * {@code /send NAME PATH}: the {@code /file-offer} line to post (with the file's own name: the
     * receiver's client makes it safe, {@link SafeNames}), or null (told why).
     */
    private String offer(String rest) {
        int space = rest.indexOf(' ');
        if (space < 0 || rest.substring(space + 1).isBlank()) {
            print.accept("-- usage: /send NAME PATH");
            return null;
        }
        String name = rest.substring(0, space);
        String given = rest.substring(space + 1).strip();
        Path path = Path.of(given.startsWith("~/") ? System.getProperty("user.home") + given.substring(1) : given);
        long size;
        try {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                print.accept("-- not sent: " + given + " is not a file you can read");
                return null;
            }
            size = Files.size(path);
        } catch (IOException | SecurityException e) {
            print.accept("-- not sent: " + given + " cannot be read (" + e.getMessage() + ")");
            return null;
        }
        if (size > maxFile) {
            print.accept("-- not sent: " + given + " is " + Progress.size(size) + ", over your --max-file of "
                    + Progress.size(maxFile));
            return null;
        }
        long ref = refs.incrementAndGet();
        mine.put(ref, path.toAbsolutePath());
        sizes.put(ref, size);
        return "/file-offer " + ref + " " + name + " " + size + " " + path.getFileName(); // the receiver makes it safe
    }

    /** What follows the command word in the line as typed (a trailing {@code \r} dropped). */
    private static String rawRest(String line) {
        String raw = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        int space = raw.indexOf(' ');
        return space < 0 ? "" : raw.substring(space + 1).stripLeading();
    }

    /** {@code /accept} or {@code /decline}: the line to post for the latest offer, or null (told why). */
    private String answer(boolean accept) {
        FileLines.Offered latest;
        synchronized (offered) {
            latest = offered.values().stream().reduce((first, second) -> second).orElse(null);
        }
        if (latest == null) {
            print.accept("-- no file is offered to you");
            return null;
        } else if (accept && latest.size() > maxFile) {
            print.accept("-- not accepted: file " + latest.id() + " is " + Progress.size(latest.size())
                    + ", over your --max-file of " + Progress.size(maxFile) + "; /decline it");
            return null;
        }
        if (!accept) {
            forget(latest.id());
        }
        return (accept ? "/file-accept " : "/file-decline ") + latest.id();
    }

    private void remember(FileLines.Offered offer) {
        synchronized (offered) {
            offered.put(offer.id(), offer);
        }
    }

    private FileLines.Offered forget(long id) {
        synchronized (offered) {
            return offered.remove(id);
        }
    }

    private void drop(long ref) {
        mine.remove(ref);
        sizes.remove(ref);
    }

    private static void start(Runnable transfer) {
        Thread.ofVirtual().name("file-transfer").start(transfer);
    }

    /** Opens a transfer connection: the preamble, then the hello with {@code key}. */
    static FramedConnection open(ClientOptions client, String key, boolean sender) throws IOException {
        FramedConnection connection = client.connector(Chunk.FRAMER).connect();
        try {
            connection.writer().framer(Framers.exactly(PeerCheck.TRANSFER_PREAMBLE.length));
            connection.writer().write(PeerCheck.TRANSFER_PREAMBLE);
            connection.writer().framer(Chunk.FRAMER);
            Relay.send(connection, new Chunk.Hello(sender, key));
            return connection;
        } catch (IOException e) {
            connection.close();
            throw e;
        }
    }

    /** The next chunk that is not data (a verdict, an abort). */
    static Chunk read(FramedConnection connection) throws IOException {
        ByteBuf frame = connection.reader().readFrame();
        if (frame == null) {
            throw new IOException("the server closed the transfer's connection");
        }
        try {
            Chunk chunk = Chunk.decode(frame);
            return chunk instanceof Chunk.Data ? new Chunk.Abort("the server sent data to the sender") : chunk;
        } finally {
            frame.release();
        }
    }

    /** After a failed write: the server's reason ({@link Chunk.Abort}) if it sent one in time, else {@code e}. */
    static IOException abortIn(FramedConnection connection, IOException e) {
        try {
            connection.readTimeout(Duration.ofSeconds(2));
            if (read(connection) instanceof Chunk.Abort abort) {
                return new IOException(abort.reason());
            }
        } catch (SocketTimeoutException timeout) {
            return e;
        } catch (IOException other) {
            return e;
        }
        return e;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
