package dev.framekit.demos.bench;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.FramingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The trickle case: one delimited frame of 1 MiB or 2 MiB arriving one byte per decode call,
 * then its delimiter. With the scan position kept between calls the 2 MiB frame takes twice as
 * long as the 1 MiB one; a decoder that rescanned from the frame's start would take four times
 * as long (and minutes, not milliseconds). Netty's LineBasedFrameDecoder, which also keeps an
 * offset, runs the same trickle for reference.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrickleBenchmark {
    @Param({"1", "2"})
    public int mebibytes;

    private int length;
    private Framer framer;
    private ByteBuf in;

    @Setup
    public void setUp() {
        length = mebibytes << 20;
        framer = Framers.lines().withMaxFrameLength(length);
        in = Unpooled.buffer(length + 1);
    }

    @TearDown
    public void tearDown() {
        in.release();
    }

    @Benchmark
    public int framekit() throws FramingException {
        in.clear();
        FrameDecoder decoder = framer.newDecoder();
        for (int i = 0; i < length; i++) {
            in.writeByte('a');
            if (decoder.decode(in, false) != null) {
                throw new IllegalStateException("a frame before its delimiter");
            }
        }
        in.writeByte('\n');
        ByteBuf frame = decoder.decode(in, false);
        int got = frame.readableBytes();
        frame.release();
        return got;
    }

    @Benchmark
    public int netty() {
        EmbeddedChannel channel = new EmbeddedChannel(new LineBasedFrameDecoder(length, true, false));
        for (int i = 0; i < length; i++) {
            channel.writeInbound(Unpooled.buffer(1).writeByte('a'));
        }
        channel.writeInbound(Unpooled.buffer(1).writeByte('\n'));
        ByteBuf frame = channel.readInbound();
        int got = frame.readableBytes();
        frame.release();
        channel.finishAndReleaseAll();
        return got;
    }
}
