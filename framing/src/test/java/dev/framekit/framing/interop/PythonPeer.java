package dev.framekit.framing.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.framekit.framing.support.Capability;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Python peer script from this package's test resources, run with Debian's {@code /usr/bin/python3}
 * (the {@code python3} first on {@code PATH} may be another interpreter without Debian's modules).
 * Its standard output is read line by line as it comes. Public so that the demos' end-to-end
 * tests run the same peers against the real {@code framekit.jar} (through the framing test-jar).
 */
public final class PythonPeer implements AutoCloseable {
    /** Debian's interpreter, which has Debian's {@code python3-twisted}. */
    public static final String PYTHON = Capability.PYTHON;

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final Path stderr;

    private PythonPeer(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            lines.add(END);
        }, "python peer stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private static final String END = "\u0000end";


    /**
     * Starts {@code script}, a resource next to this class ({@code twisted_peer.py},
     * {@code zfill_peer.py}), with the arguments.
     *
     * @param script the script's file name
     * @param arguments its command-line arguments
     * @return the running peer
     * @throws IOException if it cannot start
     */
    public static PythonPeer start(String script, Object... arguments) throws IOException {
        // Copied out, since the script may be inside the framing test-jar.
        Path path = Files.createTempFile("framekit-peer-", "-" + script);
        path.toFile().deleteOnExit();
        try (var in = PythonPeer.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IOException("no test resource " + script + " next to " + PythonPeer.class.getName());
            }
            Files.copy(in, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, "-u", path.toString()));
        for (Object argument : arguments) {
            command.add(String.valueOf(argument));
        }
        Path stderr = Files.createTempFile("python-peer", ".err");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new PythonPeer(process, stderr);
    }

    /**
     * Waits for the next line of output (up to 30 s).
     *
     * @return the line
     * @throws Exception if the wait is interrupted
     */
    public String nextLine() throws Exception {
        String line = lines.poll(30, TimeUnit.SECONDS);
        if (line == null || line.equals(END)) {
            fail("the python peer printed nothing more" + (line == null ? " in 30 s" : "") + "; stderr: " + stderr());
        }
        all.add(line);
        return line;
    }

    /**
     * Waits for the {@code PORT n} line a server prints when it listens.
     *
     * @return the port
     * @throws Exception if the wait is interrupted
     */
    public int port() throws Exception {
        String line = nextLine();
        if (!line.startsWith("PORT ")) {
            fail("expected PORT n, got " + line + "; stderr: " + stderr());
        }
        return Integer.parseInt(line.substring("PORT ".length()).trim());
    }

    /**
     * Waits for the process to exit successfully and returns the rest of its output.
     *
     * @return the lines not yet read with {@link #nextLine()}
     * @throws Exception if the wait is interrupted
     */
    public List<String> finish() throws Exception {
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the python peer did not finish; stderr: " + stderr());
        }
        List<String> rest = new ArrayList<>();
        String line;
        while ((line = lines.poll(5, TimeUnit.SECONDS)) != null && !line.equals(END)) {
            rest.add(line);
        }
        assertEquals(0, process.exitValue(), "the python peer failed; stderr: " + stderr());
        return rest;
    }

    private String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        Files.deleteIfExists(stderr);
    }

    /**
     * What a peer prints for a message {@code pattern(size, seed)}.
     *
     * @param size the message's length
     * @param seed its seed
     * @return {@code got SIZE SHA256}
     */
    public static String got(int size, int seed) {
        return got(Patterns.bytes(size, seed));
    }

    /**
     * What a peer prints for {@code message}.
     *
     * @param message the bytes it received
     * @return {@code got SIZE SHA256}
     */
    public static String got(byte[] message) {
        return "got " + message.length + " " + Patterns.sha256(message);
    }
}
