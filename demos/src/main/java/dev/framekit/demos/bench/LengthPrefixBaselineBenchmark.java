package dev.framekit.demos.bench;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldPrepender;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The length prefix against the classic JDK idiom and Netty's encoder, frames per second:
 * {@code DataInputStream.readInt} + {@code readFully} into a new array over an in-memory stream
 * (and framekit decoding to a new array, the same work); {@code DataOutputStream.writeInt} +
 * {@code write}; Netty's {@link LengthFieldPrepender} in an {@link EmbeddedChannel}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(LengthPrefixBaselineBenchmark.MESSAGES)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LengthPrefixBaselineBenchmark {
    static final int MESSAGES = 64;

    @Param({"64", "1024", "65536"})
    public int size;

    private byte[] wireBytes;
    private ByteBuf wire;
    private FrameDecoder decoder;
    private byte[] payload;
    private ByteBuf message;
    private ByteArrayOutputStream sink;
    private EmbeddedChannel prepender;

    @Setup
    public void setUp() {
        Framer framer = BenchFramings.framekit("length", size);
        wire = BenchFramings.wire(framer, size, MESSAGES);
        wireBytes = ByteBufUtil.getBytes(wire);
        decoder = framer.newDecoder();
        payload = BenchFramings.payload(size);
        message = Unpooled.wrappedBuffer(payload);
        sink = new ByteArrayOutputStream(MESSAGES * (size + 4));
        prepender = new EmbeddedChannel(new LengthFieldPrepender(4));
    }

    @TearDown
    public void tearDown() {
        prepender.finishAndReleaseAll();
        wire.release();
    }

    @Benchmark
    public void dataInputStreamDecode(Blackhole bh) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(wireBytes));
        for (int i = 0; i < MESSAGES; i++) {
            byte[] frame = new byte[in.readInt()];
            in.readFully(frame);
            bh.consume(frame);
        }
    }

    @Benchmark
    public void framekitDecodeToArray(Blackhole bh) throws FramingException {
        wire.readerIndex(0);
        ByteBuf frame;
        while ((frame = decoder.decode(wire, false)) != null) {
            bh.consume(ByteBufUtil.getBytes(frame));
            frame.release();
        }
    }

    @Benchmark
    public void dataOutputStreamEncode(Blackhole bh) throws IOException {
        sink.reset();
        DataOutputStream out = new DataOutputStream(sink);
        for (int i = 0; i < MESSAGES; i++) {
            out.writeInt(payload.length);
            out.write(payload);
        }
        bh.consume(sink.size());
    }

    @Benchmark
    public void nettyLengthFieldPrepender(Blackhole bh) {
        for (int i = 0; i < MESSAGES; i++) {
            prepender.writeOutbound(message.retainedDuplicate());
        }
        Object out;
        while ((out = prepender.readOutbound()) != null) {
            ByteBuf buf = (ByteBuf) out;
            bh.consume(buf.readableBytes());
            buf.release();
        }
    }

    @Benchmark
    public void framekitEncode(Blackhole bh) throws MessageRefusedException {
        ByteBuf out = Unpooled.buffer(MESSAGES * (size + 4));
        Framer framer = BenchFramings.framekit("length", size);
        for (int i = 0; i < MESSAGES; i++) {
            framer.encode(message, out);
        }
        bh.consume(out.writerIndex());
        out.release();
    }
}
