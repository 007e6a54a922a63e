package dev.framekit.framing.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A real server program (redis-server, nats-server) started on a free loopback port and stopped by
 * {@link #close()}; its output goes to a log file in a temporary directory, for failure messages.
 * Public for the demos' tests (the chat bus runs on a real nats-server).
 */
public final class LoopbackServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;
    private final Path dir;
    private final String name;
    private final IntFunction<List<String>> command;

    private LoopbackServer(Process process, int port, Path log, Path dir, String name, IntFunction<List<String>> command) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dir = dir;
        this.name = name;
        this.command = command;
    }

    /**
     * Starts {@code command.apply(port)} on a free port and waits until it accepts connections.
     *
     * @param dir where the log goes
     */
    public static LoopbackServer start(Path dir, String name, IntFunction<List<String>> command)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        return start(dir, name, command, port);
    }

    /**
     * Starts the same command again on the same port, once this one is {@linkplain #close closed}:
     * a server that restarts (its log goes on in the same file).
     */
    public LoopbackServer restart() throws IOException, InterruptedException {
        return start(dir, name, command, port);
    }

    private static LoopbackServer start(Path dir, String name, IntFunction<List<String>> command, int port)
            throws IOException, InterruptedException {
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command.apply(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        LoopbackServer server = new LoopbackServer(process, port, log, dir, name, command);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + ": " + server.log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IOException(name + " did not listen on 127.0.0.1:" + port + " within 20 s: " + server.log());
    }

    /** The loopback port it listens on. */
    public int port() {
        return port;
    }

    /** What it printed so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops it: SIGTERM, then SIGKILL after 10 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
