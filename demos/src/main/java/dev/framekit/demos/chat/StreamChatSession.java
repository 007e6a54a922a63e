package dev.framekit.demos.chat;

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
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Chat on a persistent connection: one thread prints the room's lines as they arrive, whole
 * lines at a time, while the main thread sends what is typed.
 *
 * <p>If the connection is lost (the server stopped, restarted, or the network failed) the
 * receiving thread says so in one line and reconnects with {@link Backoff}, asking for the
 * last name the server confirmed; lines typed meanwhile are sent once it is back. After the reconnect time limit it
 * gives up with one line and exit status 1. A server on another framing is not a lost
 * connection: the client says which framing it probably speaks and exits with status 1.
 */
final class StreamChatSession extends ChatSession {
    private static final Duration GOODBYE_WAIT = Duration.ofSeconds(5);

    /**
     * How long the server's first bytes may wait for the rest of their frame: a chat server sends
     * whole lines, and sends the first (the welcome) at once, or after {@link Arrival#GRACE} to a
     * client that has said nothing; bytes that make no frame in this time are another framing.
     */
    static final Duration FIRST_FRAME_WAIT = Duration.ofSeconds(5);

    private final CountDownLatch serverDone = new CountDownLatch(1);
    private volatile FramedConnection connection;

    StreamChatSession(ClientOptions client, Framer framer, Console console, WireLog wire, Duration reconnectFor) {
        super(client, framer, console, wire, reconnectFor);
    }

    @Override
    int run(String name, LineSource input) throws IOException {
        this.requested = name;
        connection = connectAndJoin();
        Thread.ofPlatform().daemon().name("chat-receiver").start(this::receive);
        try {
            sendTypedLines(input, () -> serverDone.getCount() > 0);
            return leave();
        } finally {
            closeQuietly(connection);
        }
    }

    /** Sends a typed line; if the connection is lost, waits for the reconnect and sends it then. */
    @Override
    void send(String line) {
        FramedConnection current = connection;
        while (true) {
            try {
                current.send(line);
                wire.show("sent", line);
                return;
            } catch (MessageRefusedException e) {
                print("-- not sent: " + OptionTerms.of(e.getMessage()));
                return;
            } catch (IOException e) {
                // The receiving thread notices the loss too, and reconnects (or gives up and exits).
                current = awaitOtherConnection(current);
            }
        }
    }

    private FramedConnection awaitOtherConnection(FramedConnection old) {
        while (connection == old && serverDone.getCount() > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return old;
            }
        }
        return connection;
    }

    private int leave() {
        if (serverDone.getCount() > 0) {
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
        }
        return leaving ? 0 : 1;
    }

    private FramedConnection connectAndJoin() throws IOException {
        FramedConnection fresh = client.connector(framer).connect();
        String nick = nameToAsk();
        if (nick != null) {
            try {
                fresh.send("/nick " + nick);
                wire.show("sent", "/nick " + nick);
            } catch (IOException e) {
                closeQuietly(fresh);
                throw e;
            }
        }
        return fresh;
    }

    /** Prints what arrives; on a lost connection, reconnects; ends when leaving or giving up. */
    private void receive() {
        while (true) {
            String lost = printUntilLost(connection);
            if (leaving) {
                serverDone.countDown();
                return;
            }
            FramedConnection fresh = reconnect(connectionLost(lost));
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
        boolean framed = false;
        WrongFraming.FirstFrames first = new WrongFraming.FirstFrames(framer);
        ServerFirstBytes firstBytes = new ServerFirstBytes(framer);
        try {
            current.reader().framer(firstBytes); // nothing read yet: no byte is lost
            String line;
            while ((line = framed ? current.readString() : readFirst(current, firstBytes)) != null) {
                framed = true;
                wire.show("received", line);
                String wrong = first.examine(line);
                if (wrong != null) {
                    giveUp(wrong);
                }
                if (!first.holding()) {
                    heard(line);
                }
            }
            return "the server closed the connection";
        } catch (FramingException e) {
            String guess = framed ? null : WrongFraming.fromFirstBytes(firstBytes.seen(), framer);
            String wrong = framed ? first.after(e) : guess != null ? guess : WrongFraming.after(e, framer);
            if (wrong != null && !leaving) {
                // Not a lost connection: reconnecting would only repeat it.
                giveUp(wrong);
            }
            return NetworkErrors.describe(e);
        } catch (IOException e) {
            return NetworkErrors.describe(e);
        } finally {
            closeQuietly(current);
        }
    }

    /**
     * Reads the server's first frame. Bytes that have not made a frame after
     * {@link #FIRST_FRAME_WAIT}, and stopped coming, are another framing: the session gives up
     * with what they look like. A server that sends nothing is waited for as long as it takes.
     */
    private String readFirst(FramedConnection current, ServerFirstBytes firstBytes) throws IOException {
        Socket socket = current.socket();
        int ownTimeout = socket.getSoTimeout();
        if (ownTimeout != 0) {
            return current.readString();
        }
        socket.setSoTimeout((int) FIRST_FRAME_WAIT.toMillis());
        try {
            while (true) {
                try {
                    return current.readString();
                } catch (SocketTimeoutException e) {
                    int pending = current.reader().buffered();
                    if (pending > 0 && !leaving) {
                        String guess = WrongFraming.fromFirstBytes(firstBytes.seen(), framer);
                        giveUp(guess != null ? guess : "-- the server sent " + pending + " bytes that make no "
                                + WrongFraming.name(framer) + " frame; check its --framing (its start-up line says it)");
                    }
                }
            }
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(ownTimeout);
            }
        }
    }

    /** Tries to connect again with exponential backoff; exits with status 1 when the time is up. */
    private FramedConnection reconnect(Backoff backoff) {
        String lastError = "no attempt made";
        while (!leaving) {
            pauseOrGiveUp(backoff, lastError);
            if (leaving) {
                return null;
            }
            try {
                return connectAndJoin();
            } catch (IOException e) {
                lastError = NetworkErrors.describe(e);
            }
        }
        return null;
    }

    private static void closeQuietly(FramedConnection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
