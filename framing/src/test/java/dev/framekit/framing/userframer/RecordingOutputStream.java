package dev.framekit.framing.userframer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** An output stream that keeps every byte and, for each bulk write, the array and length it was handed. */
final class RecordingOutputStream extends OutputStream {
    /** One bulk write call: the caller's array (not a copy) and the span written. */
    record Write(byte[] array, int offset, int length) {}

    final List<Write> writes = new ArrayList<>();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
        writes.add(new Write(null, 0, 1));
        bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        writes.add(new Write(b, off, len));
        bytes.write(b, off, len);
    }
}
