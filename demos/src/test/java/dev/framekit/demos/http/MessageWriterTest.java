package dev.framekit.demos.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP writer's batching. */
class MessageWriterTest {
    @Test
    void aLargeResponseBodyGoesOutInPiecesNotOneBatchOfItsSize() throws IOException {
        List<Integer> writes = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        OutputStream recording = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
                wire.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(len);
                wire.write(b, off, len);
            }
        };
        byte[] large = new byte[1 << 20];
        Arrays.fill(large, (byte) 'b');
        MessageWriter out = new MessageWriter(recording, WireTap.OFF);
        out.head("HTTP/1.1 200 OK\r\nContent-Length: " + large.length);
        out.body(large, 0, large.length);
        out.flush();

        byte[] sent = wire.toByteArray();
        ByteBuf expected = Unpooled.buffer();
        expected.writeBytes(("HTTP/1.1 200 OK\r\nContent-Length: " + large.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(large);
        assertArrayEquals(Arrays.copyOf(expected.array(), expected.readableBytes()), sent);
        assertTrue(writes.stream().allMatch(n -> n <= 65 * 1024), "the batch is sent at 64 KiB, never grown to 1 MiB: " + writes);
    }
}
