package dev.framekit.demos.chat.web;

import dev.framekit.demos.server.LanAddresses;
import dev.framekit.framing.websocket.WebSocketHandshake;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The origins a chat page of this server can have, for the WebSocket upgrade's origin check: the
 * web port at the server's own names and addresses, never at whatever name the request's
 * {@code Host} carries. A page from another site that re-points its own name at this server (DNS
 * rebinding) sends {@code Host: evil.example} and {@code Origin: http://evil.example}; trusting
 * the {@code Host} would let it in.
 *
 * <p>Allowed, with {@code http://} or {@code https://} and the web port: {@code localhost}, every
 * address of every interface that is up (loopback, LAN, IPv6 in brackets), the address the
 * connection came in on, and the machine's host name (also with {@code .local}, as mDNS names it);
 * and the origins given with {@code --web-origin} (a name the LAN's DNS gives the machine, a
 * reverse proxy). A request without {@code Origin} is a program, not a page, and is accepted.
 */
public final class PageOrigins {
    private final WebSocketHandshake extra;
    /** The machine's host name and NAME.local, looked up once (slow on some networks); addresses are read per upgrade. */
    private final Set<String> names = names();

    /**
     * @param extra origins allowed besides the server's own, {@code scheme://host[:port]}
     * @throws IllegalArgumentException if one is not of that form, saying which
     */
    public PageOrigins(List<String> extra) {
        WebSocketHandshake handshake = WebSocketHandshake.ownOrigins();
        for (String origin : extra) {
            handshake = handshake.allowOrigin(origin);
        }
        this.extra = handshake;
    }

    /** The handshake for a connection that arrived at {@code local} on {@code port}. */
    WebSocketHandshake handshake(InetAddress local, int port) {
        WebSocketHandshake handshake = extra;
        Set<String> hosts = addresses(local);
        hosts.addAll(names);
        for (String host : hosts) {
            handshake = handshake.allowOrigin("http://" + host + ":" + port).allowOrigin("https://" + host + ":" + port);
        }
        return handshake;
    }

    /** The server's addresses now, and {@code localhost}, as an origin writes them. */
    private static Set<String> addresses(InetAddress local) {
        Set<String> hosts = new TreeSet<>();
        hosts.add("localhost");
        hosts.add(host(local));
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    Collections.list(nic.getInetAddresses()).forEach(address -> hosts.add(host(address)));
                }
            }
        } catch (SocketException e) {
            hosts.add("127.0.0.1"); // no interface list: the loopback at least
        }
        return hosts;
    }

    private static Set<String> names() {
        Set<String> names = new TreeSet<>();
        String name = LanAddresses.hostName().toLowerCase(Locale.ROOT);
        if (!name.equals("unknown") && name.matches("[a-z0-9.-]+")) {
            names.add(name);
            if (!name.contains(".")) {
                names.add(name + ".local");
            }
        }
        return names;
    }

    /** An address as it stands in a URL: IPv4 dotted, IPv6 compressed in brackets without a zone. */
    private static String host(InetAddress address) {
        String text = LanAddresses.text(address);
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }
}
