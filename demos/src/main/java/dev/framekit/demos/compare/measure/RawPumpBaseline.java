package dev.framekit.demos.compare.measure;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * The ceiling and the floor: the same payloads with no framing at all, moved the fastest honest
 * way. Streaming copies them back to back into one {@value #CHUNK}-byte array and hands each full
 * array to the socket in one write call (every write but the last is exactly {@value #CHUNK}
 * bytes; a payload as large as the array goes straight to the socket, uncopied); the receiver reads {@value #CHUNK}-byte chunks and tallies bytes (it cannot
 * tell messages apart: that is what framing is for). Ping-pong writes one message and the echo
 * side reads exactly that many bytes, because it is told the size.
 *
 * <p>It used to write through a {@link java.io.BufferedOutputStream}, whose every {@code write}
 * takes a lock and which sends its buffer as soon as the next message does not fit (a 63 KiB
 * write, then a 1 KiB one, and so on); the framers' writer batches more cheaply, so at 1 KiB the
 * "ceiling" was beaten. A contender that beats this one now means a measurement is wrong, and
 * compare says so.
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
                Batch batch = new Batch(socket.getOutputStream());
                long start = System.nanoTime();
                long sent = budget.send(workload, start, batch::write);
                batch.flush();
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

    /** Payloads copied back to back into one array (split across two if need be), written with one call when it is full. */
    private static final class Batch {
        private final OutputStream out;
        private final byte[] bytes = new byte[CHUNK];
        private int length;

        Batch(OutputStream out) {
            this.out = out;
        }

        void write(byte[] message) throws java.io.IOException {
            if (length == 0 && message.length >= CHUNK) {
                out.write(message);
                return;
            }
            for (int offset = 0; offset < message.length; ) {
                int n = Math.min(CHUNK - length, message.length - offset);
                System.arraycopy(message, offset, bytes, length, n);
                length += n;
                offset += n;
                if (length == CHUNK) {
                    flush();
                }
            }
        }

        void flush() throws java.io.IOException {
            if (length > 0) {
                out.write(bytes, 0, length);
                length = 0;
            }
        }
    }
}
