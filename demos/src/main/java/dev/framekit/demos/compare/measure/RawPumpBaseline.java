package dev.framekit.demos.compare.measure;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * The ceiling and the floor: the same payloads with no framing at all. Streaming writes them
 * back to back through a 64 KiB {@link BufferedOutputStream} and the receiver reads 64 KiB chunks,
 * tallying bytes (it cannot tell messages apart: that is what framing is for). Ping-pong writes
 * one message and the echo side reads exactly that many bytes, because it is told the size.
 */
public final class RawPumpBaseline extends Baseline {
    public static final int CHUNK = 64 * 1024;

    RawPumpBaseline() {
        super(Contenders.RAW);
    }

    @Override
    public Tally.Mode tallyMode() {
        return Tally.Mode.BYTES;
    }

    @Override
    public Qualities qualities(int size) {
        return new Qualities(true, true, "-", "message boundaries (the receiver must know every size)");
    }

    @Override
    public StreamRun stream(Workload workload, Budget budget) throws Exception {
        try (Loopback loopback = new Loopback()) {
            CompletableFuture<Received> receiver = loopback.start(l -> {
                try (Socket socket = l.accept()) {
                    InputStream in = socket.getInputStream();
                    Tally tally = new Tally(Tally.Mode.BYTES);
                    byte[] chunk = new byte[CHUNK];
                    long wire = 0;
                    int n;
                    while ((n = in.read(chunk)) >= 0) {
                        tally.add(chunk, 0, n);
                        wire += n;
                    }
                    return new Received(tally, wire, System.nanoTime());
                }
            });
            try (Socket socket = loopback.connect()) {
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), CHUNK);
                long start = System.nanoTime();
                long sent = budget.send(workload, start, out::write);
                out.flush();
                socket.shutdownOutput();
                return loopback.streamRun(receiver, sent, start);
            }
        }
    }

    @Override
    public LatencyRun pingPong(Workload workload, int roundTrips) throws Exception {
        int size = workload.size();
        try (Loopback loopback = new Loopback()) {
            CompletableFuture<Void> echo = loopback.start(l -> {
                try (Socket socket = l.accept()) {
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    byte[] buffer = new byte[size];
                    while (in.readNBytes(buffer, 0, size) == size) {
                        out.write(buffer);
                    }
                }
                return null;
            });
            long[] times = new long[roundTrips];
            Tally echoed = new Tally(Tally.Mode.MESSAGES);
            try (Socket socket = loopback.connect()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] message = workload.newMessageBuffer();
                byte[] reply = new byte[size];
                for (int i = 0; i < roundTrips; i++) {
                    workload.stamp(i, message);
                    long start = System.nanoTime();
                    out.write(message);
                    int n = in.readNBytes(reply, 0, size);
                    times[i] = System.nanoTime() - start;
                    if (n < size) {
                        break;
                    }
                    echoed.add(reply, 0, size);
                }
                socket.shutdownOutput();
                Loopback.await(echo);
            }
            return new LatencyRun(times, echoed, loopback.accepted());
        }
    }
}
