package dev.framekit.demos.console;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the demos print: whole lines, never interleaved mid-line between threads, flushed at
 * once. A lock, not {@code synchronized}, so virtual threads are never pinned while printing.
 */
public final class Console {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream out;
    private final ReentrantLock lock = new ReentrantLock();

    /** A console printing to {@code out}. */
    public Console(PrintStream out) {
        this.out = out;
    }

    /** Prints one line as it is. */
    public void line(String text) {
        lock.lock();
        try {
            out.println(text);
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /** Prints one line prefixed with the wall-clock time, for logs. */
    public void log(String text) {
        line(LocalTime.now().truncatedTo(ChronoUnit.MILLIS).format(TIME) + " " + text);
    }
}
