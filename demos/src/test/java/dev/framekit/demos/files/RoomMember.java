package dev.framekit.demos.files;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A chat member on the {@code \n} framing, as nc would be, for tests: says lines, reads until one it waits for. */
final class RoomMember implements AutoCloseable {
    private final FramedConnection connection;
    final List<String> heard = new ArrayList<>();

    private RoomMember(FramedConnection connection) {
        this.connection = connection;
    }

    /** Joins the room at {@code port} on loopback as {@code name}, and waits until the server confirms it. */
    static RoomMember join(int port, String name) throws IOException {
        FramedConnection connection = FramedConnection.connector("127.0.0.1", port).framer(Framers.lines())
                .readTimeout(Duration.ofSeconds(30)).connect();
        RoomMember member = new RoomMember(connection);
        member.say("/nick " + name);
        member.await(line -> line.equals("-- you are now " + name));
        return member;
    }

    void say(String line) throws IOException {
        connection.send(line);
    }

    /** Reads lines until one matches, and returns it. */
    String await(Predicate<String> wanted) throws IOException {
        while (true) {
            String line = connection.readString();
            if (line == null) {
                throw new IOException("the server closed the connection; heard " + heard);
            }
            heard.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Reads lines until a file line of {@code type}, and returns it. */
    <T extends FileLines> T await(Class<T> type) throws IOException {
        return type.cast(FileLines.parse(await(line -> type.isInstance(FileLines.parse(line)))));
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
