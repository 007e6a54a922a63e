package dev.framekit.demos.chat.client;

import dev.framekit.demos.chat.room.ChatCommand;
import dev.framekit.demos.chat.room.SafeText;
import dev.framekit.demos.chat.room.Signal;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.options.ClientOptions;
import dev.framekit.demos.options.OptionTerms;
import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * A chat client's time in the room, on one kind of framing ({@link StreamChatSession},
 * {@link PollingChatSession}): where the server is, its framing, where lines are printed (with the
 * time they arrived, with {@code timestamps}), how long to try reconnecting, and its name.
 */
public abstract class ChatSession {
    private static final Duration GOODBYE_WAIT = Duration.ofSeconds(5);
    private static final Duration SEND_RETRY = Duration.ofMillis(100);

    final ClientOptions client;
    final Framer framer;
    final Console console;
    final WireLog wire;
    final Duration reconnectFor;
    private final boolean timestamps;

    /** The name asked for with --name, or null. */
    volatile String requested;

    /** The last name the server confirmed ({@link Signal.Named}), or null: the one a reconnect asks for. */
    volatile String confirmed;

    /** Set once the user has asked to leave: a lost connection is then not reconnected. */
    volatile boolean leaving;
    private volatile Thread receiver;
    private FileCommands files = FileCommands.NONE;

    ChatSession(ClientOptions client, Framer framer, Console console, WireLog wire, Duration reconnectFor,
            boolean timestamps) {
        this.client = client;
        this.framer = framer;
        this.console = console;
        this.wire = wire;
        this.reconnectFor = reconnectFor;
        this.timestamps = timestamps;
    }

    /**
     * Joins (taking {@code name} if given), sends every line of {@code input} while a thread of
     * its own prints what arrives (and reconnects a lost connection), and leaves on /quit or the
     * end of input.
     *
     * @return the exit status: 0 after leaving normally, 1 if the server went away
     * @throws IOException if the server cannot be reached at all
     */
    public final int run(String name, LineSource input) throws IOException {
        this.requested = name;
        rejoin();
        receiver = Thread.ofPlatform().daemon().name("chat-receiver").start(this::receive);
        try {
            sendTypedLines(input);
            if (!receiver.isAlive()) {
                return 1;
            }
            leaving = true;
            try {
                quit();
                receiver.join(GOODBYE_WAIT);
            } catch (IOException e) {
                // The server is already gone; leaving anyway.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        } finally {
            close();
        }
    }

    /** Passes typed lines and lines heard through {@code files} (before {@link #run}). */
    public final ChatSession files(FileCommands files) {
        this.files = files;
        return this;
    }

    /** Where typed lines come from: standard input line by line, or a {@link TerminalInput}. */
    @FunctionalInterface
    public interface LineSource {
        /** The next line, or null at the end of input. */
        String readLine() throws IOException;
    }

    /** Posts one typed line to the room on the current connection; throws if that fails. */
    abstract void post(String line) throws IOException;

    /** Prints what the room says until the connection is lost; returns why, in words. */
    abstract String receiveUntilLost();

    /** Joins the room, on a new connection if the session has one; a reconnect asks for {@link #nameToAsk()}. */
    abstract void rejoin() throws IOException;

    /** Tells the server the member leaves ({@code /quit}). */
    abstract void quit() throws IOException;

    /** Closes what the session holds open, if anything. */
    void close() {}

    /** Whether the session goes on: the thread printing what arrives has not ended. */
    final boolean receiving() {
        return receiver.isAlive();
    }

    /**
     * Sends each typed line while the session goes on, until /quit or the end of input. A /nick
     * is only asked for: the name is taken when the server confirms it.
     */
    private void sendTypedLines(LineSource input) throws IOException {
        String line;
        while (receiving() && (line = input.readLine()) != null) {
            if (ChatCommand.parse(line) instanceof ChatCommand.Quit) {
                return;
            }
            String posted = files.typed(line);
            if (posted != null) {
                send(posted);
            }
        }
    }

    /**
     * Posts a typed line; while the server is unreachable or has forgotten this member, tries
     * again every {@link #SEND_RETRY} (the receiving thread rejoins meanwhile) until the reconnect
     * time is up. A line the framing cannot carry is not sent, and the user is told why.
     */
    private void send(String line) {
        long deadline = System.nanoTime() + reconnectFor.plus(client.timeout()).toNanos();
        while (receiving()) {
            try {
                post(line);
                return;
            } catch (MessageRefusedException e) {
                print("-- not sent: " + OptionTerms.of(e.getMessage()));
                return;
            } catch (IOException e) {
                // The receiving thread notices too, and rejoins (or gives up and exits).
            }
            if (System.nanoTime() - deadline > 0) {
                print("-- not sent (the server could not be reached): " + line);
                return;
            }
            try {
                Thread.sleep(SEND_RETRY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Prints what arrives; on a lost connection, says so and rejoins with {@link Backoff}; ends when leaving. */
    private void receive() {
        while (true) {
            String lastError = receiveUntilLost();
            if (leaving) {
                return;
            }
            if (reconnectFor.isZero()) {
                giveUp("-- disconnected: " + lastError);
            }
            Backoff backoff = new Backoff(reconnectFor);
            print("-- connection lost: " + lastError + "; reconnecting (for up to " + backoff.limitText() + ")");
            while (true) {
                pauseOrGiveUp(backoff, lastError);
                if (leaving) {
                    return;
                }
                try {
                    rejoin();
                    break;
                } catch (IOException e) {
                    lastError = reason(e);
                }
            }
            print("-- reconnected to " + client.host() + ":" + client.port());
        }
    }

    /** Waits before the next reconnect attempt; when the time is up, gives up with {@code lastError}. */
    private void pauseOrGiveUp(Backoff backoff, String lastError) {
        try {
            if (backoff.pause()) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        giveUp("-- gave up reconnecting after " + backoff.attempts() + " attempts in " + backoff.limitText()
                + ": " + lastError);
    }

    /** One line for a failed connection or request: the client's own messages as they are, the network's in words. */
    static String reason(IOException e) {
        return e.getClass() == IOException.class ? e.getMessage() : NetworkErrors.describe(e);
    }

    /** The name to ask for on (re)joining: the last one the server confirmed, else --name; or null. */
    final String nameToAsk() {
        String name = confirmed;
        return name != null ? name : requested;
    }

    /**
     * Prints one line from the server and acts on the {@link Signal} it is, if any: a confirmed
     * name is kept for reconnecting; a refusal of this client's framing ends the session with
     * status 1, as does a zero byte, which no chat line has (a length prefix read as text).
     */
    final void heard(String line) {
        if (line.indexOf('\0') >= 0) {
            giveUp(WrongFraming.unexpectedReply(line, framer)); // "is it --framing length?"
        }
        switch (Signal.parse(line)) {
            case Signal.Named named -> confirmed = named.name();
            case Signal.Refused refused -> giveUp(line);
            case Signal.ShuttingDown shuttingDown -> { } // the connection closes next; reconnecting may find it back
            case Signal.Sent sent -> { } // a copy of a private message this client sent
            case Signal.Roster roster -> { } // sent to web members only
            case null -> { }
        }
        String shown = files.heard(line);
        if (shown != null) {
            print(shown);
        }
    }

    /** Prints one line, {@linkplain SafeText#clean made safe}: nothing the server sends acts on the terminal. */
    final void print(String line) {
        String time = timestamps ? LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm ")) : "";
        console.line(time + SafeText.clean(line));
    }

    /** Reports {@code line} and exits with status 1: the main thread may be blocked reading the terminal. */
    void giveUp(String line) {
        print(line);
        System.out.flush();
        System.exit(1);
    }
}
