package dev.framekit.demos.discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listens for chat servers' announcements for a while: asks every server to announce itself at
 * once ({@link AnnouncementCodec#QUERY}, again every {@link #QUERY_PERIOD} in case a datagram is
 * lost), and keeps each server heard once, by its address and port. A datagram that is not a
 * valid announcement is ignored and counted by kind; nothing a datagram holds can end the wait early
 * or throw.
 */
public final class Listener {
    static final Duration QUERY_PERIOD = Duration.ofMillis(700);

    private Listener() {}

    /** A server heard: the datagram's source address, and what it announced. */
    public record Server(InetAddress address, Announcement announcement) {
        /** {@code 192.168.1.20:7342}: where to connect. */
        public String where() {
            return address.getHostAddress() + ":" + announcement.port();
        }
    }

    /**
     * What was heard.
     *
     * @param servers every server heard, in the order first heard
     * @param ignored how many datagrams were ignored, by why
     */
    public record Heard(List<Server> servers, Map<MalformedAnnouncementException.Kind, Integer> ignored) {
        /** How many datagrams were ignored in all. */
        public int ignoredCount() {
            return ignored.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Listens for {@code wait}.
     *
     * @throws IOException if the discovery port cannot be listened on
     */
    public static Heard listen(DiscoveryOptions options, Duration wait) throws IOException {
        Map<String, Server> servers = new LinkedHashMap<>();
        Map<MalformedAnnouncementException.Kind, Integer> ignored = new EnumMap<>(MalformedAnnouncementException.Kind.class);
        byte[] query = AnnouncementCodec.QUERY.getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[AnnouncementCodec.MAX_BYTES * 2];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try (MulticastSocket socket = Channels.listening(options, options.interfaces())) {
            socket.setTimeToLive(1);
            socket.setBroadcast(true);
            long deadline = System.nanoTime() + wait.toNanos();
            long nextQuery = System.nanoTime();
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    break;
                }
                if (now >= nextQuery) {
                    ask(socket, options, query);
                    nextQuery = now + QUERY_PERIOD.toNanos();
                }
                socket.setSoTimeout((int) (Math.max(1, Math.min(deadline, nextQuery) - now) / 1_000_000 + 1));
                try {
                    packet.setLength(buffer.length);
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (Arrays.equals(buffer, 0, packet.getLength(), query, 0, query.length)) {
                    continue; // a client's query, maybe our own
                }
                try {
                    Announcement announcement = AnnouncementCodec.decode(buffer, packet.getLength());
                    Server server = new Server(packet.getAddress(), announcement);
                    servers.put(server.where(), server);
                } catch (MalformedAnnouncementException e) {
                    ignored.merge(e.kind(), 1, Integer::sum);
                }
            }
        }
        return new Heard(new ArrayList<>(servers.values()), ignored);
    }

    /** Sends the query to the group and each broadcast address; a failure on one interface leaves the others. */
    private static void ask(MulticastSocket socket, DiscoveryOptions options, byte[] query) {
        try {
            for (DiscoveryOptions.Lan lan : options.interfaces()) {
                try {
                    socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, lan.nic());
                    socket.send(new DatagramPacket(query, query.length,
                            new InetSocketAddress(DiscoveryOptions.group(), options.port())));
                    if (lan.broadcast() != null) {
                        socket.send(new DatagramPacket(query, query.length,
                                new InetSocketAddress(lan.broadcast(), options.port())));
                    }
                } catch (IOException e) {
                    // Announcements still arrive on their own schedule.
                }
            }
        } catch (IOException e) {
            // No interfaces to ask on: listen anyway.
        }
    }
}
