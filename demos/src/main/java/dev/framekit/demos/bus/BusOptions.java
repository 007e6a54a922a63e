package dev.framekit.demos.bus;

import dev.framekit.demos.chat.room.ChatRoom;
import dev.framekit.demos.console.Console;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/**
 * {@code chat-server --bus URL}: the options that join the room to the same room on other chat
 * servers through a NATS server, and what starts that link.
 */
public final class BusOptions {
    @Option(names = "--bus", paramLabel = "URL", split = ",",
            description = "Join the room to the same room on other chat servers through the NATS server at URL, e.g."
                    + " nats://HOST:4222; user and password or token in the URL (nats://USER:PASS@HOST:4222); several URLs"
                    + " (repeated or comma-separated) are one NATS cluster. The NATS server needs JetStream (nats-server -js).")
    List<String> urls = new ArrayList<>();

    @Option(names = "--bus-room", defaultValue = "lobby", paramLabel = "NAME",
            description = "With --bus, the room's name on the bus: servers with the same name share one room"
                    + " (default: ${DEFAULT-VALUE}).")
    String room;

    private NatsBus bus;

    /** Whether --bus was given. */
    public boolean on() {
        return !urls.isEmpty();
    }

    /** Why the options cannot be used, or null. */
    public String problem() {
        if (!room.matches("[A-Za-z0-9_-]{1,64}")) {
            return "--bus-room: " + room + " is not a room name (letters, digits, _ and -, at most 64)";
        }
        for (String url : urls) {
            if (!url.matches("(nats|tls)://.+")) {
                return "--bus: " + redacted(url) + " is not a nats:// URL";
            }
        }
        return null;
    }

    /** {@code deliverable}, and with --bus also no longer than the bus carries ({@link BusCodec#MAX_TEXT}). */
    public Predicate<String> fits(Predicate<String> deliverable) {
        return on() ? deliverable.and(line -> line.length() <= BusCodec.MAX_TEXT / 3
                || line.getBytes(StandardCharsets.UTF_8).length <= BusCodec.MAX_TEXT) : deliverable;
    }

    /**
     * Connects {@code room} to the bus (nothing without --bus), as {@code label} until {@link #listening} says the port.
     *
     * @throws IOException in one line: the NATS server cannot be reached, or has no JetStream
     */
    public void start(ChatRoom room, Console log, String label) throws IOException {
        if (!on()) {
            return;
        }
        String origin = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        bus = new NatsBus(origin, this.room, label, log, room::heard, room::nameLost);
        Options.Builder options = Options.builder().servers(urls.toArray(String[]::new))
                .connectionName("framekit chat-server " + origin).noEcho().maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500)).connectionTimeout(Duration.ofSeconds(5));
        try {
            bus.start(options, "framekit-chat-" + this.room);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting", e);
        } catch (IOException e) {
            throw new IOException(redacted("cannot join the bus at " + String.join(",", urls) + ": " + e.getMessage()), e);
        }
        room.link(bus);
        log.line("  on the bus " + String.join(",", urls.stream().map(BusOptions::redacted).toList()) + " as room "
                + this.room + " (server id " + origin + ")");
    }

    /** The server listens on {@code hostAndPort}: its name in {@code /who}. */
    public void listening(String hostAndPort) {
        if (bus != null) {
            bus.label(hostAndPort);
        }
    }

    /** Says goodbye on the bus and disconnects. */
    public void stop() {
        if (bus != null) {
            bus.close();
        }
    }

    /** {@code url} without its password or token: {@code nats://alice:***@host:4222}. */
    static String redacted(String url) {
        return url.replaceAll("(://[^:/@]*):[^@/]*@", "$1:***@").replaceAll("://([^:/@]+)@", "://***@");
    }
}
