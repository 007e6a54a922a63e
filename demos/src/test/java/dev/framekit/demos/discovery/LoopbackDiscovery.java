package dev.framekit.demos.discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Discovery kept on this machine's loopback interface: a UDP port of its own per test (so tests
 * and other runs do not hear each other) and {@code --discovery-interface lo}, so no datagram
 * leaves the machine. {@link #works()} says whether multicast works on loopback here.
 */
final class LoopbackDiscovery {
    final int port;

    private LoopbackDiscovery(int port) {
        this.port = port;
    }

    /** Discovery on a free UDP port. */
    static LoopbackDiscovery onAFreePort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            return new LoopbackDiscovery(probe.getLocalPort());
        }
    }

    /** The options that keep a command's discovery here. */
    List<String> options() {
        return List.of("--discovery-interface", loopbackName(), "--discovery-port", Integer.toString(port));
    }

    /** The options after {@code args}. */
    String[] with(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(options());
        return all.toArray(String[]::new);
    }

    /** Sends {@code datagram} to the discovery port on loopback, as a hostile host on the LAN would. */
    void send(String datagram) throws IOException {
        byte[] bytes = datagram.getBytes(StandardCharsets.ISO_8859_1);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
        }
    }

    static String loopbackName() {
        try {
            return NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress()).getName();
        } catch (IOException e) {
            return "lo";
        }
    }

    /** Whether a datagram sent to the group on loopback comes back to a socket joined there. */
    static boolean works() {
        try (MulticastSocket socket = new MulticastSocket(null)) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(0));
            NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
            InetAddress group = InetAddress.getByName(DiscoveryOptions.GROUP);
            socket.joinGroup(new InetSocketAddress(group, 0), loopback);
            socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, loopback);
            socket.setSoTimeout(2000);
            byte[] probe = "probe".getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(probe, probe.length, new InetSocketAddress(group, socket.getLocalPort())));
            DatagramPacket back = new DatagramPacket(new byte[16], 16);
            socket.receive(back);
            return back.getLength() == probe.length;
        } catch (IOException e) {
            return false;
        }
    }
}
