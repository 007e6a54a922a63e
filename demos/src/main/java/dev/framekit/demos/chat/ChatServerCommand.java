package dev.framekit.demos.chat;

import dev.framekit.demos.bus.BusOptions;
import dev.framekit.demos.chat.room.Backpressure;
import dev.framekit.demos.chat.room.ChatRoom;
import dev.framekit.demos.chat.room.FloodControl;
import dev.framekit.demos.chat.room.FrameSplitter;
import dev.framekit.demos.chat.room.PeerCheck;
import dev.framekit.demos.chat.room.PollChatHandler;
import dev.framekit.demos.chat.room.StreamChatHandler;
import dev.framekit.demos.chat.web.WebChatHandler;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.files.FileServerOptions;
import dev.framekit.demos.tls.ServerTls;
import java.io.IOException;
import dev.framekit.framing.websocket.WebSocketFramer;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.options.ByteSizes;
import dev.framekit.demos.options.Counts;
import dev.framekit.demos.options.Durations;
import dev.framekit.demos.options.Framing;
import dev.framekit.demos.options.FramingOptions;
import dev.framekit.demos.options.ServerOptions;
import dev.framekit.demos.options.Version;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.demos.server.LanAddresses;
import dev.framekit.demos.server.MemoryBudget;
import dev.framekit.demos.server.ServerRunner;
import dev.framekit.demos.chat.web.WebBanner;
import dev.framekit.framing.Framer;
import dev.framekit.demos.chat.web.PageOrigins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code framekit chat-server}: a chat room on any framing; a plain {@code nc} user is welcome on the \n delimiter. */
@Command(name = "chat-server", mixinStandardHelpOptions = true, versionProvider = Version.class,
        defaultValueProvider = ChatServerCommand.Defaults.class,
        description = "Run a chat room. On --framing delimiter (\\n), nc or telnet users are full members.")
public final class ChatServerCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Mixin
    FramingOptions framing;

    @Option(names = "--flood-limit", defaultValue = "1000", paramLabel = "LINES", converter = Counts.class,
            description = "Lines a second a member may post before its connection is read more slowly; 0 = no limit (default: ${DEFAULT-VALUE}).")
    int floodLimit;

    @Option(names = "--flood-bytes", defaultValue = "1m", paramLabel = "BYTES", converter = ByteSizes.LongConverter.class,
            description = "Bytes a second a member may post (with a burst of as many) before its connection is read more"
                    + " slowly; more than anyone types or pastes; 0 = no limit (default: ${DEFAULT-VALUE}).")
    long floodBytes;

    @Option(names = "--join-limit", defaultValue = "5", paramLabel = "JOINS", converter = Counts.class,
            description = "On --framing close: JOINs a second one address may send (with a burst of as many) before the"
                    + " replies to them come more slowly; 0 = no limit (default: ${DEFAULT-VALUE}).")
    int joinLimit;

    @Option(names = "--max-queue", defaultValue = "1m", paramLabel = "BYTES", converter = ByteSizes.Positive.class,
            description = "Bytes of unsent lines a member may have queued before the room stops reading the senders until"
                    + " it is back at half of it; a member that takes nothing for --write-timeout meanwhile is"
                    + " disconnected, e.g. 256k, 4m (default: ${DEFAULT-VALUE}).")
    int maxQueue;

    @Option(names = "--history", defaultValue = "20", paramLabel = "LINES", converter = Counts.class,
            description = "Messages a member who joins is sent from before, marked [history]; at most 64 KiB of them;"
                    + " 0 = none (default: ${DEFAULT-VALUE}).")
    int history;

    @Option(names = "--web-port", paramLabel = "PORT",
            description = "Also serve the room to browsers on PORT: the chat page at /, its WebSocket at /chat"
                    + " (0 = any free port; default: off).")
    Integer webPort;

    @Option(names = "--header-timeout", defaultValue = "10s", paramLabel = "DURATION", converter = Durations.class,
            description = "With --web-port, how long a browser's request head may take (silent, or from its first byte)"
                    + " before the connection is closed; 0 = no limit (default: ${DEFAULT-VALUE}).")
    Duration headerTimeout;

    @Option(names = "--web-origin", paramLabel = "ORIGIN",
            description = "With --web-port, also let pages from ORIGIN join, e.g. http://laptop.lan:8080 (a name the LAN's"
                    + " DNS gives this machine, a reverse proxy); repeatable. The machine's own addresses, localhost and"
                    + " host name are always allowed.")
    List<String> webOrigins = new ArrayList<>();

    @Option(names = "--no-qr", description = "With --web-port, do not draw the QR codes of the page's URLs on the banner.")
    boolean noQr;

    @Mixin
    ChatServerLan lan;

    @Mixin
    FileServerOptions files;

    @Mixin
    BusOptions bus;

    /** How long one chat line may take to arrive unless --frame-timeout says otherwise: people type slowly. */
    static final String CHAT_FRAME_TIMEOUT = "5m";

    /** How long a chat member may be quiet unless --idle-timeout says otherwise: for ever (on --framing close, 5m). */
    static final String CHAT_IDLE_TIMEOUT = "0";

    /** The defaults a chat room runs with where they differ from other servers'; --help shows these. */
    public static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            if (argument instanceof OptionSpec option) {
                return switch (option.longestName()) {
                    case "--frame-timeout" -> CHAT_FRAME_TIMEOUT;
                    case "--idle-timeout" -> CHAT_IDLE_TIMEOUT;
                    default -> null;
                };
            }
            return null;
        }
    }

    /** How long a TLS handshake may take (less if --frame-timeout is shorter). */
    static final Duration TLS_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    /** How long the goodbye to every member may take to be written before the server closes. */
    static final Duration SHUTDOWN_FLUSH = Duration.ofMillis(500);

    /**
     * What a chat member costs besides its buffers (its queue, its writer, the room's records of
     * it): 13.6 to 14.9 KiB measured per idle member with its idle buffers (ChatMemoryIT), with room.
     */
    static final int MEMBER_BYTES = 16 * 1024;

    @Spec
    CommandSpec spec;

    private PageOrigins pageOrigins() {
        try {
            return new PageOrigins(webOrigins);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--web-origin: " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        Framer framer = JsonLineFramer.forChat(framing.framing(), framing.framer(spec, Framing.Side.SERVER));
        PageOrigins origins = pageOrigins();
        if (bus.problem() != null) {
            throw new ParameterException(spec.commandLine(), bus.problem());
        }
        Console console = new Console(System.out);
        ServerTls tls;
        try {
            Duration frameTimeout = server.frameTimeout();
            tls = lan.tls(console, spec.name(), frameTimeout.isZero() || frameTimeout.compareTo(TLS_HANDSHAKE_TIMEOUT) > 0
                    ? TLS_HANDSHAKE_TIMEOUT : frameTimeout);
        } catch (IOException e) {
            System.err.println(spec.name() + ": --tls: " + e.getMessage()); // one line naming the file
            return 1;
        }
        boolean polling = framing.framing().connectionPerExchange();
        ChatRoom room = new ChatRoom(console, bus.fits(FrameSplitter.deliverable(framer, polling)),
                "with your name in front, the line does not fit the framing " + framer, history,
                new Backpressure(maxQueue, server.writeTimeout()));
        try {
            bus.start(room, console, LanAddresses.hostName());
        } catch (IOException e) {
            System.err.println(spec.name() + ": --bus: " + e.getMessage());
            return 1;
        }
        FloodControl.Limits flood = new FloodControl.Limits(floodLimit, floodBytes);
        WireLog wire = WireLog.of(framing.hexdump(), console, framer);
        MemoryBudget memory = MemoryBudget.of(server.maxMemory(), MEMBER_BYTES);
        AtomicReference<FramedServer> bound = new AtomicReference<>();
        AtomicInteger boundWebPort = new AtomicInteger();
        PeerCheck check = new PeerCheck(framing.framing(), framer, framing.asArguments(), boundWebPort::get);
        FramedServer.Handler handler = polling
                ? new PollChatHandler(room, framer.maxFrameLength(), flood, joinLimit,
                        () -> bound.get().maxConnections(), memory, console, wire, check)
                : new StreamChatHandler(room, flood, wire, check);
        handler = files.serve(room, console, framer, polling, handler); // a transfer's own connection goes to the files
        // Members of a chat room may be quiet for long (CHAT_IDLE_TIMEOUT); a send-and-close
        // connection carries one request, and one that sends nothing is closed after the usual 5m.
        boolean idleGiven = spec.commandLine().getParseResult().hasMatchedOption("--idle-timeout");
        Duration idle = polling && !idleGiven ? Duration.ofMinutes(5) : server.idleTimeout();
        // A person may type one line slowly (telnet sends each key); a trickle still ends after CHAT_FRAME_TIMEOUT.
        Duration frameTimeout = server.frameTimeout();
        String clientCommand = ("chat-client --host HOST --port PORT " + framing.asShortArguments()).strip()
                + (tls == null ? "" : " --tls-fingerprint " + tls.fingerprint());
        FramedServer.Settings settings = new FramedServer.Settings(spec.name(), server.host(), server.port(), framer,
                idle, clientCommand, framing.framing().speaksLines() && tls == null, server.maxConnections(),
                frameTimeout, server.writeTimeout(), server.maxMemory());
        bound.set(new FramedServer(settings, handler, console, memory));
        FramedServer web = webPort == null ? null : new FramedServer(new FramedServer.Settings(spec.name() + "-web",
                server.host(), webPort, WebSocketFramer.server(), idle, null, false, server.maxConnections(),
                frameTimeout, server.writeTimeout(), server.maxMemory()),
                new WebChatHandler(room, flood, framer.maxFrameLength(), wire, headerTimeout, origins), console, memory);
        bound.get().layer(tls);
        if (web != null) {
            web.layer(tls);
        }
        return ServerRunner.run(bound.get(), () -> {
            lan.stopAnnouncing();
            room.shutDown(SHUTDOWN_FLUSH);
            bus.stop();
        }, web, port -> {
            boundWebPort.set(port); // from now on an HTTP request on the chat port is told the page's URL
            WebBanner.print(console, server.host(), port, !noQr, tls == null ? null : tls.fingerprint());
        }, port -> {
            bus.listening(LanAddresses.hostName() + ":" + port);
            lan.announce(console, server.host(), port, framing, tls, boundWebPort.get());
        });
    }
}
