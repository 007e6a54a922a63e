package dev.framekit.demos.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** The machine's addresses that a second machine on the LAN could connect to. */
public final class LanAddresses {
    /** Interfaces that containers, VMs and VPNs add: a second machine on the LAN rarely reaches them. */
    private static final Pattern VIRTUAL = Pattern.compile(
            "(docker|br-|veth|virbr|vmnet|vboxnet|vnet|tun|tap|tailscale|zt|wg|lxc|lxd|cni|flannel|cali|podman|utun).*");

    private LanAddresses() {}

    /** One address with the interface that carries it; IPv6 written compressed ({@code fd00::2}). */
    public record Entry(String address, String interfaceName) {
        boolean ipv4() {
            return !address.contains(":");
        }

        /** 10/8, 172.16/12 or 192.168/16: the addresses home and office LANs hand out. */
        boolean privateIpv4() {
            if (!ipv4()) {
                return false;
            }
            String[] parts = address.split("\\.");
            int a = Integer.parseInt(parts[0]);
            int b = Integer.parseInt(parts[1]);
            return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
        }

        boolean virtualInterface() {
            return VIRTUAL.matcher(interfaceName).matches();
        }
    }

    /**
     * Up, non-loopback addresses (link-local excluded), the most likely to reach from a second
     * machine on the LAN first (see {@link #ranked}).
     */
    public static List<Entry> find() {
        List<Entry> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                        continue;
                    }
                    found.add(new Entry(text(address), nic.getName()));
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        return ranked(found);
    }

    /**
     * {@code entries} in the order a second machine on the LAN most likely reaches them: private
     * IPv4 addresses on real interfaces, other IPv4 on real interfaces, IPv4 on container, VM and
     * VPN interfaces, then IPv6 (real interfaces first); in their own order within each.
     */
    static List<Entry> ranked(List<Entry> entries) {
        List<Entry> ranked = new ArrayList<>(entries);
        ranked.sort(Comparator.comparingInt(LanAddresses::rank));
        return ranked;
    }

    private static int rank(Entry entry) {
        int family = entry.ipv4() ? 0 : 3;
        if (entry.virtualInterface()) {
            return family + 2;
        }
        return family + (entry.privateIpv4() ? 0 : 1);
    }

    /** The address as people write it: IPv4 dotted, IPv6 compressed (RFC 5952) without a zone. */
    public static String text(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        text = zone < 0 ? text : text.substring(0, zone);
        return address instanceof Inet6Address ? compress(text) : text;
    }

    /**
     * An IPv6 address in RFC 5952 form: lower case, no leading zeros, the longest run of two or
     * more zero groups (the first of equal runs) as {@code ::}. {@code 2001:db8:0:0:0:0:0:1}
     * becomes {@code 2001:db8::1}.
     */
    static String compress(String ipv6) {
        if (ipv6.contains("::") || ipv6.contains(".")) {
            return ipv6.toLowerCase(java.util.Locale.ROOT);
        }
        String[] groups = ipv6.split(":");
        if (groups.length != 8) {
            return ipv6;
        }
        for (int i = 0; i < groups.length; i++) {
            groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16));
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            if (!groups[i].equals("0")) {
                i++;
                continue;
            }
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
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
