package dev.framekit.demos.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The kernel's view of each TCP connection's send side, read from Linux's {@code
 * /proc/self/net/tcp} and {@code tcp6} (the process's own network namespace): how many bytes
 * were sent and not yet acknowledged by the peer, and how many retransmission timeouts in a row
 * went unanswered. This is what tells a half-open peer that has been sent something from a live
 * one: TCP keepalive does not probe while data is unacknowledged (the kernel retransmits instead,
 * for about 15 minutes with {@code tcp_retries2} = 15), and the JDK offers no
 * {@code TCP_USER_TIMEOUT} to shorten that. Elsewhere than Linux there is no such table:
 * {@link #of} finds nothing, and the kernel's own timing applies.
 *
 * <pre>
 *   sl  local_address rem_address   st tx_queue rx_queue tr tm-&gt;when retrnsmt ...
 *    0: 0100007F:1CAE 0100007F:D5A2 01 00000F00:00000000 01:00000032 00000003 ...
 *                                      ^ 3,840 bytes unacknowledged   ^ 3 timeouts in a row
 * </pre>
 */
final class TcpSendQueues {
    /** One connection's send side: bytes not acknowledged yet, and unanswered retransmission timeouts in a row. */
    record SendQueue(long unacknowledged, int retransmissions) {}

    private static final List<Path> TABLES = List.of(Path.of("/proc/self/net/tcp"), Path.of("/proc/self/net/tcp6"));

    /**
     * The gaps between a table line's fields, compiled once: {@code String.split("\\s+")} compiles
     * the pattern for every line, and the table lists every socket in the network namespace (an
     * HTTP benchmark's client sockets too), read every half second.
     */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TcpSendQueues() {}

    /** Whether this platform has the table (Linux). */
    static boolean available() {
        return Files.isReadable(TABLES.get(0));
    }

    /**
     * The send queues of those of {@code sockets} the kernel lists now: none where the platform has
     * no table or it cannot be read. Lines of other connections are skipped without keeping them.
     */
    static <S extends Socket> Map<S, SendQueue> of(Collection<S> sockets) {
        Map<String, S> wanted = new HashMap<>();
        for (S socket : sockets) {
            InetAddress remote = socket.getInetAddress();
            if (remote != null) {
                wanted.put(key(socket.getLocalPort(), remote, socket.getPort()), socket);
            }
        }
        Map<S, SendQueue> found = new HashMap<>();
        for (Path table : TABLES) {
            if (wanted.isEmpty()) {
                break;
            }
            try (BufferedReader lines = Files.newBufferedReader(table, StandardCharsets.US_ASCII)) {
                parse(lines.lines().skip(1)::iterator, wanted, found);
            } catch (IOException | RuntimeException e) {
                // No IPv6, or not Linux: what the other table says stands.
            }
        }
        return found;
    }

    /**
     * Adds to {@code found} the send queue of each connection in {@code wanted} (by {@link #key})
     * that one of the table's {@code lines} (its heading left out) lists, and takes it out of
     * {@code wanted}.
     */
    static <S> void parse(Iterable<String> lines, Map<String, S> wanted, Map<S, SendQueue> found) {
        for (String line : lines) {
            String[] fields = WHITESPACE.split(line.trim(), 8);
            if (fields.length < 7) {
                continue;
            }
            try {
                String[] local = fields[1].split(":");
                String[] remote = fields[2].split(":");
                S socket = wanted.remove(key(Integer.parseInt(local[1], 16), address(remote[0]),
                        Integer.parseInt(remote[1], 16)));
                if (socket != null) {
                    String[] queues = fields[4].split(":");
                    found.put(socket, new SendQueue(Long.parseLong(queues[0], 16), Integer.parseInt(fields[6], 16)));
                }
            } catch (RuntimeException | UnknownHostException e) {
                // A line of another form: skip it.
            }
        }
    }

    /**
     * An address as the kernel prints it: 32-bit words in hex, each in the machine's byte order
     * ({@code 0100007F} is 127.0.0.1 on a little-endian machine). An IPv4-mapped IPv6 address
     * comes out as the IPv4 address, as Java reports it.
     */
    static InetAddress address(String hex) throws UnknownHostException {
        byte[] words = HexFormat.of().parseHex(hex);
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            for (int w = 0; w < words.length; w += 4) {
                byte b0 = words[w];
                byte b1 = words[w + 1];
                words[w] = words[w + 3];
                words[w + 1] = words[w + 2];
                words[w + 2] = b1;
                words[w + 3] = b0;
            }
        }
        return InetAddress.getByAddress(words);
    }

    /** How a connection is known in the table: its local port, and the peer's address and port. */
    static String key(int localPort, InetAddress remote, int remotePort) {
        String address = remote.getHostAddress();
        int zone = address.indexOf('%');
        return localPort + " " + (zone < 0 ? address : address.substring(0, zone)) + " " + remotePort;
    }
}
