package dev.framekit.demos.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The machine's addresses that a second machine on the LAN could connect to. */
public final class LanAddresses {
    private LanAddresses() {}

    /** One address with the interface that carries it. */
    public record Entry(String address, String interfaceName) {}

    /** Up, non-loopback IPv4 addresses first, then IPv6 (link-local excluded). */
    public static List<Entry> find() {
        List<Entry> v4 = new ArrayList<>();
        List<Entry> v6 = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                        continue;
                    }
                    String text = address.getHostAddress();
                    int zone = text.indexOf('%');
                    Entry entry = new Entry(zone < 0 ? text : text.substring(0, zone), nic.getName());
                    (address instanceof Inet4Address ? v4 : v6).add(entry);
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        v4.addAll(v6);
        return v4;
    }

    /** The machine's host name, or "unknown". */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
