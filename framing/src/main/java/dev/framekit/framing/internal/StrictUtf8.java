package dev.framekit.framing.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 that must be valid, as WebSocket text requires: no malformed, truncated or overlong
 * sequences and no encoded surrogates (RFC 3629; the JDK's decoder enforces all of them).
 */
public final class StrictUtf8 {
    private StrictUtf8() {}

    /**
     * Returns the offset, from {@code index}, of the first byte that does not belong to valid
     * UTF-8, or -1 if all {@code length} bytes are valid. Does not move the buffer's indices.
     */
    public static int firstInvalid(ByteBuf bytes, int index, int length) {
        if (length == 0) {
            return -1;
        }
        ByteBuffer in = bytes.nioBufferCount() == 1 ? bytes.nioBuffer(index, length)
                : ByteBuffer.wrap(ByteBufUtil.getBytes(bytes, index, length));
        int start = in.position();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(Math.min(length, 8192));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position() - start;
            }
            if (!result.isOverflow()) {
                return -1;
            }
            out.clear();
        }
    }
}
