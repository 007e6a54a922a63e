package dev.framekit.demos.compare.measure;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * The ceiling and the floor: the same payloads with no framing at all, moved the fastest honest
 * way Java has. Streaming copies them back to back into one {@value #CHUNK}-byte direct buffer
 * and hands each full buffer to a {@link SocketChannel} (every write but the last is exactly
 * {@value #CHUNK} bytes); the receiver reads {@value #CHUNK}-byte chunks into a direct buffer
 * and checksums them there, tallying bytes (it cannot tell messages apart: that is what framing
 * is for). Ping-pong writes one message from a direct buffer and the echo side reads exactly
 * that many bytes into one, because it is told the size, and writes them back from there.
 *
 * <p>It used to write through a {@link java.io.BufferedOutputStream}, whose every {@code write}
 * takes a lock and which sends its buffer as soon as the next message does not fit; framekit's
 * writer batched more cheaply, so at 1 KiB the "ceiling" was beaten. A socket's streams also copy
 * every byte through a temporary direct buffer on each side, which Netty's direct buffers do not:
 * with streams Netty beat the ceiling at 64 KiB, and the tuned Netty rows (void promises, direct
 * buffers) beat the floor there too until the ping-pong moved to channels. Channels and direct
 * buffers make no such copy. A contender that beats this one now means a measurement is wrong,
 * and compare says so.
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
        try (Loopback loopback = Loopback.ofChannels()) {
            CompletableFuture<Received> receiver = loopback.start(l -> {
                try (Socket socket = l.accept(); SocketChannel channel = socket.getChannel()) {
                    Tally tally = new Tally(Tally.Mode.BYTES);
                    ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
                    long wire = 0;
                    int n;
                    while ((n = channel.read(chunk)) >= 0) {
                        chunk.flip();
                        tally.add(chunk);
                        wire += n;
                        chunk.clear();
                    }
                    return new Received(tally, wire, System.nanoTime());
                }
            });
            try (SocketChannel channel = loopback.connectChannel()) {
                Batch batch = new Batch(channel);
                long start = System.nanoTime();
                long sent = budget.send(workload, start, batch::write);
                batch.flush();
                channel.shutdownOutput();
                return loopback.streamRun(receiver, sent, start);
            }
        }
    }

    @Override
    public LatencyRun pingPong(Workload workload, int roundTrips) throws Exception {
        int size = workload.size();
        try (Loopback loopback = Loopback.ofChannels()) {
            CompletableFuture<Void> echo = loopback.start(l -> {
                try (Socket socket = l.accept(); SocketChannel channel = socket.getChannel()) {
                    ByteBuffer buffer = ByteBuffer.allocateDirect(size);
                    while (readFully(channel, buffer.clear())) {
                        writeFully(channel, buffer.flip());
                    }
                }
                return null;
            });
            long[] times = new long[roundTrips];
            Tally echoed = new Tally(Tally.Mode.MESSAGES);
            try (SocketChannel channel = loopback.connectChannel()) {
                byte[] message = workload.newMessageBuffer();
                ByteBuffer out = ByteBuffer.allocateDirect(size);
                ByteBuffer reply = ByteBuffer.allocateDirect(size);
                for (int i = 0; i < roundTrips; i++) {
                    workload.stamp(i, message);
                    long start = System.nanoTime();
                    writeFully(channel, out.clear().put(message).flip());
                    boolean whole = readFully(channel, reply.clear());
                    times[i] = System.nanoTime() - start;
                    if (!whole) {
                        break;
                    }
                    echoed.add(reply.flip());
                }
                channel.shutdownOutput();
                Loopback.await(echo);
            }
            return new LatencyRun(times, echoed, loopback.accepted());
        }
    }

    /** Fills {@code buffer}; false if the stream ended first. */
    private static boolean readFully(SocketChannel channel, ByteBuffer buffer) throws java.io.IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws java.io.IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Payloads copied back to back into one direct buffer (split across two if need be), written when it is full. */
    private static final class Batch {
        private final SocketChannel channel;
        private final ByteBuffer bytes = ByteBuffer.allocateDirect(CHUNK);

        Batch(SocketChannel channel) {
            this.channel = channel;
        }

        void write(byte[] message) throws java.io.IOException {
            for (int offset = 0; offset < message.length; ) {
                int n = Math.min(bytes.remaining(), message.length - offset);
                bytes.put(message, offset, n);
                offset += n;
                if (!bytes.hasRemaining()) {
                    flush();
                }
            }
        }

        void flush() throws java.io.IOException {
            bytes.flip();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            bytes.clear();
        }
    }
}
