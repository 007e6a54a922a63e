package dev.framekit.demos.chat;

import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.PeerMemory;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.MessageRefusedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A member on a persistent connection (fixed, delimiter or length framing). Lines for it wait
 * in a queue bounded in bytes ({@code --max-queue}), which takes memory only for the lines in
 * it, and they count against the server's memory budget; its own virtual thread writes them, a
 * batch per flush, so a slow reader slows only itself.
 */
final class StreamMember extends Member {
    private static final String END = new String("end of stream");

    private final FramedConnection connection;
    private final ConnectionStats stats;
    private final WireLog wire;
    private final LineQueue outbound;
    private Thread writer;

    /** @param maxQueueBytes the most bytes of unsent lines; past it the member is too far behind */
    StreamMember(FramedConnection connection, long maxQueueBytes, String peer, ConnectionStats stats, WireLog wire) {
        super(peer);
        this.wire = wire;
        this.connection = connection;
        this.stats = stats;
        this.outbound = new LineQueue(maxQueueBytes, PeerMemory.of(connection));
    }

    /** Starts the thread that writes queued lines to the connection. */
    void start() {
        writer = Thread.ofVirtual().name("chat-writer-" + peer()).start(this::writeLoop);
    }

    @Override
    boolean deliver(String line) {
        return outbound.offer(line); // false: too far behind, or shed to keep the memory budget
    }

    @Override
    void finish() {
        outbound.mark(END);
    }

    @Override
    void disconnect() {
        outbound.clear();
        closeQuietly();
    }

    /**
     * Sends {@code reply} as it is, unframed (it is already in the peer's own protocol), then
     * ends the connection; for a peer refused before it joined, to which nothing was queued.
     */
    void disconnectAfter(byte[] reply) {
        outbound.clear();
        try {
            connection.socket().getOutputStream().write(reply);
            connection.socket().getOutputStream().flush();
            connection.socket().shutdownOutput();
            PeerCheck.drain(connection.socket());
        } catch (IOException e) {
            // The peer is gone already; nothing more to tell it.
        }
        closeQuietly();
    }

    /** Waits until everything queued before {@link #finish()} has been written. */
    void awaitWriter() throws InterruptedException {
        if (writer != null) {
            writer.join();
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                String line = outbound.take();
                while (line != null) {
                    if (line == END) {
                        connection.flush();
                        connection.shutdownOutput();
                        return;
                    }
                    write(line);
                    line = outbound.poll();
                }
                connection.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The reader side notices the broken connection and leaves the room.
            closeQuietly();
        }
    }

    /**
     * Writes one line. A line the framing refuses as too long (a small fixed frame) is sent as
     * several lines that each keep its head ({@link FrameSplitter}); a piece the framing still
     * cannot carry (say, ending in the pad byte) is left out.
     */
    private void write(String line) throws IOException {
        try {
            connection.write(line);
            stats.sent(line);
            wire.show("sent to " + name(), line);
        } catch (MessageRefusedException tooLong) {
            for (String piece : FrameSplitter.split(line, connection.writer().framer().maxFrameLength())) {
                try {
                    connection.write(piece);
                    stats.sent(piece);
                } catch (MessageRefusedException stillRefused) {
                    // Left out; the rest of the line still goes.
                }
            }
        }
    }

    /**
     * Splits {@code line} into pieces of at most {@code maxBytes} UTF-8 bytes, never inside a
     * character, and after the last space of a piece where it has one, so that words stay whole.
     */
    static List<String> pieces(String line, int maxBytes) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        int lastSpace = -1;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes && i > start) {
                int cut = lastSpace > start ? lastSpace + 1 : i;
                pieces.add(line.substring(start, cut));
                bytes = line.substring(cut, i).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                start = cut;
                lastSpace = -1;
            }
            if (codePoint == ' ') {
                lastSpace = i;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        pieces.add(line.substring(start));
        return pieces;
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (IOException ignored) {
            // Already closing.
        }
    }
}
