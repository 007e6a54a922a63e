package dev.framekit.demos.http;

import dev.framekit.demos.support.Framekit;
import dev.framekit.framing.support.Capability;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the peers nobody here wrote (curl, Python's standard library) and framekit's own
 * {@code http-get} as processes, keeping their stdout as bytes so bodies compare byte for byte;
 * and a raw-socket HTTP exchange the way the socket tutorials write it.
 */
final class Peers {
    /** curl, from Debian's package. */
    static final String CURL = "/usr/bin/curl";
    /** Debian's Python, whose standard library the tests use. */
    static final String PYTHON = Capability.PYTHON;

    private Peers() {}

    /** What a finished process printed, and its exit status. */
    record Run(int exitCode, byte[] stdout, String stderr) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        String transcript() {
            return "exit " + exitCode + "\n--- stdout\n" + stdoutText() + "\n--- stderr\n" + stderr;
        }
    }

    /** Runs {@code command} to completion (at most 30 s), feeding it nothing. */
    static Run run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after 30 s: " + command);
            }
            return new Run(process.exitValue(), out.get(10, TimeUnit.SECONDS),
                    new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("cannot run " + command + ": " + e, e);
        }
    }

    /** {@code curl ARGS...}. */
    static Run curl(String... args) {
        List<String> command = new ArrayList<>(List.of(CURL, "-sS"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** {@code java -jar framekit.jar http-get ARGS...}. */
    static Run httpGet(String... args) {
        List<String> command = new ArrayList<>(List.of(Framekit.java(), "-jar", Framekit.jar().toString(), "http-get"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** {@code python3 SCRIPT ARGS...}, the script from this package's test resources. */
    static List<String> python(Path script, String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Writes {@code request} in one write and reads until the server closes (or 10 s pass), the way a tutorial client does. */
    static String exchangeUntilClose(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
        }
    }

    /** The tutorial's client: read until {@code \r\n\r\n}, find Content-Length, read that many bytes. */
    static String[] tutorialResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed inside the head: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        byte[] body = in.readNBytes(length);
        return new String[] {text, new String(body, StandardCharsets.UTF_8)};
    }

    static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
