package dev.framekit.demos.discovery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;

/** The socket that hears datagrams on the discovery port: the group's on each chosen interface, and broadcasts. */
final class Channels {
    private Channels() {}

    /**
     * A socket bound to the discovery port on every address, sharing it with other listeners on
     * this machine (SO_REUSEADDR: every one of them gets each multicast and broadcast datagram),
     * joined to the group on each of {@code lans} where it can be. An interface (or a host) that
     * cannot join the group (no multicast, or no group memberships left) still hears broadcasts,
     * the fallback every announcement and query is also sent by: a failure to join is not one to
     * listen.
     */
    static MulticastSocket listening(DiscoveryOptions options, java.util.List<DiscoveryOptions.Lan> lans) throws IOException {
        MulticastSocket socket = new MulticastSocket(null);
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(options.port()));
            for (DiscoveryOptions.Lan lan : lans) {
                try {
                    socket.joinGroup(new InetSocketAddress(DiscoveryOptions.group(), 0), lan.nic());
                } catch (IOException e) {
                    // broadcasts still arrive on this interface
                }
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
