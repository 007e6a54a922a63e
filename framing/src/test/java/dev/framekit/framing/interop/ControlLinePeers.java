package dev.framekit.framing.interop;

import dev.framekit.framing.Frame;
import dev.framekit.framing.FrameWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Helpers the Redis and NATS real-peer tests share: bodies, lines as frames, and a recording stream. */
final class ControlLinePeers {
    /** The body sizes the issue names: 0 B, 1 B, 64 KiB and 1 MiB. */
    static final int[] SIZES = {0, 1, 64 * 1024, 1 << 20};

    private ControlLinePeers() {}

    /** A body of {@code size} bytes with CR LF pairs inside it (at 0, then every 1000 bytes). */
    static byte[] body(int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) ('a' + (i * 7 + size) % 26);
        }
        for (int i = 0; i + 1 < size; i += 1000) {
            out[i] = '\r';
            out[i + 1] = '\n';
        }
        return out;
    }

    /** A frame whose header fields are {@code line} (its control line, without CR LF). */
    static Frame line(String line, byte[] body) {
        return Frame.of(Unpooled.copiedBuffer(line, StandardCharsets.ISO_8859_1), Unpooled.wrappedBuffer(body));
    }

    static String headerOf(Frame frame) {
        return frame.headerFields().toString(StandardCharsets.ISO_8859_1);
    }

    static byte[] payloadOf(Frame frame) {
        ByteBuf payload = frame.payload();
        byte[] out = new byte[payload.readableBytes()];
        payload.getBytes(payload.readerIndex(), out);
        return out;
    }

    /** What {@code framer}'s writer writes for {@code frames}, one after another. */
    static byte[] writtenBack(dev.framekit.framing.Framer framer, List<Frame> frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FrameWriter writer = new FrameWriter(out, framer)) {
            for (Frame frame : frames) {
                writer.write(frame);
            }
        }
        return out.toByteArray();
    }

    /** An input stream that keeps a copy of every byte read through it. */
    static final class Recording extends FilterInputStream {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        byte[] bytes() {
            return copy.toByteArray();
        }
    }
}
