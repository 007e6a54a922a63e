package dev.framekit.demos.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.framekit.demos.readme.ReadmeTour.Line;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's tour top to bottom, as written, with the real {@code demos/framekit}, with
 * three changes that keep it to this machine and out of other tests' way: every server binds
 * 127.0.0.1 (the tour's bind every interface), every port the tour names (and the default 7342)
 * becomes a free port, the same one wherever the tour uses it, and {@code <SERVER-IP>} is
 * 127.0.0.1. Interactive lines get typed input. Skipped, with the reason printed: the slow
 * lines (a full {@code compare} and {@code bench} take minutes; {@link ReadmeTourTest} checks
 * they say so), and {@code nc} where it is not installed.
 */
class ReadmeTourIT {
    private static final Pattern TOUR_PORT = Pattern.compile("\\b(7342|7343|7344|8080|8081)\\b");
    private static final long LINE_TIMEOUT_SECONDS = 90;

    private final List<Process> background = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> ports = new HashMap<>();

    @AfterEach
    void stopServers() {
        background.forEach(Process::destroyForcibly);
    }

    @Test
    void theTourRunsTopToBottomAsWritten() throws Exception {
        Path root = ReadmeTour.readme().getParent();
        int ran = 0;
        for (Line line : ReadmeTour.lines()) {
            String shown = line.command() + "  # " + line.comment();
            if (line.isSlow()) {
                System.out.println("ReadmeTourIT: skipped (minutes long, see its comment): " + shown);
                continue;
            }
            if (line.command().startsWith("nc ") && !onPath("nc")) {
                System.out.println("ReadmeTourIT: skipped (nc is not installed here): " + shown);
                continue;
            }
            if (line.command().startsWith("kill ")) {
                for (Process server : background) {
                    server.destroy();
                    assertTrue(server.waitFor(20, TimeUnit.SECONDS), shown + ": a server did not stop");
                }
                background.clear();
                ran++;
                continue;
            }
            String command = local(line);
            if (line.background()) {
                startServer(root, command, shown);
            } else {
                run(root, command, line, shown);
            }
            ran++;
        }
        assertTrue(ran >= 10, "lines run: " + ran);
        assertTrue(background.isEmpty(), "the tour left servers running");
    }

    /** The line with loopback binds, free ports and the placeholder filled in. */
    private String local(Line line) throws IOException {
        String command = line.foreground();
        if (line.framekitCommand().isPresent()) {
            String name = line.framekitCommand().get();
            List<String> added = new ArrayList<>();
            if (line.isServer()) {
                added.add("--host 127.0.0.1");
            }
            if (line.option("--port").isEmpty()) {
                added.add("--port 7342"); // the default, made explicit so that it is mapped below
            }
            if (!added.isEmpty()) {
                command = command.replaceFirst("demos/framekit " + Pattern.quote(name),
                        "demos/framekit " + name + " " + String.join(" ", added));
            }
        }
        command = command.replace("<SERVER-IP>", "127.0.0.1");
        Matcher m = TOUR_PORT.matcher(command);
        StringBuilder mapped = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(mapped, String.valueOf(port(m.group(1))));
        }
        m.appendTail(mapped);
        return mapped.toString();
    }

    private int port(String tourPort) throws IOException {
        Integer free = ports.get(tourPort);
        if (free == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                free = socket.getLocalPort();
            }
            ports.put(tourPort, free);
        }
        return free;
    }

    private void startServer(Path root, String command, String shown) throws Exception {
        Process server = new ProcessBuilder("/bin/bash", "-c", "exec " + command).directory(root.toFile())
                .redirectErrorStream(true).start();
        background.add(server);
        server.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LINE_TIMEOUT_SECONDS);
        String text;
        while ((text = out.readLine()) != null) {
            seen.append(text).append('\n');
            if (text.contains(" listening on ")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the server ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        fail(shown + "\nas run: " + command + "\ndid not start:\n" + seen);
    }

    private static void run(Path root, String command, Line line, String shown) throws Exception {
        Process process = new ProcessBuilder("/bin/bash", "-c", command).directory(root.toFile()).start();
        String typed = line.comment().contains("type a line") ? "hello tour\n"
                : line.comment().contains("/quit ends") ? "hello tour\n/quit\n" : "";
        try (OutputStream in = process.getOutputStream()) {
            in.write(typed.getBytes(StandardCharsets.UTF_8));
        }
        StringBuffer stdout = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String text;
                while ((text = out.readLine()) != null) {
                    stdout.append(text).append('\n');
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        if (line.comment().contains("Ctrl-C ends")) { // interactive until interrupted: wait for the echo, then stop it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!stdout.toString().contains("hello tour") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            assertTrue(stdout.toString().contains("hello tour"), shown + "\nas run: " + command + "\n" + stdout);
            return;
        }
        if (!process.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(shown + "\nas run: " + command + "\ndid not end in " + LINE_TIMEOUT_SECONDS + " s");
        }
        reader.join(10_000);
        String output = stdout.toString();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), shown + "\nas run: " + command + "\n" + output + errors);
        for (String expected : line.quotedInComment()) {
            assertTrue(output.contains(expected), shown + "\nprints no \"" + expected + "\":\n" + output);
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, program))) {
                return true;
            }
        }
        return false;
    }
}
