package dev.framekit.demos.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The kernel's view of a server's sockets under test, through {@code ss} (tests that use it need {@code Capability.SS}). */
public final class SocketStates {
    private SocketStates() {}

    /**
     * The {@code ss} lines of sockets on local {@code port} in FIN-WAIT-1 with bytes still in their
     * send queue: a peer closed with a FIN while it was not reading, whose bytes the kernel keeps.
     */
    public static List<String> finWait1WithBytesQueued(int port) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-tn", "state", "fin-wait-1", "sport", "=", ":" + port)
                .redirectErrorStream(true).start();
        String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ss.waitFor(10, TimeUnit.SECONDS), "ss did not finish");
        assertEquals(0, ss.exitValue(), output);
        // Columns without the state: Recv-Q Send-Q Local:Port Peer:Port.
        return output.lines().skip(1).filter(line -> {
            String[] columns = line.trim().split("\\s+");
            return columns.length >= 2 && columns[1].matches("\\d+") && Long.parseLong(columns[1]) > 0;
        }).toList();
    }

    /**
     * Reads what the server sent until the connection ends: {@code reset} if a read failed with a
     * reset, or how else it ended (end of stream, or nothing more for 10 s).
     */
    public static String readUntilTheEnd(Socket peer) throws IOException {
        peer.setSoTimeout(10_000);
        InputStream in = peer.getInputStream();
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = in.read(sink)) >= 0) {
                total += n;
            }
            return "end of stream after " + total + " bytes";
        } catch (SocketTimeoutException e) {
            return "stalled after " + total + " bytes";
        } catch (SocketException e) {
            return String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("reset") ? "reset" : e.toString();
        }
    }
}
