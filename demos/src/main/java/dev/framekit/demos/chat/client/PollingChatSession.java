package dev.framekit.demos.chat.client;

import dev.framekit.demos.chat.room.PollChatHandler;
import dev.framekit.demos.chat.room.PollProtocol;
import dev.framekit.demos.chat.room.Signal;
import dev.framekit.demos.console.Console;
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
    /** How much longer than --timeout a post's reply is waited for: the room may hold it back (see {@link #post}). */
    static final Duration HELD_BACK = Duration.ofMinutes(1);

    private volatile String token;
    /** The number of the last line printed. */
    private long last;
    /** False until joined, and once the server has said this member is gone. */
    private volatile boolean joined;
    /** A poll's reply got while reconnecting, printed after the session says it is back. */
    private String pending;

    public PollingChatSession(ClientOptions client, Framer framer, Console console, WireLog wire, Duration reconnectFor,
            boolean timestamps) {
        super(client, framer, console, wire, reconnectFor, timestamps);
    }

    @Override
    void quit() throws IOException {
        request(PollProtocol.SAY + " " + token + "\n/quit", client.timeout());
    }

    /** Joins if the server does not know this member (any more), else polls, which tells whether it still does. */
    @Override
    void rejoin() throws IOException {
        if (joined) {
            pending = poll();
            joined = !PollProtocol.head(pending).startsWith(PollProtocol.GONE);
        }
        if (!joined) {
            pending = null;
            token = join();
            last = 0;
            joined = true;
        }
    }

    /** Joins the room (taking the name, if any) and returns the membership token. */
    private String join() throws IOException {
        String nick = nameToAsk();
        String reply;
        try {
            reply = request(PollProtocol.JOIN + (nick == null ? "" : " " + nick), client.timeout());
        } catch (FramingException e) {
            giveUp(WrongFraming.after(e, framer));
            throw e;
        }
        String head = PollProtocol.head(reply);
        if (Signal.parse(head) instanceof Signal.Refused) {
            giveUp(head);
        }
        if (!head.startsWith(PollProtocol.OK + " ")) {
            giveUp(WrongFraming.unexpectedReply(reply, framer));
        }
        return head.substring(3).strip();
    }

    /**
     * Posts a typed line; a server that no longer knows this member has not taken it. The reply may
     * come late: the room holds a post back while another member is behind, up to its --write-timeout.
     */
    @Override
    void post(String line) throws IOException {
        Duration wait = client.timeout().isZero() ? Duration.ZERO : client.timeout().plus(HELD_BACK);
        if (request(PollProtocol.SAY + " " + token + "\n" + line, wait).startsWith(PollProtocol.GONE)) {
            throw new IOException("not in the room");
        }
    }

    /** Polls and prints what the room says until the server forgets this member or cannot be reached. */
    @Override
    String receiveUntilLost() {
        try {
            while (true) {
                String reply = pending != null ? pending : poll();
                pending = null;
                String head = PollProtocol.head(reply);
                if (head.startsWith(PollProtocol.GONE)) {
                    joined = false;
                    return head.substring(PollProtocol.GONE.length()).strip();
                }
                if (!head.startsWith(PollProtocol.OK + " ")) {
                    giveUp("-- the server answered a poll with '" + head + "'");
                }
                last = Long.parseLong(head.substring(3).strip());
                String body = PollProtocol.body(reply);
                if (!body.isEmpty()) {
                    for (String line : body.split("\n", -1)) {
                        heard(line);
                    }
                }
            }
        } catch (IOException e) {
            return reason(e);
        }
    }

    private String poll() throws IOException {
        return request(PollProtocol.POLL + " " + token + " " + last, PollChatHandler.POLL_WAIT.plus(client.timeout()));
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
