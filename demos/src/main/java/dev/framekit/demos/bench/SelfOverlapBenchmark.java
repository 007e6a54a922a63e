package dev.framekit.demos.bench;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.FramingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
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
 * The worst delimiter: {@code aaaa…ab} of 10,000 bytes (it overlaps itself), against 1 MiB of
 * {@code a}, every byte a near miss 9,999 bytes long; then the delimiter. Decoded whole and as a
 * trickle (1,000 bytes per decode call). A search that checked every candidate against the whole
 * delimiter would cost 1 MiB × 10,000 byte comparisons (2.2 s per frame before the fix); the
 * linear one costs about what a one-byte delimiter does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SelfOverlapBenchmark {
    private static final int FRAME = 1 << 20;

    /** Bytes per decode call: the whole frame at once, or a trickle. */
    @Param({"1048576", "1000"})
    public int piece;

    @Param({"10000", "1"})
    public int delimiterLength;

    private Framer framer;
    private byte[] payload;
    private byte[] delimiter;
    private ByteBuf in;

    @Setup
    public void setUp() {
        delimiter = new byte[delimiterLength];
        Arrays.fill(delimiter, (byte) 'a');
        delimiter[delimiterLength - 1] = 'b';
        framer = Framers.delimiter(delimiter).withMaxFrameLength(2 * FRAME);
        payload = new byte[FRAME];
        Arrays.fill(payload, (byte) 'a');
        in = Unpooled.buffer(FRAME + delimiterLength);
    }

    @TearDown
    public void tearDown() {
        in.release();
    }

    @Benchmark
    public int framekit() throws FramingException {
        in.clear();
        FrameDecoder decoder = framer.newDecoder();
        for (int at = 0; at < FRAME; at += piece) {
            in.writeBytes(payload, at, Math.min(piece, FRAME - at));
            if (decoder.decode(in, false) != null) {
                throw new IllegalStateException("a frame before its delimiter");
            }
        }
        in.writeBytes(delimiter);
        ByteBuf frame = decoder.decode(in, false);
        int got = frame.readableBytes();
        frame.release();
        return got;
    }
}
