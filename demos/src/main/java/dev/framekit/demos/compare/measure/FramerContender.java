package dev.framekit.demos.compare.measure;

import dev.framekit.framing.ChunkedFramer;
import dev.framekit.framing.DelimiterFramer;
import dev.framekit.framing.FixedLengthFramer;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.FrameVisitor;
import dev.framekit.framing.FrameWriter;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.NetstringFramer;
import dev.framekit.framing.websocket.WebSocketFramer;
import io.netty.buffer.ByteBuf;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * A framekit framer on a persistent connection: {@link FrameWriter#write} batches frames from one
 * refilled send buffer, no object per message (the writer drains at 64 KiB, and once at the end;
 * over a socket channel, so a large payload leaves with its header in one gathering write), and
 * {@link FrameReader#readEach} lends the other end every buffered frame without a slice, over the
 * socket as a server's connections read (so between frames it waits with its buffer as they do).
 * The framer is made per message size, e.g. a fixed frame as large as the message, and per end
 * where the two differ (a WebSocket client masks what it sends, the server does not).
 */
public final class FramerContender extends FramekitContender {
    public FramerContender(String name, IntFunction<Framer> framerForSize) {
        super(name, framerForSize);
    }

    /** A framer whose accepting end follows another rule than its connecting end (WebSocket's). */
    public FramerContender(String name, IntFunction<Framer> framerForSize, IntFunction<Framer> serverFramerForSize) {
        super(name, framerForSize, serverFramerForSize);
    }

    @Override
    public Qualities qualities(int size) {
        Framer framer = framer(size);
        String largest = Sizes.format(framer.maxFrameLength());
        if (framer instanceof FixedLengthFramer fixed) {
            return new Qualities(false, true, largest + " (the frame size)",
                    "more than the frame size; a message ending in the pad byte " + String.format("0x%02x", fixed.padByte()));
        }
        if (framer instanceof DelimiterFramer delimited) {
            return new Qualities(false, true, largest + " (configurable)", "the delimiter "
                    + io.netty.buffer.ByteBufUtil.hexDump(delimited.delimiter()) + " inside a message");
        }
        if (framer instanceof LengthPrefixFramer lengths) {
            long capacity = lengths.lengthField().maxValue() + lengths.lengthAdjustment();
            return new Qualities(true, true, largest + (capacity == lengths.maxFrameLength()
                    ? " (the " + lengths.lengthField() + " field's capacity)" : " (configurable up to 1 GiB)"), "-");
        }
        if (framer instanceof NetstringFramer || framer instanceof WebSocketFramer) {
            return new Qualities(true, true, largest + " (configurable up to 1 GiB)", "-");
        }
        if (framer instanceof ChunkedFramer) {
            return new Qualities(true, true, largest + " (configurable up to 1 GiB)",
                    "the empty message (a chunk of size 0 is the last chunk)");
        }
        return switch (name()) {
            case "cobs" -> new Qualities(true, true, largest + " (configurable up to 1 GiB)", "-");
            case "slip" -> new Qualities(true, true, largest + " (configurable up to 1 GiB)",
                    "the empty message (receivers skip empty frames)");
            case "json" -> new Qualities(false, true, largest + " (configurable up to 1 GiB)",
                    "anything but one JSON object or array; nesting over 128 levels");
            case "json-seq" -> new Qualities(false, true, largest + " (configurable up to 1 GiB)",
                    "anything but one JSON text; a record separator, or a line feed after its value");
            default -> new Qualities(true, true, largest, "?");
        };
    }

    @Override
    public StreamRun stream(Workload workload, Budget budget) throws Exception {
        Framer framer = framer(workload.size());
        Framer receiving = serverFramer(workload.size());
        try (Loopback loopback = new Loopback()) {
            CompletableFuture<Received> receiver = loopback.start(l -> receive(l, receiving));
            try (Socket socket = loopback.connectChannel().socket()) {
                FrameWriter writer = FrameWriter.over(socket, framer); // large payloads: one gathering write
                long start = System.nanoTime();
                long sent = budget.send(workload, start, writer::write);
                writer.flush();
                socket.shutdownOutput();
                return loopback.streamRun(receiver, sent, start);
            }
        }
    }

    /** The receiving end: frames until the sender's clean end. */
    private static Received receive(Loopback loopback, Framer framer) throws Exception {
        try (Socket socket = loopback.accept();
                CountingInputStream counted = new CountingInputStream(socket.getInputStream());
                FrameReader reader = FrameReader.over(socket, counted, framer)) {
            Tally tally = new Tally(Tally.Mode.MESSAGES);
            FrameVisitor tallying = payload -> {
                Frames.tally(tally, payload);
                return true;
            };
            while (reader.readEach(tallying) > 0) {
                // every frame buffered, lent without a slice
            }
            long end = System.nanoTime();
            return new Received(tally, counted.count(), end);
        }
    }

    @Override
    public LatencyRun pingPong(Workload workload, int roundTrips) throws Exception {
        Framer framer = framer(workload.size());
        Framer echoing = serverFramer(workload.size());
        try (Loopback loopback = new Loopback()) {
            CompletableFuture<Void> echo = loopback.start(l -> {
                try (FramedConnection connection = FramedConnection.of(l.accept(), echoing)) {
                    ByteBuf frame;
                    while ((frame = connection.reader().readFrame()) != null) {
                        Frames.echoAndRelease(connection, frame);
                    }
                }
                return null;
            });
            long[] times = new long[roundTrips];
            Tally echoed = new Tally(Tally.Mode.MESSAGES);
            try (FramedConnection connection = FramedConnection.of(loopback.connect(), framer)) {
                byte[] message = workload.newMessageBuffer();
                for (int i = 0; i < roundTrips; i++) {
                    workload.stamp(i, message);
                    long start = System.nanoTime();
                    connection.send(message);
                    ByteBuf reply = connection.reader().readFrame();
                    times[i] = System.nanoTime() - start;
                    if (reply == null) {
                        break;
                    }
                    Frames.tallyAndRelease(echoed, reply);
                }
                connection.shutdownOutput();
                Loopback.await(echo);
            }
            return new LatencyRun(times, echoed, loopback.accepted());
        }
    }
}
