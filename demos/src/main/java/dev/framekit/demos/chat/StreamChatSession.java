package dev.framekit.demos.chat;

import dev.framekit.demos.cli.ClientOptions;
import dev.framekit.demos.net.Console;
import dev.framekit.demos.net.NetworkErrors;
import dev.framekit.demos.net.WireLog;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Chat on a persistent connection: one thread prints the room's lines as they arrive, whole
 * lines at a time, while the main thread sends what is typed.
 */
final class StreamChatSession implements ChatSession {
    private static final Duration GOODBYE_WAIT = Duration.ofSeconds(5);

    private final ClientOptions client;
    private final Framer framer;
    private final Console console;
    private final WireLog wire;
    private final CountDownLatch serverDone = new CountDownLatch(1);
    private volatile boolean leaving;
    private volatile String lostReason;

    StreamChatSession(ClientOptions client, Framer framer, Console console, WireLog wire) {
        this.wire = wire;
        this.client = client;
        this.framer = framer;
        this.console = console;
    }

    @Override
    public int run(String name, BufferedReader input) throws IOException {
        try (FramedConnection connection = FramedConnection.to(client.host(), client.port())
                .framer(framer).connectTimeout(client.timeout()).connect()) {
            Thread.ofPlatform().daemon().name("chat-receiver").start(() -> receive(connection));
            if (name != null) {
                connection.send("/nick " + name);
                wire.show("sent", "/nick " + name);
            }
            String line;
            while (serverDone.getCount() > 0 && (line = input.readLine()) != null) {
                if (ChatCommand.parse(line) instanceof ChatCommand.Quit) {
                    break;
                }
                try {
                    connection.send(line);
                    wire.show("sent", line);
                } catch (MessageRefusedException e) {
                    console.line("-- not sent: " + e.getMessage());
                }
            }
            return leave(connection);
        }
    }

    private int leave(FramedConnection connection) {
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
        if (lostReason != null) {
            console.line("-- disconnected: " + lostReason);
            return 1;
        }
        return leaving ? 0 : 1;
    }

    private void receive(FramedConnection connection) {
        try {
            String line;
            while ((line = connection.readString()) != null) {
                wire.show("received", line);
                console.line(line);
            }
            if (!leaving) {
                lostReason = "the server closed the connection";
            }
        } catch (IOException e) {
            if (!leaving) {
                lostReason = NetworkErrors.describe(e);
            }
        } finally {
            serverDone.countDown();
            if (!leaving) {
                // The main thread may be blocked reading the terminal: report and leave now.
                console.line("-- disconnected: " + lostReason);
                System.exit(1);
            }
        }
    }
}
