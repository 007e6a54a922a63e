package dev.framekit.demos.bench;

import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.Framers;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.internal.ByteSearch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
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

/**
 * The delimiter scan near the memory limit, in bytes scanned per nanosecond (= GB/s): a buffer of
 * {@value #SIZE} letters (64 KiB: in the CPU's cache) whose only delimiter is at its very end, so
 * every byte is examined once. One operation is one byte scanned.
 *
 * <pre>
 * framekitVector   the Vector API scan (needs --add-modules jdk.incubator.vector; bench adds it)
 * framekitSwar     the SWAR scan, eight bytes at a time (what runs without the module)
 * framekitFramer   framekit's delimiter decoder taking the one frame off the buffer (the scan
 *                  the process picked, then the multi-byte match for #*#), as users call it
 * nettyIndexOf     Netty's ByteBufUtil.indexOf on Netty's own heap buffer (Unpooled.buffer: the
 *                  Unsafe-backed class where Netty may use Unsafe): (buffer, from, to, byte) for \n,
 *                  (needle, haystack) for #*#
 * nettyIndexOfDirect  the same on a pooled direct buffer, what a Netty channel reads into
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(ScanBenchmark.SIZE)
public class ScanBenchmark {
    static final int SIZE = 64 * 1024;

    private final int size = SIZE;

    /** The delimiter: {@code \n} (one byte) or {@code #*#}. */
    @Param({"\\n", "#*#"})
    public String delimiter;

    private byte[] bytes;
    private ByteBuf buffer;
    private ByteBuf direct;
    private ByteBuf needle;
    private byte first;
    private FrameDecoder decoder;

    @Setup
    public void setUp() {
        byte[] delimiterBytes = delimiter.replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);
        bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        System.arraycopy(delimiterBytes, 0, bytes, size - delimiterBytes.length, delimiterBytes.length);
        buffer = Unpooled.buffer(size).writeBytes(bytes);
        direct = PooledByteBufAllocator.DEFAULT.directBuffer(size).writeBytes(bytes);
        needle = Unpooled.wrappedBuffer(delimiterBytes);
        first = delimiterBytes[0];
        decoder = Framers.delimiter(delimiterBytes).withMaxFrameLength(2 * size).newDecoder();
    }

    @TearDown
    public void tearDown() {
        buffer.release();
        direct.release();
        needle.release();
    }

    @Benchmark
    public int framekitVector() {
        ByteSearch vector = ByteSearch.vector();
        if (vector == null) {
            throw new IllegalStateException("this JVM has no jdk.incubator.vector: start it with --add-modules jdk.incubator.vector");
        }
        return scanned(vector.indexOf(bytes, 0, size, first));
    }

    @Benchmark
    public int framekitSwar() {
        return scanned(ByteSearch.swar().indexOf(bytes, 0, size, first));
    }

    @Benchmark
    public int framekitFramer() throws FramingException {
        buffer.readerIndex(0);
        ByteBuf frame = decoder.decode(buffer, false);
        int length = frame.readableBytes();
        frame.release();
        return length;
    }

    @Benchmark
    public int nettyIndexOf() {
        return scanned(nettyIndexOf(buffer));
    }

    @Benchmark
    public int nettyIndexOfDirect() {
        return scanned(nettyIndexOf(direct));
    }

    private int nettyIndexOf(ByteBuf haystack) {
        return needle.readableBytes() == 1
                ? ByteBufUtil.indexOf(haystack, 0, size, first)
                : ByteBufUtil.indexOf(needle, haystack);
    }

    /** Every benchmark scans the whole buffer: a miss here is a broken scan, not a fast one. */
    private int scanned(int found) {
        if (found != size - needle.readableBytes()) {
            throw new IllegalStateException("found the delimiter at " + found + ", not at " + (size - needle.readableBytes()));
        }
        return found;
    }
}
