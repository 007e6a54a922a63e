package dev.framekit.demos.compare.measure;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * The classic JDK length prefix: {@code DataOutputStream.writeInt} + {@code write} over a 64 KiB
 * {@link BufferedOutputStream}, read back with {@code readInt} and {@code readFully} into a new
 * array, over a 64 KiB {@link BufferedInputStream}. Same bytes on the wire as the length framer,
 * with no maximum frame length (a hostile 0xFFFFFFFF header is a 2 GiB allocation, or worse).
 */
public final class DataStreamBaseline extends Baseline {
    public static final int BUFFER = 64 * 1024;

    DataStreamBaseline() {
        super(Contenders.DATA_STREAM);
    }

    @Override
    public Qualities qualities(int size) {
        return new Qualities(true, true, "2 GiB (no limit: a bad header allocates it)", "-");
    }

    @Override
    public StreamRun stream(Workload workload, Budget budget) throws Exception {
        try (Loopback loopback = new Loopback()) {
            CompletableFuture<Received> receiver = loopback.start(l -> {
                try (Socket socket = l.accept()) {
                    CountingInputStream counted = new CountingInputStream(socket.getInputStream());
                    DataInputStream in = new DataInputStream(new BufferedInputStream(counted, BUFFER));
                    Tally tally = new Tally(Tally.Mode.MESSAGES);
                    while (true) {
                        byte[] message;
                        try {
                            message = new byte[in.readInt()];
                        } catch (EOFException end) {
                            break;
                        }
                        in.readFully(message);
                        tally.add(message, 0, message.length);
                    }
                    return new Received(tally, counted.count(), System.nanoTime());
                }
            });
            try (Socket socket = loopback.connect()) {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), BUFFER));
                long start = System.nanoTime();
                long sent = budget.send(workload, start, message -> {
                    out.writeInt(message.length);
                    out.write(message);
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
                    DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER));
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), BUFFER));
                    while (true) {
                        byte[] message;
                        try {
                            message = new byte[in.readInt()];
                        } catch (EOFException end) {
                            return null;
                        }
                        in.readFully(message);
                        out.writeInt(message.length);
                        out.write(message);
                        out.flush();
                    }
                }
            });
            long[] times = new long[roundTrips];
            Tally echoed = new Tally(Tally.Mode.MESSAGES);
            try (Socket socket = loopback.connect()) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), BUFFER));
                byte[] message = workload.newMessageBuffer();
                for (int i = 0; i < roundTrips; i++) {
                    workload.stamp(i, message);
                    long start = System.nanoTime();
                    out.writeInt(message.length);
                    out.write(message);
                    out.flush();
                    byte[] reply = new byte[in.readInt()];
                    in.readFully(reply);
                    times[i] = System.nanoTime() - start;
                    echoed.add(reply, 0, reply.length);
                }
                socket.shutdownOutput();
                Loopback.await(echo);
            }
            return new LatencyRun(times, echoed, loopback.accepted());
        }
    }
}
