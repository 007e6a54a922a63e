package dev.framekit.demos.compare.measure;

import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import io.netty.buffer.ByteBuf;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * A framing with a connection per exchange (send-and-close): every message is its own
 * connection, ended by the sender's half-close ({@code sendLast}). Streaming opens connections
 * back to back without waiting for the receiver (pipelined as far as the accept queue allows);
 * ping-pong is one {@code exchange} per round trip and includes the handshake, which is what
 * this framing costs.
 */
public final class SendAndCloseContender extends FramekitContender {
    /** A contender called {@code name} whose framer, made per message size, carries one message per connection. */
    SendAndCloseContender(String name, IntFunction<Framer> framerForSize) {
        super(name, framerForSize);
    }

    @Override
    public Qualities qualities(int size) {
        return new Qualities(true, false, Sizes.format(framer(size).maxFrameLength()) + " (configurable)",
                "a second message on a connection (each message costs a TCP handshake and teardown)");
    }

    @Override
    public StreamRun stream(Workload workload, Budget budget) throws Exception {
        Framer framer = framer(workload.size());
        try (Loopback loopback = new Loopback()) {
            CompletableFuture<Received> receiver = loopback.start(l -> {
                Tally tally = new Tally(Tally.Mode.MESSAGES);
                long wire = 0;
                Socket next;
                while ((next = l.acceptUntilSenderDone()) != null) {
                    try (Socket socket = next;
                            CountingInputStream counted = new CountingInputStream(socket.getInputStream());
                            FrameReader reader = new FrameReader(counted, framer)) {
                        ByteBuf frame = reader.readFrame();
                        if (frame != null) {
                            Frames.tallyAndRelease(tally, frame);
                        }
                        wire += counted.count();
                    }
                }
                return new Received(tally, wire, System.nanoTime());
            });
            long start = System.nanoTime();
            long sent = budget.send(workload, start, message -> {
                try (FramedConnection connection = FramedConnection.of(loopback.connect(), framer)) {
                    connection.sendLast(message);
                }
            });
            loopback.senderDone(sent);
            return loopback.streamRun(receiver, sent, start);
        }
    }

    @Override
    public LatencyRun pingPong(Workload workload, int roundTrips) throws Exception {
        Framer framer = framer(workload.size());
        try (Loopback loopback = new Loopback()) {
            CompletableFuture<Void> echo = loopback.start(l -> {
                for (int i = 0; i < roundTrips; i++) {
                    try (FramedConnection connection = FramedConnection.of(l.accept(), framer)) {
                        byte[] request = connection.readByteArray();
                        if (request != null) {
                            connection.sendLast(request);
                        }
                    }
                }
                return null;
            });
            long[] times = new long[roundTrips];
            Tally echoed = new Tally(Tally.Mode.MESSAGES);
            byte[] message = workload.newMessageBuffer();
            for (int i = 0; i < roundTrips; i++) {
                workload.stamp(i, message);
                long start = System.nanoTime();
                try (FramedConnection connection = FramedConnection.of(loopback.connect(), framer)) {
                    byte[] reply = connection.exchange(message);
                    times[i] = System.nanoTime() - start;
                    if (reply != null) {
                        echoed.add(reply, 0, reply.length);
                    }
                }
            }
            Loopback.await(echo);
            return new LatencyRun(times, echoed, loopback.accepted());
        }
    }
}
