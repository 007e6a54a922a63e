package dev.framekit.demos.chat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framekit.demos.support.Framekit;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Another implementation as a web member: Python's {@code websockets} (Debian's python3-websockets) against {@code /chat}. */
@Peer
@Needs(Capability.PYTHON3_WEBSOCKETS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebChatPythonIT {
    private static final String PYTHON = Capability.PYTHON;

    @RegisterExtension
    final Framekit framekit = new Framekit();
    private Process python;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (python != null) {
            python.destroyForcibly();
        }
    }

    @Test
    void pythonWebsocketsTalksPingsAndClosesWithACode() throws Exception {
        WebRoom room = WebRoom.start(framekit);
        try (WebRoom.LineMember bob = new WebRoom.LineMember(room.linePort, "bob")) {
            python = new ProcessBuilder(PYTHON, script().toString(), Integer.toString(room.webPort))
                    .redirectErrorStream(true).start();
            BlockingQueue<String> out = lines(python.getInputStream());
            WebRoom.await(out, "^joined$", "python");
            bob.await("^<py> hello from python$");
            bob.say("hi py");
            WebRoom.await(out, "^pong$", "python");
            String big = bob.await("^<py> y");
            assertEquals("<py> ".length() + 70000, big.length());
            bob.await("^<py> fragmented$");
            WebRoom.await(out, "^closed 1000$", "python");
            assertEquals(0, python.waitFor());
            bob.await("^-- py left");
        }
    }

    private Path script() throws IOException {
        try (InputStream in = WebChatPythonIT.class.getResourceAsStream("ws_chat_client.py")) {
            return Files.write(dir.resolve("ws_chat_client.py"), in.readAllBytes());
        }
    }

    private static BlockingQueue<String> lines(InputStream in) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process ended
            }
        });
        return lines;
    }
}
