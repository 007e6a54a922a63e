package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The LAN addresses a banner shows: IPv6 written compressed, the most likely address first. */
class LanAddressesTest {
    @Test
    void ipv6IsWrittenCompressedAsRfc5952Says() throws Exception {
        assertEquals("2001:db8::1", LanAddresses.compress("2001:db8:0:0:0:0:0:1"));
        assertEquals("fd00::2", LanAddresses.compress("fd00:0:0:0:0:0:0:2"));
        assertEquals("2001:db8:0:1:1:1:1:1", LanAddresses.compress("2001:0db8:0000:0001:0001:0001:0001:0001"),
                "a single zero group stays");
        assertEquals("2001:db8::1:0:0:1", LanAddresses.compress("2001:db8:0:0:1:0:0:1"), "the first of two equal runs");
        assertEquals("2001:0:0:1::1", LanAddresses.compress("2001:0:0:1:0:0:0:1"), "the longest run");
        assertEquals("2001:db8::1", LanAddresses.text(InetAddress.getByName("2001:db8:0:0:0:0:0:1")), "as the banner prints it");
        assertEquals("192.168.1.20", LanAddresses.text(InetAddress.getByName("192.168.1.20")));
    }

    @Test
    void thePrivateIpv4AddressOfARealInterfaceComesFirst() {
        List<LanAddresses.Entry> found = List.of(
                new LanAddresses.Entry("2001:db8::7", "eth0"),
                new LanAddresses.Entry("172.17.0.1", "docker0"),
                new LanAddresses.Entry("100.101.102.103", "tailscale0"),
                new LanAddresses.Entry("203.0.113.9", "eth1"),
                new LanAddresses.Entry("192.168.1.20", "wlan0"),
                new LanAddresses.Entry("fd00::2", "docker0"));
        assertEquals(List.of("192.168.1.20", "203.0.113.9", "172.17.0.1", "100.101.102.103", "2001:db8::7", "fd00::2"),
                LanAddresses.ranked(found).stream().map(LanAddresses.Entry::address).toList());
    }
}
