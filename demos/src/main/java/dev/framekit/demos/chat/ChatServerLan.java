package dev.framekit.demos.chat;

import dev.framekit.demos.console.Console;
import dev.framekit.demos.discovery.Announcement;
import dev.framekit.demos.discovery.Announcer;
import dev.framekit.demos.discovery.DiscoveryOptions;
import dev.framekit.demos.options.Framing;
import dev.framekit.demos.options.FramingOptions;
import dev.framekit.demos.server.LanAddresses;
import dev.framekit.demos.tls.ServerKeyStore;
import dev.framekit.demos.tls.ServerTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code chat-server} does for the LAN beyond listening: announce itself
 * ({@link Announcer}, off with {@code --no-announce}) and serve TLS with a self-signed
 * certificate kept between runs ({@code --tls}).
 */
public final class ChatServerLan {
    @Option(names = "--no-announce", description = "Do not announce the room on the LAN (chat-client and discover"
            + " then find it only by --host).")
    boolean noAnnounce;

    @Option(names = "--tls", description = "Serve TLS on the chat port (and --web-port) with a self-signed certificate,"
            + " made on first run and kept in --tls-keystore; its SHA-256 fingerprint is on the banner and in the"
            + " announcement.")
    boolean tls;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "With --tls: the PKCS#12 file that keeps the key and certificate"
                    + " (default: chat-tls.p12 in the user's framekit config folder, e.g. ~/.config/framekit).")
    Path keystore;

    @Mixin
    DiscoveryOptions discovery;

    private Announcer announcer;

    /**
     * The server's TLS layer, its fingerprint said on the console; null without --tls.
     *
     * @throws IOException saying in one line why the key store cannot be read or made
     */
    ServerTls tls(Console console, String command, Duration handshakeTimeout) throws IOException {
        if (!tls) {
            return null;
        }
        Path file = keystore != null ? keystore : ServerKeyStore.defaultFile();
        boolean[] made = new boolean[1];
        try {
            ServerTls serverTls = ServerTls.of(ServerKeyStore.loadOrMake(file, "framekit chat " + name(),
                    fresh -> made[0] = fresh), handshakeTimeout);
            console.line(command + ": TLS certificate " + (made[0] ? "made and saved in " : "from ") + file);
            console.line("  its SHA-256 fingerprint: " + serverTls.fingerprint());
            return serverTls;
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts announcing the room on {@code port} (unless --no-announce), served with {@code framer}
     * (built from the options {@code framing}); the web page's URL if {@code webPort} > 0.
     */
    void announce(Console console, String host, int port, FramingOptions framing, ServerTls serverTls,
            int webPort) {
        if (noAnnounce) {
            return;
        }
        String scheme = serverTls != null ? "https" : "http";
        String name = name();
        InetAddress boundAddress;
        try {
            boundAddress = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            boundAddress = null;
        }
        String framer = framing.wireFramer(Framing.Side.SERVER).toString();
        announcer = Announcer.start(discovery, boundAddress, framer, address -> Announcement.of(name, port, framing,
                serverTls == null ? null : serverTls.fingerprint(),
                webPort > 0 ? scheme + "://" + webHost(host, address) + ":" + webPort + "/" : null), console);
        console.line("  announced on the LAN (UDP " + DiscoveryOptions.GROUP + ":" + discovery.port()
                + " and broadcast): on another machine, chat-client with no --host joins");
    }

    /** Stops announcing. */
    void stopAnnouncing() {
        if (announcer != null) {
            announcer.close();
        }
    }

    private static String webHost(String host, InetAddress interfaceAddress) {
        try {
            InetAddress bound = InetAddress.getByName(host);
            return bound.isAnyLocalAddress() ? interfaceAddress.getHostAddress() : bound.getHostAddress();
        } catch (UnknownHostException e) {
            return interfaceAddress.getHostAddress();
        }
    }

    /** The room's name on the LAN: the host name, in the letters an announcement carries. */
    static String name() {
        String name = LanAddresses.hostName().replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
        name = name.length() > 63 ? name.substring(0, 63) : name;
        return name.isEmpty() ? "framekit" : name;
    }
}
