package dev.framekit.demos.load;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a load run may go: this machine (loopback), or a private address such as the network
 * namespaces the project's tests make (10.x, 172.16-31.x, 192.168.x, fc00::/7, link-local).
 * A load tool opens thousands of connections; pointed at someone else's server it is an attack,
 * so it refuses public addresses.
 */
final class Targets {
    private Targets() {}

    /**
     * Resolves {@code host} and returns its address if a load run may go there.
     *
     * @throws IllegalArgumentException naming the address, if it is public
     * @throws UnknownHostException if the name does not resolve
     */
    static InetAddress allowed(String host) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(host);
        if (isAllowed(address)) {
            return address;
        }
        throw new IllegalArgumentException("--host " + host + " (" + address.getHostAddress() + ") is not this machine "
                + "or a private address; load runs only against loopback or private test networks");
    }

    static boolean isAllowed(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()) {
            return true;
        }
        if (address instanceof Inet6Address) {
            return (address.getAddress()[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
