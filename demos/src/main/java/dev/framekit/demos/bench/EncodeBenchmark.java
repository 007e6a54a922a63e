package dev.framekit.demos.bench;

import dev.framekit.framing.Framer;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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
 * In-memory encode throughput, frames per second: {@value #MESSAGES} messages framed into one
 * output buffer, with the framer's checks (the delimiter framer scans every payload for its
 * delimiter before writing it; the fixed framer checks the last byte). Netty has an encoder only
 * for the length prefix: see {@link LengthPrefixBaselineBenchmark#nettyLengthFieldPrepender}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(EncodeBenchmark.MESSAGES)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncodeBenchmark {
    static final int MESSAGES = 64;

    @Param({"fixed", "lines", "delimiter", "length"})
    public String framing;

    @Param({"64", "1024", "65536"})
    public int size;

    private Framer framer;
    private ByteBuf message;
    private ByteBuf out;

    @Setup
    public void setUp() {
        framer = BenchFramings.framekit(framing, size);
        message = Unpooled.wrappedBuffer(BenchFramings.payload(size));
        out = Unpooled.buffer(MESSAGES * (size + 8));
    }

    @TearDown
    public void tearDown() {
        out.release();
    }

    @Benchmark
    public void framekit(Blackhole bh) throws MessageRefusedException {
        out.clear();
        for (int i = 0; i < MESSAGES; i++) {
            framer.encode(message, out);
        }
        bh.consume(out.writerIndex());
    }
}
