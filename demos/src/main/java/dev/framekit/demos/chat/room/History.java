package dev.framekit.demos.chat.room;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The room's last lines, for a member who joins: at most {@code maxLines} lines and
 * {@code maxBytes} bytes of UTF-8, the oldest dropped first. Not thread-safe: the room holds its
 * lock.
 */
final class History {
    /** What marks a line sent from history, so nobody takes it for one said just now. */
    static final String MARK = "[history] ";

    /** The most bytes history keeps, whatever --history says: 64 KiB. */
    static final int MAX_BYTES = 64 * 1024;

    private final int maxLines;
    private final int maxBytes;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private int bytes;

    History(int maxLines, int maxBytes) {
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
    }

    /** Keeps {@code line}, dropping the oldest lines past either bound. */
    void add(String line) {
        if (maxLines == 0) {
            return;
        }
        int size = line.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            return;
        }
        lines.addLast(line);
        bytes += size;
        while (lines.size() > maxLines || bytes > maxBytes) {
            bytes -= lines.removeFirst().getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** The kept lines, oldest first, each marked with {@link #MARK}. */
    List<String> marked() {
        return lines.stream().map(line -> MARK + line).toList();
    }
}
