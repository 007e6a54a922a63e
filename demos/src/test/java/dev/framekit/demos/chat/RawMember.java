package dev.framekit.demos.chat;

import dev.framekit.demos.support.Framings;
import dev.framekit.demos.chat.room.PollProtocol;
import dev.framekit.demos.support.Framings;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.MessageRefusedException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat member that speaks a framing by hand, the way {@code nc} or a small Python peer would:
 * lines as raw bytes on the {@code \n} framing, frames through the library on the others, the
 * JOIN/SAY/POLL requests on send-and-close. It sends bytes as they are (no cleaning) and hands
 * back every frame it receives as raw bytes.
 */
final class RawMember implements AutoCloseable {
    private final Framings framing;
    private final int port;
    private FramedConnection connection;
    private Socket socket;
    private String token;
    private long last;

    private RawMember(Framings framing, int port) {
        this.framing = framing;
        this.port = port;
    }

    /** Joins the room on {@code port} as {@code name}. */
    static RawMember join(Framings framing, int port, String name) throws IOException {
        RawMember member = new RawMember(framing, port);
        if (framing == Framings.CLOSE) {
            String reply = member.exchange(("JOIN " + name).getBytes(StandardCharsets.UTF_8));
            member.token = reply.substring(3).strip();
        } else {
            member.socket = new Socket("127.0.0.1", port);
            member.socket.setSoTimeout(15_000);
            member.connection = FramedConnection.of(member.socket, framing.framer());
            member.say(("/nick " + name).getBytes(StandardCharsets.UTF_8));
        }
        return member;
    }

    /**
     * Posts {@code payload} as one frame, byte for byte; on the {@code \n} framing as a raw line
     * (a newline inside it makes two lines, as nc would).
     *
     * @return false if the framing cannot carry it (too long for a fixed frame, say)
     */
    boolean say(byte[] payload) throws IOException {
        switch (framing) {
            case NEWLINE -> {
                OutputStream out = socket.getOutputStream();
                out.write(payload);
                out.write('\n');
                out.flush();
            }
            case CLOSE -> exchange(join("SAY " + token + "\n", payload));
            default -> {
                try {
                    connection.send(payload);
                } catch (MessageRefusedException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Reads frames until one decodes to {@code lastLine}, returning every frame's raw bytes. */
    List<byte[]> receiveUntil(String lastLine) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<byte[]> batch = framing == Framings.CLOSE ? poll() : List.of(connection.readByteArray());
            for (byte[] frame : batch) {
                frames.add(frame);
                if (new String(frame, StandardCharsets.UTF_8).equals(lastLine)) {
                    return frames;
                }
            }
        }
        throw new AssertionError("no line '" + lastLine + "' within 30 s");
    }

    private List<byte[]> poll() throws IOException {
        String reply = exchange(("POLL " + token + " " + last).getBytes(StandardCharsets.UTF_8));
        String head = PollProtocol.head(reply);
        last = Long.parseLong(head.substring(3).strip());
        String body = PollProtocol.body(reply);
        List<byte[]> lines = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String line : body.split("\n", -1)) {
                lines.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private String exchange(byte[] request) throws IOException {
        try (FramedConnection one = FramedConnection.of(new Socket("127.0.0.1", port), framing.framer())) {
            one.readTimeout(Duration.ofSeconds(30));
            return new String(one.exchange(request), StandardCharsets.UTF_8);
        }
    }

    private static byte[] join(String head, byte[] payload) {
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + payload.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(payload, 0, all, start.length, payload.length);
        return all;
    }

    @Override
    public void close() throws IOException {
        if (connection != null) {
            connection.close();
        }
    }
}
