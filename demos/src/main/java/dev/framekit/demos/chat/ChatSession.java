package dev.framekit.demos.chat;

import dev.framekit.demos.options.ClientOptions;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.WireLog;
import dev.framekit.framing.Framer;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;

/**
 * A chat client's time in the room, on one kind of framing: what every session needs (where the
 * server is, its framing, where lines are printed, how long to try reconnecting) and the name it
 * goes by.
 */
abstract class ChatSession {
    final ClientOptions client;
    final Framer framer;
    final Console console;
    final WireLog wire;
    final Duration reconnectFor;

    /** The name to take again after a reconnect: --name, or the last /nick. */
    volatile String name;

    /** Set once the user has asked to leave: a lost connection is then not reconnected. */
    volatile boolean leaving;

    ChatSession(ClientOptions client, Framer framer, Console console, WireLog wire, Duration reconnectFor) {
        this.client = client;
        this.framer = framer;
        this.console = console;
        this.wire = wire;
        this.reconnectFor = reconnectFor;
    }

    /**
     * Joins (taking {@code name} if given), sends every line of {@code input} while printing
     * what arrives, and leaves on /quit or the end of input.
     *
     * @return the exit status: 0 after leaving normally, 1 if the server went away
     * @throws IOException if the server cannot be reached at all
     */
    abstract int run(String name, BufferedReader input) throws IOException;
}
