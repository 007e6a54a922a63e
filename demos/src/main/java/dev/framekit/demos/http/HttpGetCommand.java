package dev.framekit.demos.http;

import dev.framekit.demos.options.ByteSizes;
import dev.framekit.demos.options.Durations;
import dev.framekit.demos.options.Version;
import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.demos.console.WireDump;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code framekit http-get}: a small HTTP/1.1 client that reads every body framing. */
@Command(name = "http-get", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"GET each URL (POST with --data) and print the body; URLs on the same host and port share "
                + "one keep-alive connection.",
            "Bodies stream to the output as they arrive; status lines and headers (-i) are printed with control bytes "
                    + "as \\xHH.",
            "Exit 0 when every response came back, 1 on a network or protocol error or after --max-time, 22 with --fail "
                    + "on a status of 400 or more."})
public final class HttpGetCommand implements Callable<Integer> {
    /** The exit status with --fail when a response's status was 400 or more (as curl's). */
    static final int FAILED_STATUS = 22;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "http:// URLs to fetch, in order.")
    List<String> urls = new ArrayList<>();

    @Option(names = {"-i", "--include"}, description = "Print each response's status line and headers before its body.")
    boolean include;

    @Option(names = "--fail", description = "Exit " + FAILED_STATUS + " if a response's status is 400 or more.")
    boolean fail;

    @Option(names = "--data", paramLabel = "STRING|@FILE", description = "POST this body (@FILE: the file's bytes).")
    String data;

    @Option(names = "--chunked", description = "Send the --data body with chunked transfer coding.")
    boolean chunked;

    @Option(names = "--hexdump", description = "Show each phase on the wire (heads, body pieces, chunks) on stderr.")
    boolean hexdump;

    @Option(names = "--timeout", defaultValue = "10s", paramLabel = "DURATION", converter = Durations.class,
            description = "How long to wait to connect and for each read (default: 10s); 0 = no limit.")
    Duration timeout = Duration.ofSeconds(10);

    @Option(names = "--max-time", defaultValue = "0", paramLabel = "DURATION", converter = Durations.class,
            description = "Give up when everything (connecting, sending, every response and body) has not finished "
                    + "this long after the start; 0 = no limit (default: 0).")
    Duration maxTime = Duration.ZERO;

    @Option(names = "--max-body", defaultValue = "1g", paramLabel = "BYTES", converter = ByteSizes.LongConverter.class,
            description = "Largest response body taken; a longer one fails (bodies stream to the output as they "
                    + "arrive, so memory does not grow with them) (default: 1g).")
    long maxBody = 1L << 30;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<HttpUrl> parsed = new ArrayList<>();
        for (String url : urls) {
            try {
                parsed.add(HttpUrl.parse(url));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (chunked && data == null) {
            throw new ParameterException(spec.commandLine(), "--chunked needs --data");
        }
        byte[] body = body();
        String method = body == null ? "GET" : "POST";
        WireTap tap = hexdump ? (label, framer, payload) -> System.err.println(WireDump.of(label, framer, payload)) : WireTap.OFF;
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
        boolean failed = false;
        try (HttpClient client = new HttpClient(timeout, maxBody, tap, stdout).giveUpAfter(maxTime);
                Deadline deadline = new Deadline(maxTime, client)) {
            for (int i = 0; i < parsed.size(); i++) {
                try {
                    ResponseHead head = client.fetch(parsed.get(i), method, body, chunked, include);
                    failed |= head.status() >= 400;
                } catch (IOException e) {
                    flushQuietly(stdout);
                    System.err.println("http-get: " + urls.get(i) + ": " + (client.pastDeadline()
                            ? "gave up after --max-time " + Durations.format(maxTime) : NetworkErrors.describe(e)));
                    return 1;
                }
            }
        } catch (IOException e) {
            System.err.println("http-get: " + NetworkErrors.describe(e));
            return 1;
        }
        return fail && failed ? FAILED_STATUS : 0;
    }

    private static void flushQuietly(OutputStream out) {
        try {
            out.flush();
        } catch (IOException ignored) {
            // The output is gone too; the error line on stderr says what failed.
        }
    }

    /** Closes the client when {@code --max-time} has passed, ending whatever it is waiting for. */
    private static final class Deadline implements AutoCloseable {
        private final Thread timer;

        Deadline(Duration maxTime, HttpClient client) {
            timer = maxTime.isZero() ? null : Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(maxTime);
                    client.close();
                } catch (InterruptedException | IOException e) {
                    // Finished in time, or closed already.
                }
            });
        }

        @Override
        public void close() {
            if (timer != null) {
                timer.interrupt();
            }
        }
    }

    private byte[] body() {
        if (data == null) {
            return null;
        }
        if (!data.startsWith("@")) {
            return data.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(Path.of(data.substring(1)));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--data " + data + ": cannot read the file ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
