package dev.framekit.demos.chat;

import dev.framekit.demos.chat.client.ChatSession;
import dev.framekit.demos.chat.client.ServerChoice;
import dev.framekit.demos.discovery.Announcement;
import dev.framekit.demos.discovery.DiscoveryOptions;
import dev.framekit.demos.discovery.Listener;
import dev.framekit.demos.files.FileClientOptions;
import dev.framekit.demos.tls.ClientTls;
import dev.framekit.demos.tls.Fingerprint;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
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
import javax.net.ssl.SSLException;
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

    @Option(names = "--tls", description = "Speak TLS to the server; with --host, needs --tls-fingerprint.")
    boolean tls;

    @Option(names = "--tls-fingerprint", paramLabel = "FP", converter = FingerprintConverter.class,
            description = "Connect only to the server whose certificate has this SHA-256 fingerprint (hex, with or"
                    + " without colons, any case; the server's banner shows it); implies --tls.")
    Fingerprint fingerprint;

    @Option(names = "--wait", defaultValue = "2s", paramLabel = "DURATION", converter = Durations.Positive.class,
            description = "With no --host and no --framing: how long to listen for servers' announcements"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration wait = Duration.ofSeconds(2);

    @Mixin
    DiscoveryOptions discovery;

    @Mixin
    FileClientOptions files;

    @Spec
    CommandSpec spec;

    /** Reads --tls-fingerprint, saying what is wrong with a bad one. */
    static final class FingerprintConverter implements picocli.CommandLine.ITypeConverter<Fingerprint> {
        @Override
        public Fingerprint convert(String value) {
            try {
                return Fingerprint.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        ParseResult given = spec.commandLine().getParseResult();
        boolean discover = given != null && !given.hasMatchedOption("--host") && !given.hasMatchedOption("--framing");
        Framer framer = discover ? null : JsonLineFramer.forChat(framing.framing(), framing.framer(spec, Framing.Side.CLIENT));
        if (name != null && !Names.isValid(name)) {
            throw new ParameterException(spec.commandLine(),
                    "--name '" + SafeText.clean(name) + "' cannot be used: " + Names.problem(name));
        }
        if (tls && fingerprint == null && !discover) {
            throw new ParameterException(spec.commandLine(), "--tls needs --tls-fingerprint FP, the fingerprint on the"
                    + " server's banner: a certificate nobody vouches for is trusted only by its fingerprint");
        }
        try (TerminalInput terminal = TerminalInput.stdinIsTerminal() ? TerminalInput.system() : null) {
            Console console = new Console(terminal != null ? terminal.printer()
                    : new PrintStream(System.out, true, StandardCharsets.UTF_8));
            Fingerprint pin = fingerprint;
            boolean polling = !discover && framing.framing().connectionPerExchange();
            if (discover) {
                Listener.Server server = ServerChoice.choose(spec.name(), discovery, wait,
                        given.hasMatchedOption("--port") ? client.port() : 0,
                        terminal != null ? terminal::readLine : null, terminal != null ? terminal.printer() : System.err);
                if (server == null) {
                    return 1;
                }
                Announcement announced = server.announcement();
                client.reach(server.address().getHostAddress(), announced.port());
                framer = JsonLineFramer.forChat(announced.framing(), announced.clientFramer());
                polling = announced.framing().connectionPerExchange();
                if (pin == null && announced.tls()) {
                    pin = announced.fingerprint(); // the fingerprint heard is pinned
                } else if (tls && pin == null) {
                    System.err.println(spec.name() + ": --tls, but " + server.where() + " does not announce TLS");
                    return 1;
                }
            }
            if (pin != null) {
                client.tls(ClientTls.pinned(pin));
            }
            // Wire dumps go to standard error, so standard output stays the room's lines.
            WireLog wire = WireLog.of(framing.hexdump(), new Console(System.err), framer);
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            ChatSession session = polling
                    ? new PollingChatSession(client, framer, console, wire, reconnectFor, timestamps)
                    : new StreamChatSession(client, framer, console, wire, reconnectFor, timestamps);
            session.files(files.commands(client, line -> console.line(SafeText.clean(line))));
            return session.run(name, terminal != null ? terminal::readLine : stdin::readLine);
        } catch (SSLException e) {
            System.err.println(spec.name() + ": " + e.getMessage()); // already one line: whose certificate, which pin
            return 1;
        } catch (IOException e) {
            System.err.println(spec.name() + ": " + NetworkErrors.describe(e));
            return 1;
        }
    }
}
