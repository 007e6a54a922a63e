package dev.framekit.demos.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes JMH's output through, less the line each fork's JVM prints when it starts with
 * {@code --add-modules jdk.incubator.vector} ({@value #WARNING}): bench gives its forks the module
 * so the delimiter scan runs as {@code demos/framekit} runs it, and the warning says nothing a
 * reader of a benchmark needs. Streaming: bytes are held back only while the current line could
 * still be that warning, so JMH's half-written lines ("Iteration 1: ") show at once.
 */
final class IncubatorWarningFilter extends OutputStream {
    /** The line the JVM prints; dropped whole, with its line end. */
    static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    private static final byte[] LINE = WARNING.getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    /** How many bytes of the current line matched the warning so far, held back; -1 once it cannot. */
    private int matched;

    IncubatorWarningFilter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        if (matched >= 0) {
            if (matched < LINE.length && b == LINE[matched]) {
                matched++;
                return;
            }
            if (matched == LINE.length && (b == '\r' || b == '\n')) {
                if (b == '\n') {
                    matched = 0; // the warning and its line end are dropped
                }
                return;
            }
            out.write(LINE, 0, matched); // not the warning after all: what was held back goes out
            matched = -1;
        }
        out.write(b);
        if (b == '\n') {
            matched = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (matched > 0) {
            out.write(LINE, 0, matched);
        }
        out.close();
    }
}
