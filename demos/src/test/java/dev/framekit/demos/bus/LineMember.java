package dev.framekit.demos.bus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A chat member on the {@code \n} framing, as {@code nc} is: it sends lines and keeps every line it
 * receives, read by a thread of its own, for the test to wait for.
 */
final class LineMember implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    final List<String> received = new CopyOnWriteArrayList<>();
    private int cursor;

    private LineMember(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    received.add(line);
                }
            } catch (IOException e) {
                received.add("(connection: " + e.getMessage() + ")");
            }
        });
    }

    /** Connects to the chat server on {@code port} and joins as {@code name}, once it is confirmed. */
    static LineMember join(int port, String name) throws IOException {
        LineMember member = new LineMember(new Socket("127.0.0.1", port));
        member.send("/nick " + name);
        member.await("^-- you are now " + name + "$");
        return member;
    }

    LineMember send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** Waits up to 20 s for the next line (after those earlier awaits passed) that matches {@code regex}. */
    String await(String regex) {
        return await(regex, Duration.ofSeconds(20));
    }

    String await(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            while (cursor < received.size()) {
                String line = received.get(cursor++);
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no line matching " + regex + " within " + timeout + "; received " + received);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
