package dev.framekit.demos.chat;

import dev.framekit.demos.cli.ClientOptions;
import dev.framekit.demos.net.Console;
import dev.framekit.demos.net.NetworkErrors;
import dev.framekit.demos.net.WireLog;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;

/**
 * Chat on send-and-close framing: one connection per line posted, and a long poll, one
 * connection at a time, for what the room says; see {@link PollProtocol}.
 */
final class PollingChatSession implements ChatSession {
    private final ClientOptions client;
    private final Framer framer;
    private final Console console;
    private final WireLog wire;
    private volatile boolean leaving;

    PollingChatSession(ClientOptions client, Framer framer, Console console, WireLog wire) {
        this.wire = wire;
        this.client = client;
        this.framer = framer;
        this.console = console;
    }

    @Override
    public int run(String name, BufferedReader input) throws IOException {
        String joined = request(PollProtocol.JOIN, client.timeout());
        if (!PollProtocol.head(joined).startsWith(PollProtocol.OK + " ")) {
            throw new IOException("the server did not let us join: " + PollProtocol.head(joined));
        }
        String token = PollProtocol.head(joined).substring(3).strip();
        Thread poller = Thread.ofPlatform().daemon().name("chat-poller").start(() -> pollLoop(token));
        if (name != null) {
            say(token, "/nick " + name);
        }
        String line;
        while (poller.isAlive() && (line = input.readLine()) != null) {
            if (ChatCommand.parse(line) instanceof ChatCommand.Quit) {
                break;
            }
            say(token, line);
        }
        if (!poller.isAlive()) {
            return 1;
        }
        leaving = true;
        say(token, "/quit");
        try {
            poller.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void say(String token, String line) throws IOException {
        String reply = request(PollProtocol.SAY + " " + token + "\n" + line, client.timeout());
        if (reply.startsWith(PollProtocol.GONE)) {
            console.line("-- " + reply.substring(PollProtocol.GONE.length()).strip());
        }
    }

    private void pollLoop(String token) {
        long last = 0;
        int failures = 0;
        while (true) {
            try {
                String reply = request(PollProtocol.POLL + " " + token + " " + last,
                        PollChatHandler.POLL_WAIT.plus(client.timeout()));
                failures = 0;
                String head = PollProtocol.head(reply);
                if (head.startsWith(PollProtocol.GONE)) {
                    if (!leaving) {
                        console.line("-- disconnected: " + head.substring(PollProtocol.GONE.length()).strip());
                        System.exit(1);
                    }
                    return;
                }
                if (!head.startsWith(PollProtocol.OK + " ")) {
                    console.line("-- the server answered a poll with '" + head + "'");
                    System.exit(1);
                }
                last = Long.parseLong(head.substring(3).strip());
                String body = PollProtocol.body(reply);
                if (!body.isEmpty()) {
                    for (String line : body.split("\n", -1)) {
                        console.line(line);
                    }
                }
            } catch (IOException e) {
                if (++failures >= 3) {
                    console.line("-- disconnected: " + NetworkErrors.describe(e));
                    System.exit(1);
                }
                sleepQuietly(Duration.ofMillis(200L * failures));
            }
        }
    }

    /** One request on its own connection: send, half-close, read the reply to the end of the stream. */
    private String request(String message, Duration readTimeout) throws IOException {
        try (FramedConnection connection = FramedConnection.to(client.host(), client.port())
                .framer(framer).connectTimeout(client.timeout()).readTimeout(readTimeout).connect()) {
            wire.show("request sent", message);
            connection.send(message);
            String reply = connection.readString();
            if (reply == null) {
                throw new IOException("the server closed the connection without answering");
            }
            wire.show("reply received", reply);
            return reply;
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
