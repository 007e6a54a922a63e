package dev.framekit.demos.chat.client;

import dev.framekit.demos.chat.room.PollChatHandler;
import dev.framekit.demos.chat.room.PollProtocol;
import dev.framekit.demos.chat.room.Signal;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.options.ClientOptions;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import java.io.IOException;
import java.time.Duration;

/**
 * Chat on send-and-close framing: one connection per line posted, and a long poll, one connection
 * at a time, for what the room says ({@link PollProtocol}). If the server cannot be reached or no
 * longer knows this member, the poller says so in one line and tries again with {@link Backoff},
 * joining anew with the last confirmed name; lines typed meanwhile are posted once it is back.
 */
public final class PollingChatSession extends ChatSession {
    private static final Duration SAY_RETRY = Duration.ofMillis(250);

    private volatile String token;

    public PollingChatSession(ClientOptions client, Framer framer, Console console, WireLog wire, Duration reconnectFor,
            boolean timestamps) {
        super(client, framer, console, wire, reconnectFor, timestamps);
    }

    @Override
    public int run(String name, LineSource input) throws IOException {
        this.requested = name;
        token = join();
        Thread poller = Thread.ofPlatform().daemon().name("chat-poller").start(this::pollLoop);
        sendTypedLines(input, poller::isAlive);
        if (!poller.isAlive()) {
            return 1;
        }
        leaving = true;
        try {
            request(PollProtocol.SAY + " " + token + "\n/quit", client.timeout());
        } catch (IOException e) {
            // The server is already gone; leaving anyway.
        }
        try {
            poller.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Joins the room (taking the name, if any) and returns the membership token. */
    private String join() throws IOException {
        String nick = nameToAsk();
        String joined;
        try {
            joined = request(PollProtocol.JOIN + (nick == null ? "" : " " + nick), client.timeout());
        } catch (FramingException e) {
            giveUp(WrongFraming.after(e, framer));
            throw e;
        }
        String head = PollProtocol.head(joined);
        if (Signal.parse(head) instanceof Signal.Refused) {
            giveUp(head);
        }
        if (!head.startsWith(PollProtocol.OK + " ")) {
            giveUp(WrongFraming.unexpectedReply(joined, framer));
        }
        return head.substring(3).strip();
    }

    /**
     * Posts a typed line; while the server is unreachable or has forgotten us, tries again every
     * {@link #SAY_RETRY} (the poller rejoins meanwhile) until the reconnect time is up.
     */
    @Override
    void send(String line) {
        long deadline = System.nanoTime() + reconnectFor.plus(client.timeout()).toNanos();
        while (true) {
            try {
                String reply = request(PollProtocol.SAY + " " + token + "\n" + line, client.timeout());
                if (!reply.startsWith(PollProtocol.GONE)) {
                    return;
                }
            } catch (IOException e) {
                // The poller notices too, and rejoins (or gives up and exits).
            }
            if (System.nanoTime() - deadline > 0) {
                print("-- not sent (the server could not be reached): " + line);
                return;
            }
            try {
                Thread.sleep(SAY_RETRY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void pollLoop() {
        long last = 0;
        Backoff backoff = null;
        boolean rejoin = false;
        String lastError = "";
        while (true) {
            try {
                if (rejoin) {
                    token = join();
                    last = 0;
                    rejoin = false;
                    backoff = reconnected(backoff);
                }
                String reply = request(PollProtocol.POLL + " " + token + " " + last,
                        PollChatHandler.POLL_WAIT.plus(client.timeout()));
                String head = PollProtocol.head(reply);
                if (head.startsWith(PollProtocol.GONE)) {
                    if (leaving) {
                        return;
                    }
                    lastError = head.substring(PollProtocol.GONE.length()).strip();
                    if (backoff == null) {
                        backoff = connectionLost(lastError);
                    }
                    rejoin = true;
                    continue;
                }
                if (!head.startsWith(PollProtocol.OK + " ")) {
                    giveUp("-- the server answered a poll with '" + head + "'");
                }
                backoff = reconnected(backoff);
                last = Long.parseLong(head.substring(3).strip());
                String body = PollProtocol.body(reply);
                if (!body.isEmpty()) {
                    for (String line : body.split("\n", -1)) {
                        heard(line);
                    }
                }
            } catch (IOException e) {
                if (leaving) {
                    return;
                }
                lastError = reason(e);
                if (backoff == null) {
                    backoff = connectionLost(lastError);
                }
                pauseOrGiveUp(backoff, lastError);
            }
        }
    }

    /** One line for a failed request: our own messages as they are, the network's in words. */
    private static String reason(IOException e) {
        return e.getClass() == IOException.class ? e.getMessage() : NetworkErrors.describe(e);
    }

    /** Says the session is back if it was lost; returns the backoff to keep: none. */
    private Backoff reconnected(Backoff backoff) {
        if (backoff != null) {
            reconnected();
        }
        return null;
    }

    /** One request on its own connection: send, half-close, read the reply to the end of the stream. */
    private String request(String message, Duration readTimeout) throws IOException {
        try (FramedConnection connection = client.connector(framer).readTimeout(readTimeout).connect()) {
            wire.show("request sent", message);
            String reply = connection.exchange(message);
            if (reply == null || reply.isEmpty()) {
                // Every answer has a head (OK, GONE, ERROR); nothing at all means the server went away.
                throw new IOException("the server closed the connection without answering");
            }
            wire.show("reply received", reply);
            return reply;
        }
    }
}
