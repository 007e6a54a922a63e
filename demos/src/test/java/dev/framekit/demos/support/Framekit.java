package dev.framekit.demos.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the real {@code framekit.jar} for integration tests, on the JVM that runs the tests. It is
 * a JUnit extension: register it on a field and it stops what it started, so no test writes its
 * own tear-down. A process started by a test (or its {@code @BeforeEach}) is stopped after that
 * test; one started in {@code @BeforeAll} (on a static field), and any process of a {@code PER_CLASS}
 * test, after the class. When a test fails, the transcript of every process it started (command
 * line, stdout, stderr) goes to standard output, into the test's report.
 *
 * <pre>{@code
 * @RegisterExtension
 * final Framekit framekit = new Framekit();
 *
 * @Test
 * void echoesAMessage() {
 *     FramekitProcess server = framekit.startServer("echo-server", "--framing", "delimiter");
 *     Framekit.Result result = framekit.run("echo-client", "--port", server.port() + "", "--framing", "delimiter", "hi");
 *     assertEquals(List.of("hi"), result.stdout());
 * }
 * }</pre>
 *
 * The jar comes from the system property {@code framekit.jar} (failsafe sets it), else
 * {@code target/framekit.jar} or {@code demos/target/framekit.jar}.
 */
public final class Framekit implements AutoCloseable, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    /** How long {@link #run} lets a command take unless told otherwise. */
    public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofSeconds(20);

    private final List<FramekitProcess> started = new CopyOnWriteArrayList<>();
    /** What was running when the current test began: the class's processes, left for {@link #afterAll}. */
    private final Set<FramekitProcess> beforeTheTest = ConcurrentHashMap.newKeySet();

    /** What a command that ran to completion printed, and its exit status. */
    public record Result(int exitCode, List<String> stdout, List<String> stderr, String transcript) {
        /** The stderr lines joined, for contains-style checks. */
        public String stderrText() {
            return String.join("\n", stderr);
        }

        /** The stdout lines joined. */
        public String stdoutText() {
            return String.join("\n", stdout);
        }
    }

    /** The jar under test. */
    public static Path jar() {
        String property = System.getProperty("framekit.jar");
        List<Path> candidates = new ArrayList<>();
        if (property != null) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("target", "framekit.jar"));
        candidates.add(Path.of("demos", "target", "framekit.jar"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("framekit.jar not found (looked at " + candidates
                + "); build it with ./mvnw -pl framing,demos package, or run the tests with ./mvnw verify");
    }

    /** The {@code java} executable of the JVM running the tests. */
    public static String java() {
        return ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("cannot tell which java runs the tests"));
    }

    /**
     * Starts {@code java -jar framekit.jar ARGS...} and returns at once; stdout and stderr are
     * collected as they arrive. The process is stopped by {@link #close()}.
     */
    public FramekitProcess start(String... args) {
        return startPrefixed(List.of(), args);
    }

    /**
     * Starts {@code PREFIX... java -jar framekit.jar ARGS...}, e.g. with the prefix
     * {@code ip netns exec NAME} to run it in another network namespace; otherwise like
     * {@link #start(String...)}.
     */
    public FramekitProcess startPrefixed(List<String> prefix, String... args) {
        return launch(prefix, List.of(), args);
    }

    /**
     * Starts {@code java JVM-OPTIONS... -jar framekit.jar ARGS...}, e.g. with {@code -Xmx64m} to
     * run a server in a small heap; otherwise like {@link #start(String...)}.
     */
    public FramekitProcess startWithJvmOptions(List<String> jvmOptions, String... args) {
        return launch(List.of(), jvmOptions, args);
    }

    /**
     * The command line that runs {@code java JVM-OPTIONS... -jar framekit.jar ARGS...}, for a
     * test that starts it its own way (under a pseudo-terminal, say).
     */
    public static List<String> commandLine(List<String> jvmOptions, String... args) {
        Path jar = jar();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                // A class-data archive beside the jar, made by the first run: halves each start-up.
                // -Xlog:disable keeps the JVM's notes about the archive out of the output the tests read.
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + jar.resolveSibling("framekit-it.jsa"),
                "-Xlog:disable",
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts the program {@code builder} describes, with its environment (a launcher script, the
     * self-contained image's {@code bin/framekit}) and returns at once; otherwise like
     * {@link #start(String...)}.
     */
    public FramekitProcess startProgram(ProcessBuilder builder) {
        try {
            FramekitProcess running = new FramekitProcess(builder.command(), builder.start());
            started.add(running);
            return running;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + builder.command(), e);
        }
    }

    private FramekitProcess launch(List<String> prefix, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(commandLine(jvmOptions, args));
        try {
            Process process = new ProcessBuilder(command).start();
            FramekitProcess running = new FramekitProcess(command, process);
            started.add(running);
            return running;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
    }

    /**
     * Starts a server on 127.0.0.1 and a free port ({@code --host 127.0.0.1 --port 0}), waits
     * for its ready line, and returns it; its {@link FramekitProcess#port()} is known.
     */
    public FramekitProcess startServer(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--host", "127.0.0.1", "--port", "0"));
        args.addAll(List.of(options));
        return start(args.toArray(String[]::new)).awaitReady();
    }

    /** Runs a command to completion with no standard input; see {@link #run(Duration, String, String...)}. */
    public Result run(String... args) {
        return run(DEFAULT_RUN_TIMEOUT, null, args);
    }

    /** Runs a command to completion, feeding it {@code stdin} (each line one line of input). */
    public Result runWithInput(String stdin, String... args) {
        return run(DEFAULT_RUN_TIMEOUT, stdin, args);
    }

    /**
     * Runs a command to completion: writes {@code stdin} (or nothing) and closes it, waits up to
     * {@code timeout}, and returns the exit status and output.
     *
     * @throws AssertionError if it has not ended within {@code timeout} (it is then killed)
     */
    public Result run(Duration timeout, String stdin, String... args) {
        FramekitProcess process = start(args);
        try {
            if (stdin != null) {
                try {
                    process.process().getOutputStream().write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // It exited before reading its input; the status says why.
                }
            }
            process.closeStdin();
            int status = process.awaitExit(timeout);
            return new Result(status, process.stdoutLines(), process.stderrLines(), process.transcript());
        } finally {
            process.close();
            started.remove(process);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        beforeTheTest.clear();
        beforeTheTest.addAll(started);
    }

    /**
     * Stops what the test started; first, if it failed, prints their transcripts for the report.
     * In a {@code PER_CLASS} test, whose tests may share servers they start lazily (and run
     * concurrently), every process lives until the class ends.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD) == TestInstance.Lifecycle.PER_CLASS) {
            return;
        }
        List<FramekitProcess> ofTheTest = started.stream().filter(process -> !beforeTheTest.contains(process)).toList();
        if (context.getExecutionException().isPresent()) {
            for (FramekitProcess process : ofTheTest) {
                process.close();
                System.out.println("---- " + context.getDisplayName() + " failed; what it ran printed:\n"
                        + process.transcript());
            }
        }
        ofTheTest.forEach(FramekitProcess::close);
        started.removeAll(ofTheTest);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Stops every process started here that is still running: destroy, then destroyForcibly. */
    @Override
    public void close() {
        for (FramekitProcess process : started) {
            process.close();
        }
        started.clear();
    }
}
