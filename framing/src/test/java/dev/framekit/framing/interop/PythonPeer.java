package dev.framekit.framing.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Python peer script from this package's test resources, run with Debian's {@code /usr/bin/python3}
 * (the {@code python3} first on {@code PATH} may be another interpreter without Debian's modules).
 * Its standard output is read line by line as it comes.
 */
final class PythonPeer implements AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";

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

    /** Skips the test, saying what to install, unless {@code /usr/bin/python3} can import {@code module}. */
    static void assumeModule(String module, String debianPackage) {
        boolean available = false;
        if (Files.isExecutable(Path.of(PYTHON))) {
            try {
                Process check = new ProcessBuilder(PYTHON, "-c", "import " + module).redirectErrorStream(true).start();
                available = check.waitFor(20, TimeUnit.SECONDS) && check.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                available = false;
            }
        }
        Assumptions.assumeTrue(available, PYTHON + " cannot import " + module + ": install the Debian package "
                + debianPackage + " (apt-get install -y " + debianPackage + ") to run this interop test");
    }

    /** Starts {@code script} (a resource next to this class) with the arguments. */
    static PythonPeer start(String script, Object... arguments) throws IOException {
        Path path;
        try {
            path = Path.of(PythonPeer.class.getResource(script).toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, "-u", path.toString()));
        for (Object argument : arguments) {
            command.add(String.valueOf(argument));
        }
        Path stderr = Files.createTempFile("python-peer", ".err");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new PythonPeer(process, stderr);
    }

    /** Waits for the next line of output. */
    String nextLine() throws Exception {
        String line = lines.poll(30, TimeUnit.SECONDS);
        if (line == null || line.equals(END)) {
            fail("the python peer printed nothing more" + (line == null ? " in 30 s" : "") + "; stderr: " + stderr());
        }
        all.add(line);
        return line;
    }

    /** Waits for the {@code PORT n} line a server prints when it listens. */
    int port() throws Exception {
        String line = nextLine();
        if (!line.startsWith("PORT ")) {
            fail("expected PORT n, got " + line + "; stderr: " + stderr());
        }
        return Integer.parseInt(line.substring("PORT ".length()).trim());
    }

    /** Waits for the process to exit successfully and returns the rest of its output. */
    List<String> finish() throws Exception {
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

    /** What a peer prints for a message {@code pattern(size, seed)}: {@code got SIZE SHA256}. */
    static String got(int size, int seed) {
        return "got " + size + " " + Patterns.sha256(Patterns.bytes(size, seed));
    }
}
