package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Root;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a chat server's announcements travel on a real (virtual) link between two network
 * namespaces: to the multicast group with TTL 1 and to the link's broadcast address, every second
 * for five seconds, then every five; and on a host where multicast is unavailable (it cannot join
 * the group) the client still finds the server by the broadcasts alone.
 */
@Root
@Needs({Capability.NETWORK_NAMESPACES, Capability.PYTHON3})
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LanBroadcastIT {
    private static final String GROUP = "239.255.73.42";
    @RegisterExtension
    static final TwoHosts hosts = new TwoHosts();
    @RegisterExtension
    final Framekit framekit = new Framekit();

    @Test
    void withNoMulticastOnTheClientHostTheClientFindsTheServerByBroadcastAndJoins() throws Exception {
        // The client host may join no multicast group at all: the group's datagrams are dropped there.
        String previous = onClient("sysctl", "-n", "net.ipv4.igmp_max_memberships").strip();
        onClient("sysctl", "-w", "net.ipv4.igmp_max_memberships=0");
        try {
            String joining = onClient(Capability.PYTHON, "-c", String.join("\n",
                    "import socket, struct",
                    "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
                    "try:",
                    "    s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, struct.pack('4s4s',"
                            + " socket.inet_aton('" + GROUP + "'), socket.inet_aton('" + hosts.clientAddress() + "')))",
                    "    print('joined')",
                    "except OSError as e:",
                    "    print('cannot join:', e.strerror)"));
            assertTrue(joining.startsWith("cannot join:"), joining);

            FramekitProcess server = framekit.startPrefixed(hosts.onServer(), "chat-server", "--port", "7342",
                    "--framing", "delimiter", "--delimiter", "#*#").awaitReady();
            server.awaitLine("announced on the LAN");
            FramekitProcess discover = framekit.startPrefixed(hosts.onClient(), "discover");
            assertEquals(0, discover.awaitExit(Duration.ofSeconds(20)), discover.transcript());
            assertEquals(1, discover.stdoutLines().size(), discover.transcript());
            assertTrue(discover.stdoutLines().get(0).startsWith(hosts.serverAddress() + ":7342  "), discover.transcript());

            FramekitProcess alice = framekit.startPrefixed(hosts.onClient(), "chat-client", "--name", "alice");
            alice.awaitStderrLine("^chat-client: joining " + Pattern.quote(hosts.serverAddress()) + ":7342 .*delimiter\\(\"#\\*#\"");
            alice.awaitLine("-- you are now alice");
            server.awaitLine(Pattern.quote(hosts.clientAddress()) + ".* joined as alice");
        } finally {
            onClient("sysctl", "-w", "net.ipv4.igmp_max_memberships=" + previous);
        }
    }

    @Test
    void announcementsGoToTheGroupWithTtl1AndToTheBroadcastAddressEverySecondThenEveryFiveSeconds() throws Exception {
        // A listener on the client host that says, for each announcement, when it came, to which
        // address it was sent (IP_PKTINFO) and with what TTL it arrived (IP_RECVTTL; on one link, as sent).
        List<String> command = new ArrayList<>(hosts.onClient());
        command.addAll(List.of(Capability.PYTHON, "-c", String.join("\n",
                "import socket, struct, time",
                "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
                "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
                "s.bind(('', 7342))",
                "s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, struct.pack('4s4s',"
                        + " socket.inet_aton('" + GROUP + "'), socket.inet_aton('" + hosts.clientAddress() + "')))",
                "s.setsockopt(socket.IPPROTO_IP, 8, 1)  # IP_PKTINFO",
                "s.setsockopt(socket.IPPROTO_IP, 12, 1)  # IP_RECVTTL",
                "print('ready', flush=True)",
                "end = time.monotonic() + 25",
                "while time.monotonic() < end:",
                "    s.settimeout(max(0.01, end - time.monotonic()))",
                "    try:",
                "        data, ancillary, flags, source = s.recvmsg(2048, 256)",
                "    except socket.timeout:",
                "        continue",
                "    if not data.startswith(b'framekit-chat/1'):",
                "        continue",
                "    to = ttl = None",
                "    for level, kind, value in ancillary:",
                "        if level == socket.IPPROTO_IP and kind == 8:",
                "            to = socket.inet_ntoa(value[8:12])",
                "        if level == socket.IPPROTO_IP and kind == 2:",
                "            ttl = struct.unpack('i', value[:4])[0]",
                "    print('%.3f %s %s %s' % (time.monotonic(), to, ttl, source[0]), flush=True)")));
        Process listener = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> heard = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", lines.readLine());
            framekit.startPrefixed(hosts.onServer(), "chat-server", "--port", "7342").awaitReady();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                heard.add(line);
            }
        } finally {
            listener.destroy();
        }
        assertTrue(listener.waitFor(10, TimeUnit.SECONDS));

        List<Double> toGroup = new ArrayList<>();
        int toBroadcast = 0;
        for (String line : heard) {
            String[] fields = line.split(" ");
            assertEquals(4, fields.length, "listener said: " + heard);
            assertEquals(hosts.serverAddress(), fields[3], line);
            if (fields[1].equals(GROUP)) {
                assertEquals("1", fields[2], "a datagram to the group with a TTL other than 1: " + line);
                toGroup.add(Double.parseDouble(fields[0]));
            } else {
                assertEquals(hosts.broadcastAddress(), fields[1], line);
                toBroadcast++;
            }
        }
        // The server starts within 25 s: at least five rounds a second apart, then one five seconds on.
        assertTrue(toGroup.size() >= 6, "heard " + heard);
        for (int round = 1; round < 5; round++) {
            double gap = toGroup.get(round) - toGroup.get(round - 1);
            assertTrue(gap > 0.7 && gap < 2.5, "round " + round + " came " + gap + " s after the one before: " + heard);
        }
        double fifth = toGroup.get(5) - toGroup.get(4);
        assertTrue(fifth > 4.5 && fifth < 7.5, "round 5 came " + fifth + " s after round 4: " + heard);
        assertTrue(toBroadcast >= toGroup.size() - 1, toBroadcast + " broadcasts for " + toGroup.size() + " rounds: " + heard);
    }

    private static String onClient(String... command) throws Exception {
        List<String> full = new ArrayList<>(hosts.onClient());
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), full + " did not end");
        assertEquals(0, process.exitValue(), full + ": " + output);
        return output;
    }
}
