package dev.framekit.demos.chat.client;

import dev.framekit.demos.chat.room.ReadWaits;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.options.ClientOptions;
import dev.framekit.demos.options.OptionTerms;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.MessageRefusedException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Chat on a persistent connection: one thread prints the room's lines as they arrive while the
 * main thread sends what is typed. A lost connection is said in one line and reconnected with
 * {@link Backoff}, asking for the last name the server confirmed; lines typed meanwhile are sent
 * once it is back. A server on another framing is not a lost connection: the client says which
 * framing it probably speaks ({@link WrongFraming}) and exits with status 1.
 */
public final class StreamChatSession extends ChatSession {
    private static final Duration GOODBYE_WAIT = Duration.ofSeconds(5);

    /** How long the server's first bytes may wait for the rest of their frame before they are taken for another framing. */
    static final Duration FIRST_FRAME_WAIT = Duration.ofSeconds(5);

    private final CountDownLatch serverDone = new CountDownLatch(1);
    private volatile FramedConnection connection;

    public StreamChatSession(ClientOptions client, Framer framer, Console console, WireLog wire, Duration reconnectFor,
            boolean timestamps) {
        super(client, framer, console, wire, reconnectFor, timestamps);
    }

    @Override
    public int run(String name, LineSource input) throws IOException {
        this.requested = name;
        connection = connectAndJoin();
        Thread.ofPlatform().daemon().name("chat-receiver").start(this::receive);
        try {
            sendTypedLines(input, () -> serverDone.getCount() > 0);
            if (serverDone.getCount() == 0) {
                return leaving ? 0 : 1;
            }
            leaving = true;
            try {
                connection.send("/quit");
                serverDone.await(GOODBYE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                // The server is already gone; leaving anyway.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        } finally {
            closeQuietly(connection);
        }
    }

    /** Sends a typed line; if the connection is lost, waits for the reconnect and sends it then. */
    @Override
    void send(String line) {
        for (FramedConnection current = connection; ; current = connection) {
            try {
                current.send(line);
                wire.show("sent", line);
                return;
            } catch (MessageRefusedException e) {
                print("-- not sent: " + OptionTerms.of(e.getMessage()));
                return;
            } catch (IOException e) {
                // The receiving thread reconnects (or gives up and exits).
                while (connection == current && serverDone.getCount() > 0) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private FramedConnection connectAndJoin() throws IOException {
        FramedConnection fresh = client.connector(framer).connect();
        String nick = nameToAsk();
        try {
            if (nick != null) {
                fresh.send("/nick " + nick);
                wire.show("sent", "/nick " + nick);
            }
            return fresh;
        } catch (IOException e) {
            closeQuietly(fresh);
            throw e;
        }
    }

    /** Prints what arrives; on a lost connection, reconnects; ends when leaving or giving up. */
    private void receive() {
        while (true) {
            String lost = printUntilLost(connection);
            FramedConnection fresh = leaving ? null : reconnect(connectionLost(lost));
            if (leaving) {
                closeQuietly(fresh);
                serverDone.countDown();
                return;
            }
            connection = fresh;
            reconnected();
        }
    }

    /** Prints the room's lines until the connection ends, and says how it ended. */
    private String printUntilLost(FramedConnection current) {
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

    /** Tries to connect again with exponential backoff; exits with status 1 when the time is up. */
    private FramedConnection reconnect(Backoff backoff) {
        String lastError = "no attempt made";
        while (!leaving) {
            pauseOrGiveUp(backoff, lastError);
            try {
                return leaving ? null : connectAndJoin();
            } catch (IOException e) {
                lastError = NetworkErrors.describe(e);
            }
        }
        return null;
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
