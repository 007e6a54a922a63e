package dev.framekit.demos.bench;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FramingException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
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
 * In-memory decode throughput, frames per second: {@value #MESSAGES} frames arrive in one buffer
 * and are taken off it one by one, by a framekit {@link FrameDecoder} and by the matching Netty
 * decoder, twice: run the way Netty users run one, in a channel pipeline (here an
 * {@link EmbeddedChannel}: {@code netty}), and called directly, the decoder's own work without
 * the pipeline ({@link NettyDirect}: {@code nettyDirect}). All hand out retained slices, no copies.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(DecodeBenchmark.MESSAGES)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {
    static final int MESSAGES = 64;

    @Param({"fixed", "lines", "delimiter", "length"})
    public String framing;

    @Param({"64", "1024", "65536"})
    public int size;

    private ByteBuf wire;
    private FrameDecoder decoder;
    private EmbeddedChannel netty;
    private NettyDirect.Decoder nettyDirect;

    @Setup
    public void setUp() {
        var framer = BenchFramings.framekit(framing, size);
        wire = BenchFramings.wire(framer, size, MESSAGES);
        decoder = framer.newDecoder();
        var rival = BenchFramings.netty(framing, size);
        netty = rival == null ? null : new EmbeddedChannel(rival);
        nettyDirect = NettyDirect.of(framing, size);
    }

    @TearDown
    public void tearDown() {
        if (netty != null) {
            netty.finishAndReleaseAll();
        }
        wire.release();
    }

    @Benchmark
    public void framekit(Blackhole bh) throws FramingException {
        wire.readerIndex(0);
        ByteBuf frame;
        while ((frame = decoder.decode(wire, false)) != null) {
            bh.consume(frame.readableBytes());
            frame.release();
        }
    }

    @Benchmark
    public void netty(Blackhole bh) {
        if (netty == null) {
            throw new IllegalStateException("no Netty decoder reads --framing " + framing + "; run DecodeBenchmark.framekit$");
        }
        netty.writeInbound(wire.retainedDuplicate().readerIndex(0));
        ByteBuf frame;
        while ((frame = netty.readInbound()) != null) {
            bh.consume(frame.readableBytes());
            frame.release();
        }
    }

    @Benchmark
    public void nettyDirect(Blackhole bh) throws Exception {
        if (nettyDirect == null) {
            throw new IllegalStateException("no Netty decoder reads --framing " + framing + "; run DecodeBenchmark.framekit$");
        }
        wire.readerIndex(0);
        ByteBuf frame;
        while ((frame = nettyDirect.next(wire)) != null) {
            bh.consume(frame.readableBytes());
            frame.release();
        }
    }
}
