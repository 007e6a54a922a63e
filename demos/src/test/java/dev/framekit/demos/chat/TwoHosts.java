package dev.framekit.demos.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two test hosts on one machine: two network namespaces joined by a veth pair, with private
 * addresses of their own ({@code 10.213.N.1} and {@code 10.213.N.2}). Needs root and iproute2
 * ({@code @Needs(Capability.NETWORK_NAMESPACES)} on the test). Closing removes both namespaces
 * (and with them the veth pair).
 *
 * <p>For a test class whose tests share the hosts, register it as an extension on a static field,
 * {@code @RegisterExtension static final TwoHosts hosts = new TwoHosts();}: the hosts are made
 * before the first test and removed after the last. {@link #create()} makes a pair at once.
 */
final class TwoHosts implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private final String server;
    private final String client;
    private final String serverAddress;
    private final String clientAddress;
    private final String serverEnd;
    private final String clientEnd;

    /** Two hosts named after this process, so parallel runs do not collide; made by {@link #beforeAll} or {@link #create()}. */
    TwoHosts() {
        long pid = ProcessHandle.current().pid();
        int subnet = (int) (pid % 250) + 1;
        String tag = Long.toString(pid % 100_000);
        this.server = "fk-srv-" + tag;
        this.client = "fk-cli-" + tag;
        this.serverAddress = "10.213." + subnet + ".1";
        this.clientAddress = "10.213." + subnet + ".2";
        this.serverEnd = "fks" + tag;
        this.clientEnd = "fkc" + tag;
    }

    /** Creates the two hosts now. */
    static TwoHosts create() throws IOException {
        TwoHosts hosts = new TwoHosts();
        hosts.make();
        return hosts;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        make();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Makes the namespaces and the link between them, first removing any a killed run left. */
    private void make() throws IOException {
        close();
        try {
            run(List.of("ip", "netns", "add", server));
            run(List.of("ip", "netns", "add", client));
            run(List.of("ip", "link", "add", serverEnd, "type", "veth", "peer", "name", clientEnd));
            run(List.of("ip", "link", "set", serverEnd, "netns", server));
            run(List.of("ip", "link", "set", clientEnd, "netns", client));
            configure(server, serverEnd, serverAddress);
            configure(client, clientEnd, clientAddress);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** The server host's address, as the client host reaches it. */
    String serverAddress() {
        return serverAddress;
    }

    /** The client host's address. */
    String clientAddress() {
        return clientAddress;
    }

    /** The command prefix that runs a program on the server host. */
    List<String> onServer() {
        return List.of("ip", "netns", "exec", server);
    }

    /** The command prefix that runs a program on the client host. */
    List<String> onClient() {
        return List.of("ip", "netns", "exec", client);
    }

    /**
     * Cuts the link the way a pulled cable or a machine that lost power does: the client host's
     * end goes down, so from then on nothing passes either way and neither side is told (no FIN
     * or RST can reach the server).
     */
    void cutLink() throws IOException {
        run(List.of("ip", "-n", client, "link", "set", clientEnd, "down"));
    }

    @Override
    public void close() {
        for (String namespace : List.of(server, client)) {
            try {
                run(List.of("ip", "netns", "del", namespace));
            } catch (IOException absent) {
                // Not there: nothing to remove.
            }
        }
    }

    /**
     * Gives {@code device} its address with the subnet's broadcast address (LAN discovery's
     * fallback) and a default route over the link, as a host on a LAN has (multicast follows it).
     */
    private static void configure(String namespace, String device, String address) throws IOException {
        run(List.of("ip", "-n", namespace, "addr", "add", address + "/24", "brd", "+", "dev", device));
        run(List.of("ip", "-n", namespace, "link", "set", device, "up"));
        run(List.of("ip", "-n", namespace, "link", "set", "lo", "up"));
        run(List.of("ip", "-n", namespace, "route", "add", "default", "dev", device));
    }

    /** The subnet's broadcast address, where a host on the link broadcasts. */
    String broadcastAddress() {
        return serverAddress.substring(0, serverAddress.lastIndexOf('.')) + ".255";
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
