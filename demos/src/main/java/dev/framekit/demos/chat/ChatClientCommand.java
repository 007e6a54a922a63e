package dev.framekit.demos.chat;

import dev.framekit.demos.chat.client.ChatSession;
import dev.framekit.demos.chat.client.PollingChatSession;
import dev.framekit.demos.chat.client.StreamChatSession;
import dev.framekit.demos.chat.client.TerminalInput;
import dev.framekit.demos.chat.room.Names;
import dev.framekit.demos.chat.room.SafeText;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.options.ClientOptions;
import dev.framekit.demos.options.Durations;
import dev.framekit.demos.options.Framing;
import dev.framekit.demos.options.FramingOptions;
import dev.framekit.demos.options.Version;
import dev.framekit.framing.Framer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code framekit chat-client}: joins a chat room, prints what the room says while sending what
 * is typed. {@code /quit} or the end of standard input leaves.
 */
@Command(name = "chat-client", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Join a chat room: type lines to talk, /help for commands, /quit (or end of input) to leave.")
public final class ChatClientCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Mixin
    FramingOptions framing;

    @Option(names = "--name", paramLabel = "NICK", description = "The name to take on joining (default: a guest name).")
    String name;

    @Option(names = "--reconnect-for", defaultValue = "2m", paramLabel = "DURATION", converter = Durations.class,
            description = "If the server goes away, how long to keep trying to reconnect, 0.5 s doubling to 10 s"
                    + " between attempts (default: ${DEFAULT-VALUE}; 0 exits at once).")
    Duration reconnectFor = Duration.ofMinutes(2);

    @Option(names = "--timestamps", description = "Start each line printed with the time it arrived (HH:MM).")
    boolean timestamps;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Framer framer = framing.framer(spec, Framing.Side.CLIENT);
        if (name != null && !Names.isValid(name)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--name '" + SafeText.clean(name) + "' cannot be used: " + Names.problem(name));
        }
        // Wire dumps go to standard error, so standard output stays the room's lines.
        WireLog wire = WireLog.of(framing.hexdump(), new Console(System.err), framer);
        try (TerminalInput terminal = TerminalInput.stdinIsTerminal() ? TerminalInput.system() : null) {
            Console console = new Console(terminal != null ? terminal.printer()
                    : new PrintStream(System.out, true, StandardCharsets.UTF_8));
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            ChatSession session = framing.framing().connectionPerExchange()
                    ? new PollingChatSession(client, framer, console, wire, reconnectFor, timestamps)
                    : new StreamChatSession(client, framer, console, wire, reconnectFor, timestamps);
            return session.run(name, terminal != null ? terminal::readLine : stdin::readLine);
        } catch (IOException e) {
            System.err.println(spec.name() + ": " + NetworkErrors.describe(e));
            return 1;
        }
    }
}
