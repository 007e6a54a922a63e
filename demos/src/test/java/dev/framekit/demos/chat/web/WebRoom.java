package dev.framekit.demos.chat.web;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.websocket.WebSocketConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real jar's {@code chat-server --framing delimiter --web-port 0}, and members for it: nc-style lines and WebSocket. */
final class WebRoom {
    private static final Pattern WEB_READY = Pattern.compile("^chat-server-web listening on .*:(\\d+) ");
    static final Duration WAIT = Duration.ofSeconds(20);

    final FramekitProcess server;
    final int linePort;
    final int webPort;

    private WebRoom(FramekitProcess server, int linePort, int webPort) {
        this.server = server;
        this.linePort = linePort;
        this.webPort = webPort;
    }

    /** Starts the server on any free ports with the extra {@code options}. */
    static WebRoom start(Framekit framekit, String... options) {
        return startOn(framekit, 0, 0, options);
    }

    /** Starts the server on the given ports (0 = any free one) with the extra {@code options}. */
    static WebRoom startOn(Framekit framekit, int linePort, int webPort, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("chat-server", "--host", "127.0.0.1",
                "--port", Integer.toString(linePort), "--framing", "delimiter", "--web-port", Integer.toString(webPort),
                "--no-qr"));
        args.addAll(java.util.List.of(options));
        FramekitProcess server = framekit.start(args.toArray(String[]::new)).awaitReady();
        Matcher m = WEB_READY.matcher(server.awaitLine(WEB_READY.pattern()));
        if (!m.find()) {
            throw new AssertionError("no web port in " + server.transcript());
        }
        return new WebRoom(server, server.port(), Integer.parseInt(m.group(1)));
    }

    /** Waits for the next line from {@code lines} that matches {@code regex}; lines before it are skipped. */
    static String await(BlockingQueue<String> lines, String regex, String who) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + WAIT.toNanos();
        StringBuilder seen = new StringBuilder();
        try {
            while (System.nanoTime() < deadline) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    break;
                }
                if (pattern.matcher(line).find()) {
                    return line;
                }
                seen.append("\n  ").append(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError(who + " never received /" + regex + "/; it saw:" + seen);
    }

    /** A member the way nc speaks: raw lines ending in \n. */
    static final class LineMember implements AutoCloseable {
        final Socket socket;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        LineMember(int port, String name) throws IOException {
            socket = new Socket("127.0.0.1", port);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Thread.ofVirtual().start(() -> {
                try {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException ended) {
                    // the test closed it
                }
            });
            say("/nick " + name);
            await("^-- you are now " + name + "$");
        }

        void say(String line) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String await(String regex) {
            return WebRoom.await(lines, regex, "line member");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A WebSocket member through the library's client: each text message is a line. */
    static final class WsMember implements AutoCloseable {
        final WebSocketConnection ws;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        volatile Integer closeCode;

        WsMember(int port, String name) throws IOException {
            ws = WebSocketConnection.connect("127.0.0.1", port, "/chat");
            Thread.ofVirtual().start(() -> {
                try {
                    String text;
                    while ((text = ws.readText()) != null) {
                        lines.add(text);
                    }
                } catch (IOException ended) {
                    // the test closed it
                }
                closeCode = ws.peerCloseCode();
            });
            if (name != null) {
                ws.sendText("/nick " + name);
                await("^-- you are now " + name + "$");
            }
        }

        String await(String regex) {
            return WebRoom.await(lines, regex, "websocket member");
        }

        @Override
        public void close() throws IOException {
            ws.close();
        }
    }
}
