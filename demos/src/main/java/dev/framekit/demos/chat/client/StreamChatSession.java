package dev.framekit.demos.chat.client;

import dev.framekit.demos.chat.room.ReadWaits;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.options.ClientOptions;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Chat on a persistent connection: one thread prints the room's lines as they arrive while the
 * main thread sends what is typed. A lost connection is said in one line and reconnected with
 * {@link Backoff}, asking for the last name the server confirmed; lines typed meanwhile are sent
 * once it is back. A server on another framing is not a lost connection: the client says which
 * framing it probably speaks ({@link WrongFraming}) and exits with status 1.
 */
public final class StreamChatSession extends ChatSession {
    /** How long the server's first bytes may wait for the rest of their frame before they are taken for another framing. */
    static final Duration FIRST_FRAME_WAIT = Duration.ofSeconds(5);

    private volatile FramedConnection connection;

    public StreamChatSession(ClientOptions client, Framer framer, Console console, WireLog wire, Duration reconnectFor,
            boolean timestamps) {
        super(client, framer, console, wire, reconnectFor, timestamps);
    }

    @Override
    void post(String line) throws IOException {
        connection.send(line);
        wire.show("sent", line);
    }

    @Override
    void quit() throws IOException {
        connection.send("/quit");
    }

    @Override
    void close() {
        closeQuietly(connection);
    }

    /** Connects and, if a name is to be asked for, asks for it. */
    @Override
    void rejoin() throws IOException {
        FramedConnection fresh = client.connector(framer).connect();
        String nick = nameToAsk();
        try {
            if (nick != null) {
                fresh.send("/nick " + nick);
                wire.show("sent", "/nick " + nick);
            }
        } catch (IOException e) {
            closeQuietly(fresh);
            throw e;
        }
        connection = fresh;
    }

    /** Prints the room's lines until the connection ends, and says how it ended. */
    @Override
    String receiveUntilLost() {
        FramedConnection current = connection;
        WrongFraming reading = new WrongFraming(framer);
        try {
            current.reader().framer(reading); // nothing read yet: no byte is lost
            for (String line = readFirst(current, reading); line != null; line = current.readString()) {
                wire.show("received", line);
                heard(line);
            }
            return "the server closed the connection";
        } catch (FramingException e) {
            String wrong = reading.after(e);
            if (wrong != null && !leaving) {
                giveUp(wrong); // not a lost connection: reconnecting would only repeat it
            }
            return NetworkErrors.describe(e);
        } catch (IOException e) {
            return NetworkErrors.describe(e);
        } finally {
            closeQuietly(current);
        }
    }

    /**
     * Reads the server's first frame. Bytes that make no frame within {@link #FIRST_FRAME_WAIT}
     * are another framing: the session gives up saying so. A silent server is waited for.
     */
    private String readFirst(FramedConnection current, WrongFraming reading) throws IOException {
        Duration own = ReadWaits.shorten(current.reader(), FIRST_FRAME_WAIT);
        try {
            while (true) {
                try {
                    return current.readString();
                } catch (SocketTimeoutException e) {
                    if (own == null) {
                        throw e;
                    } else if (current.reader().buffered() > 0 && !leaving) {
                        giveUp(reading.stalled(current.reader().buffered()));
                    }
                }
            }
        } finally {
            ReadWaits.restore(current.reader(), own);
        }
    }

    private static void closeQuietly(FramedConnection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
