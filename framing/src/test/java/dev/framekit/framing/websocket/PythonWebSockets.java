package dev.framekit.framing.websocket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code websockets_peer.py} with the Debian Python ({@value #PYTHON}) and its
 * {@code python3-websockets}; tests that use it say so with
 * {@code @Needs(Capability.PYTHON3_WEBSOCKETS)} and skip, with the reason, where it is missing.
 */
final class PythonWebSockets {
    static final String PYTHON = "/usr/bin/python3";

    private PythonWebSockets() {}


    /** Starts the peer script with these arguments; stderr goes into stdout. */
    static Process start(String... arguments) throws IOException {
        Path script = Files.createTempFile("websockets_peer", ".py");
        try (InputStream in = PythonWebSockets.class.getResourceAsStream("websockets_peer.py")) {
            Files.write(script, in.readAllBytes());
        }
        script.toFile().deleteOnExit();
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Runs the peer to its end (at most 60 s) and returns its output lines. */
    static List<String> run(String... arguments) throws IOException, InterruptedException {
        Process process = start(arguments);
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = lines(process)) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the python peer did not finish within 60 s: " + lines);
        }
        return lines;
    }

    static BufferedReader lines(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The next line of a running peer, or an error with what came instead. */
    static String nextLine(BufferedReader out) {
        try {
            String line = out.readLine();
            if (line == null) {
                throw new AssertionError("the python peer ended early");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
