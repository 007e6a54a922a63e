package dev.framekit.demos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The kernel's send queues as {@link TcpSendQueues} reads them, and {@link HalfOpenCheck} leaving
 * a live peer alone. That a half-open peer is closed is shown against the real jar across two
 * network namespaces ({@code HalfOpenMemberIT}).
 */
class HalfOpenCheckTest {
    @Test
    void readsUnacknowledgedBytesAndRetransmissionsOfEachConnectionFromTheKernelsTable() throws Exception {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the sample is a little-endian machine's");
        Map<String, String> wanted = new HashMap<>();
        wanted.put(TcpSendQueues.key(7342, InetAddress.getByName("127.0.0.2"), 54690), "stalled");
        wanted.put(TcpSendQueues.key(7342, InetAddress.getByName("192.168.1.11"), 40000), "mapped");
        wanted.put(TcpSendQueues.key(7342, InetAddress.getByName("10.0.0.1"), 1), "not listed");
        Map<String, TcpSendQueues.SendQueue> parsed = new HashMap<>();
        TcpSendQueues.parse(List.of(
                "   0: 0100007F:1CAE 0200007F:D5A2 01 00000F00:00000000 01:00000032 00000003     0        0 1234 1 0",
                "   1: 00000000000000000000FFFF0100007F:1CAE 0000000000000000FFFF00000B01A8C0:9C40 01 00000000:00000000"
                        + " 00:00000000 00000000     0        0 5678 1 0",
                "   2: 0100007F:1CAE 0300007F:D5A2 01 00000F00:00000000 01:00000032 00000003     0        0 1234 1 0",
                "garbage"), wanted, parsed);
        assertEquals(2, parsed.size(), "the connections asked for, and no other: " + parsed);
        assertEquals(InetAddress.getByName("127.0.0.2"), TcpSendQueues.address("0200007F"));
        assertEquals(InetAddress.getByName("192.168.1.11"), TcpSendQueues.address("0000000000000000FFFF00000B01A8C0"),
                "an IPv4-mapped address is the IPv4 address, as Java reports it");
        assertEquals(new TcpSendQueues.SendQueue(3840, 3), parsed.get("stalled"));
        assertEquals(new TcpSendQueues.SendQueue(0, 0), parsed.get("mapped"));
        assertEquals(Set.of("not listed"), Set.copyOf(wanted.values()));
    }

    @Test
    void aLivePeerThatStopsReadingShowsQueuedBytesWithNoRetransmissionAndIsNotClosed() throws Exception {
        assumeTrue(TcpSendQueues.available(), "Linux's /proc/self/net/tcp");
        try (PeerServerSocket server = new PeerServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    PeerSocket accepted = server.accept()) {
                client.setReceiveBufferSize(4096);
                OutputStream out = accepted.getOutputStream();
                Thread writer = Thread.ofVirtual().start(() -> {
                    try {
                        byte[] chunk = new byte[64 * 1024];
                        while (true) {
                            out.write(chunk); // the client never reads: this blocks once the buffers are full
                        }
                    } catch (Exception closed) {
                        // the test closed the socket
                    }
                });
                TcpSendQueues.SendQueue queue = null;
                for (int i = 0; i < 200 && (queue == null || queue.unacknowledged() == 0); i++) {
                    Thread.sleep(50);
                    queue = TcpSendQueues.of(List.of(accepted)).get(accepted);
                }
                assertNotNull(queue, "the table lists the connection");
                assertTrue(queue.unacknowledged() > 0, "bytes wait in the send queue: " + queue);
                assertEquals(0, queue.retransmissions(), "a live peer acknowledges what arrives");

                HalfOpenCheck check = new HalfOpenCheck(Duration.ofSeconds(1));
                long start = System.nanoTime();
                for (int look = 0; look < 10; look++) {
                    check.check(Set.of(accepted), start + look * Duration.ofSeconds(1).toNanos());
                }
                assertNull(accepted.closedBecause(), "a live peer is the write stall rule's, not this one's");
                accepted.close();
                writer.join();
            }
        }
    }
}
