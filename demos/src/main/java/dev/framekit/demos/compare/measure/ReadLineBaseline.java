package dev.framekit.demos.compare.measure;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The classic JDK way to read lines: {@link BufferedReader#readLine()} over an
 * {@link InputStreamReader} (UTF-8, 64 KiB buffer), the sender writing each payload and a
 * {@code \n}. The same bytes on the wire as the delimiter framer with {@code \n}; every line is
 * decoded to a String (and, here, back to bytes for the checksum).
 */
public final class ReadLineBaseline extends Baseline {
    public static final int BUFFER = 64 * 1024;

    ReadLineBaseline() {
        super(Contenders.READ_LINE);
    }

    @Override
    public Qualities qualities(int size) {
        return new Qualities(false, true, "no limit (an endless line exhausts the heap)",
                "\\n or \\r inside a message; bytes that are not UTF-8");
    }

    @Override
    public StreamRun stream(Workload workload, Budget budget) throws Exception {
        try (Loopback loopback = new Loopback()) {
            CompletableFuture<Received> receiver = loopback.start(l -> {
                try (Socket socket = l.accept()) {
                    CountingInputStream counted = new CountingInputStream(socket.getInputStream());
                    BufferedReader in = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8), BUFFER);
                    Tally tally = new Tally(Tally.Mode.MESSAGES);
                    String line;
                    while ((line = in.readLine()) != null) {
                        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                        tally.add(bytes, 0, bytes.length);
                    }
                    return new Received(tally, counted.count(), System.nanoTime());
                }
            });
            try (Socket socket = loopback.connect()) {
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
                long start = System.nanoTime();
                long sent = budget.send(workload, start, message -> {
                    out.write(message);
                    out.write('\n');
                });
                out.flush();
                socket.shutdownOutput();
                return loopback.streamRun(receiver, sent, start);
            }
        }
    }

    @Override
    public LatencyRun pingPong(Workload workload, int roundTrips) throws Exception {
        try (Loopback loopback = new Loopback()) {
            CompletableFuture<Void> echo = loopback.start(l -> {
                try (Socket socket = l.accept()) {
                    BufferedReader in = reader(socket);
                    Writer out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), BUFFER);
                    String line;
                    while ((line = in.readLine()) != null) {
                        out.write(line);
                        out.write('\n');
                        out.flush();
                    }
                }
                return null;
            });
            long[] times = new long[roundTrips];
            Tally echoed = new Tally(Tally.Mode.MESSAGES);
            try (Socket socket = loopback.connect()) {
                BufferedReader in = reader(socket);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
                byte[] message = workload.newMessageBuffer();
                for (int i = 0; i < roundTrips; i++) {
                    workload.stamp(i, message);
                    long start = System.nanoTime();
                    out.write(message);
                    out.write('\n');
                    out.flush();
                    String reply = in.readLine();
                    times[i] = System.nanoTime() - start;
                    if (reply == null) {
                        break;
                    }
                    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
                    echoed.add(bytes, 0, bytes.length);
                }
                socket.shutdownOutput();
                Loopback.await(echo);
            }
            return new LatencyRun(times, echoed, loopback.accepted());
        }
    }

    private static BufferedReader reader(Socket socket) throws java.io.IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), BUFFER);
    }
}
