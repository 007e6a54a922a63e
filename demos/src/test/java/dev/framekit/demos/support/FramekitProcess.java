package dev.framekit.demos.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One running {@code framekit} process, started by {@link Framekit}: collects its stdout and
 * stderr line by line (UTF-8) as they arrive, waits for lines matching a pattern, writes lines
 * to its stdin, and stops it (SIGTERM, then SIGKILL after 5 s).
 *
 * <p>Signals are sent through {@link ProcessHandle}, never {@link Process#destroy()}: that one
 * also closes the pipes of the process's output at once, so whatever it prints while it shuts
 * down (a server's last line) would never be read.
 *
 * <p>Every wait is bounded; a failed wait is an {@link AssertionError} that shows everything
 * the process printed so far, so a failing test says what the process was doing.
 */
public final class FramekitProcess implements AutoCloseable {
    /** The ready line of every server: {@code <command> listening on HOST:PORT (framing: ...)}. */
    public static final Pattern READY = Pattern.compile("^(\\S+) listening on (.+):(\\d+) \\(framing: (.*)\\)$");

    /** How long a wait lasts unless told otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(15);

    private final List<String> command;
    private final Process process;
    /**
     * The JVM's warning that the class-data archive the harness asks for cannot be used (now and
     * then the JDK's base archive fails to map, and the JVM says so even under -Xlog:disable): about
     * the harness's own option, not the program's output, so it is left out of the lines read.
     */
    private static final Pattern CDS_WARNING = Pattern.compile("^OpenJDK 64-Bit Server VM warning: .*(CDS|SharedArchive)");

    private final Writer stdin;
    private final Output stdout;
    private final Output stderr;
    private int stdoutCursor;
    private int stderrCursor;
    private int port = -1;
    private String readyLine;

    FramekitProcess(List<String> command, Process process) {
        this.command = List.copyOf(command);
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stdout = new Output(process.getInputStream(), "stdout");
        this.stderr = new Output(process.getErrorStream(), "stderr");
    }

    // ---- servers ---------------------------------------------------------------------------

    /**
     * Waits for the server's ready line and remembers its port.
     *
     * @return this process
     */
    public FramekitProcess awaitReady() {
        Matcher ready = READY.matcher(awaitLine(READY, DEFAULT_WAIT));
        if (!ready.matches()) {
            throw new AssertionError("unreachable");
        }
        readyLine = ready.group(0);
        port = Integer.parseInt(ready.group(3));
        return this;
    }

    /** The port from the ready line; {@link #awaitReady()} first. */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("no ready line seen yet; call awaitReady() first\n" + transcript());
        }
        return port;
    }

    /** The ready line itself, e.g. {@code echo-server listening on 127.0.0.1:41234 (framing: ...)}. */
    public String readyLine() {
        port();
        return readyLine;
    }

    // ---- output ----------------------------------------------------------------------------

    /**
     * Waits for the next stdout line (after those earlier awaits consumed) that contains a match
     * of {@code regex}, and returns it. Lines skipped over stay in {@link #stdoutLines()}.
     */
    public String awaitLine(String regex) {
        return awaitLine(Pattern.compile(regex), DEFAULT_WAIT);
    }

    /** Like {@link #awaitLine(String)}, with a pattern and a time limit. */
    public String awaitLine(Pattern pattern, Duration timeout) {
        Found found = stdout.await(pattern, stdoutCursor, timeout);
        stdoutCursor = found.index + 1;
        return found.line;
    }

    /**
     * Waits for a stdout line matching {@code pattern} anywhere since the process started, and
     * returns it; the cursor of {@link #awaitLine} stays where it is. For a line another thread of
     * the server logs, so that it may come before or after the line just awaited.
     */
    public String awaitLineSinceStart(Pattern pattern, Duration timeout) {
        return stdout.await(pattern, 0, timeout).line;
    }

    /** Waits for the next stderr line containing a match of {@code regex}, and returns it. */
    public String awaitStderrLine(String regex) {
        return awaitStderrLine(Pattern.compile(regex), DEFAULT_WAIT);
    }

    /** Like {@link #awaitStderrLine(String)}, with a pattern and a time limit. */
    public String awaitStderrLine(Pattern pattern, Duration timeout) {
        Found found = stderr.await(pattern, stderrCursor, timeout);
        stderrCursor = found.index + 1;
        return found.line;
    }

    /** Every stdout line so far. */
    public List<String> stdoutLines() {
        return stdout.snapshot();
    }

    /** Every stderr line so far. */
    public List<String> stderrLines() {
        return stderr.snapshot();
    }

    /** Everything printed so far, for failure messages. */
    public String transcript() {
        return "$ " + String.join(" ", command) + "\n--- stdout ---\n" + String.join("\n", stdout.snapshot())
                + "\n--- stderr ---\n" + String.join("\n", stderr.snapshot()) + "\n---";
    }

    // ---- input -----------------------------------------------------------------------------

    /** Writes {@code line} and a newline to the process's stdin, and flushes. */
    public FramekitProcess send(String line) {
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new AssertionError("cannot write to stdin: " + e + "\n" + transcript(), e);
        }
        return this;
    }

    /** Closes stdin: end of input for the process. */
    public FramekitProcess closeStdin() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // The process has gone; its exit status tells the test more.
        }
        return this;
    }

    // ---- life ------------------------------------------------------------------------------

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The operating-system process, for what this class does not cover. */
    public Process process() {
        return process;
    }

    /**
     * Waits for the process to exit and for its output to be read to the end.
     *
     * @return the exit status
     * @throws AssertionError if it is still running after {@code timeout} (it is then killed)
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after " + timeout.toMillis() + " ms; killed it\n"
                        + transcript());
            }
            stdout.awaitEnd(Duration.ofSeconds(5));
            stderr.awaitEnd(Duration.ofSeconds(5));
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Sends SIGTERM, as {@code kill} or a service manager does: shutdown hooks run. What the
     * process prints until it exits is still read; {@link #awaitExit} then has all of it.
     */
    public FramekitProcess terminate() {
        process.toHandle().destroy();
        return this;
    }

    /** Sends SIGINT, as Ctrl-C in its terminal does; what it prints until it exits is still read. */
    public FramekitProcess interrupt() {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -INT " + process.pid() + " failed\n" + transcript());
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run kill: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return this;
    }

    /** Stops the process: SIGTERM (so shutdown hooks run, their output still read), then SIGKILL after 5 s. */
    @Override
    public void close() {
        closeStdin();
        if (!process.isAlive()) {
            return;
        }
        terminate();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }

    private record Found(int index, String line) {}

    /** One output stream, read into lines by a daemon thread as it arrives. */
    private final class Output {
        private final String name;
        private final List<String> lines = new ArrayList<>();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private boolean ended;

        Output(InputStream in, String name) {
            this.name = name;
            Thread reader = new Thread(() -> pump(in), "framekit-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        private void pump(InputStream in) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!CDS_WARNING.matcher(line).find()) {
                        add(line);
                    }
                }
            } catch (IOException ignored) {
                // The process was killed; what was read is kept.
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

        private void add(String line) {
            lock.lock();
            try {
                lines.add(line);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        List<String> snapshot() {
            lock.lock();
            try {
                return List.copyOf(lines);
            } finally {
                lock.unlock();
            }
        }

        Found await(Pattern pattern, int from, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            lock.lock();
            try {
                int next = from;
                while (true) {
                    for (; next < lines.size(); next++) {
                        if (pattern.matcher(lines.get(next)).find()) {
                            return new Found(next, lines.get(next));
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (ended || left <= 0) {
                        break;
                    }
                    changed.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
            String why = stdoutEndedOrExited();
            throw new AssertionError("no " + name + " line matching /" + pattern + "/ within " + timeout.toMillis()
                    + " ms" + why + "\n" + transcript());
        }

        void awaitEnd(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            lock.lock();
            try {
                while (!ended) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    changed.awaitNanos(left);
                }
            } finally {
                lock.unlock();
            }
        }

        private String stdoutEndedOrExited() {
            return process.isAlive() ? "" : " (the process exited with status " + process.exitValue() + ")";
        }
    }
}
