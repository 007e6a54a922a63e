package dev.framekit.demos.chat;

import dev.framekit.demos.support.Framekit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The real jar run in a pseudo-terminal, typed at as a person types: {@code pty_run.py} on the
 * system's {@code /usr/bin/python3} gives it a terminal of its own (its controlling terminal, so
 * Ctrl-C sends SIGINT), sends it keystrokes and hands back every byte it draws. Waits are
 * bounded; a failed one shows what was drawn, escape sequences removed.
 */
final class PtyProcess implements AutoCloseable {
    private static final String PYTHON = "/usr/bin/python3";

    /** CSI and OSC sequences and the few two-byte escapes a line editor draws with. */
    private static final Pattern ESCAPE =
            Pattern.compile("\u001b\\[[0-9;?<=>]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*(\u0007|\u001b\\\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78]");

    private final List<String> command;
    private final Process process;
    private final OutputStream keys;
    private final ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean ended;

    private PtyProcess(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        this.keys = process.getOutputStream();
        Thread reader = new Thread(() -> pump(process.getInputStream()), "pty-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar framekit.jar ARGS...} in a new pseudo-terminal. */
    static PtyProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON, script().toString()));
        command.addAll(Framekit.commandLine(List.of(), args));
        return new PtyProcess(command, new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    private static Path script() {
        try {
            return Path.of(PtyProcess.class.getResource("pty_run.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Types {@code text} on the keyboard: "\r" is Enter, "\u0004" Ctrl-D, "\u0003" Ctrl-C. */
    PtyProcess type(String text) {
        try {
            keys.write((HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            keys.flush();
        } catch (IOException e) {
            throw new AssertionError("cannot type: " + e + "\n" + screen(), e);
        }
        return this;
    }

    /** Types {@code text} one key at a time, as a person does. */
    PtyProcess typeSlowly(String text) throws InterruptedException {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            type(Character.toString(codePoint));
            i += Character.charCount(codePoint);
            Thread.sleep(5);
        }
        return this;
    }

    /** How many bytes have been drawn so far: a mark to {@link #awaitDrawn(int, String)} from. */
    int mark() {
        lock.lock();
        try {
            return drawn.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the text drawn after {@code mark}, escape sequences removed, contains
     * {@code text}; returns that text.
     */
    String awaitDrawn(int mark, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        lock.lock();
        try {
            while (true) {
                String since = visible(rawSince(mark));
                if (since.contains(text)) {
                    return since;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new AssertionError("not drawn within 20 s" + (ended ? " (the terminal closed)" : "") + ": "
                            + text + "\n" + screen());
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    /** Everything drawn, as the bytes came (escape sequences and all). */
    String raw() {
        return rawSince(0);
    }

    private String rawSince(int mark) {
        lock.lock();
        try {
            byte[] all = drawn.toByteArray();
            return new String(all, mark, all.length - mark, StandardCharsets.UTF_8);
        } finally {
            lock.unlock();
        }
    }

    /** Everything drawn, escape sequences removed: what the tests read, and what a failure shows. */
    String screen() {
        return "$ " + String.join(" ", command) + "\n--- terminal ---\n" + visible(raw()) + "\n---";
    }

    /**
     * What {@code raw} leaves on a screen, line by line, as a terminal draws it: a carriage
     * return goes back to the start of the line, {@code ESC [K} erases from the cursor to its
     * end, a character overwrites the one under the cursor, a bell is not drawn; other escape
     * sequences (colours, modes) are dropped. Enough for what a line editor draws on one line.
     */
    static String visible(String raw) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int column = 0;
        java.util.regex.Matcher escape = ESCAPE.matcher(raw);
        for (int i = 0; i < raw.length(); ) {
            char c = raw.charAt(i);
            if (c == '\u001b' && escape.find(i) && escape.start() == i) {
                if (escape.group().equals("\u001b[K")) {
                    line.setLength(column);
                }
                i = escape.end();
                continue;
            }
            i++;
            switch (c) {
                case '\r' -> column = 0;
                case '\n' -> {
                    lines.add(line.toString());
                    line.setLength(0);
                    column = 0;
                }
                case '\u0007' -> { }
                default -> {
                    if (column < line.length()) {
                        line.setCharAt(column, c);
                    } else {
                        line.append(c);
                    }
                    column++;
                }
            }
        }
        lines.add(line.toString());
        return String.join("\n", lines);
    }

    /**
     * Waits for the program to exit and its terminal to close.
     *
     * @return its exit status
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError("still running after " + timeout.toMillis() + " ms; killed it\n" + screen());
        }
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!ended && deadline - System.nanoTime() > 0) {
                changed.awaitNanos(deadline - System.nanoTime());
            }
        } finally {
            lock.unlock();
        }
        return process.exitValue();
    }

    private void pump(InputStream in) {
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = in.read(chunk)) > 0) {
                lock.lock();
                try {
                    drawn.write(chunk, 0, n);
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException ignored) {
            // Killed; what was drawn is kept.
        } finally {
            lock.lock();
            try {
                ended = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Kills the program and its terminal if they are still running. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
