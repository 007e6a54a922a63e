package dev.framekit.demos.discovery;

import dev.framekit.demos.options.Ports;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where announcements travel: the UDP port, and the interfaces (every one that is up and not
 * loopback, or the one {@code --discovery-interface} names). The multicast group is
 * {@value #GROUP}, in the administratively scoped block that routers keep inside a site, and
 * datagrams go out with TTL 1, so nothing leaves the LAN.
 */
public final class DiscoveryOptions {
    /** The multicast group announcements are sent to (RFC 2365 administratively scoped). */
    public static final String GROUP = "239.255.73.42";

    /** The UDP port announcements are sent to unless --discovery-port says otherwise. */
    public static final int DEFAULT_PORT = 7342;

    @Option(names = "--discovery-port", defaultValue = "" + DEFAULT_PORT, paramLabel = "PORT",
            converter = Ports.Connect.class,
            description = "UDP port of the LAN announcements (multicast group " + GROUP + ", broadcast fallback)"
                    + " (default: ${DEFAULT-VALUE}).")
    int port = DEFAULT_PORT;

    @Option(names = "--discovery-interface", paramLabel = "NAME",
            description = "Announce and listen on this network interface only, e.g. eth0 or lo"
                    + " (default: every interface that is up, loopback excepted).")
    String interfaceName;

    /** The UDP port announcements travel on. */
    public int port() {
        return port;
    }

    /** The multicast group. */
    static InetAddress group() {
        try {
            return InetAddress.getByName(GROUP);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An interface announcements travel on, with its IPv4 address and (if it has one) broadcast address. */
    record Lan(NetworkInterface nic, InetAddress address, InetAddress broadcast) {}

    /**
     * The interfaces to announce and listen on, as they are now (interfaces come and go): each
     * that is up and has an IPv4 address, loopback only when named.
     *
     * @throws SocketException if the interfaces cannot be listed, or the named one is not there
     */
    List<Lan> interfaces() throws SocketException {
        return interfaces(null);
    }

    /**
     * Like {@link #interfaces()}, for a server bound to {@code bound}: a server that listens on
     * one address (say {@code --host 127.0.0.1}) announces only on the interface that has it,
     * loopback included, since only there can it be reached; null or the wildcard for every one.
     */
    List<Lan> interfaces(InetAddress bound) throws SocketException {
        boolean one = bound != null && !bound.isAnyLocalAddress();
        List<Lan> found = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            boolean named = nic.getName().equals(interfaceName);
            if (interfaceName != null ? !named
                    : one ? !Collections.list(nic.getInetAddresses()).contains(bound)
                    : (!nic.isUp() || nic.isLoopback())) {
                continue;
            }
            for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                if (address.getAddress() instanceof Inet4Address) {
                    found.add(new Lan(nic, address.getAddress(), address.getBroadcast()));
                    break;
                }
            }
        }
        if (interfaceName != null && found.isEmpty()) {
            throw new SocketException("--discovery-interface " + interfaceName
                    + ": no such interface with an IPv4 address");
        }
        return found;
    }
}
