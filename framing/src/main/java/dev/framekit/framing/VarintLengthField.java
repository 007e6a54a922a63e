package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * An unsigned base-128 varint of 1 to 5 bytes, least significant group first (protobuf's
 * delimited format), read strictly: no sixth byte, nothing over 32 bits, no redundant trailing
 * zero group.
 *
 * <pre>
 *   0      -&gt; 00               127    -&gt; 7f
 *   128    -&gt; 80 01            16,383 -&gt; ff 7f
 *   16,384 -&gt; 80 80 01         2^32-1 -&gt; ff ff ff ff 0f
 * </pre>
 */
final class VarintLengthField extends LengthField {
    static final VarintLengthField INSTANCE = new VarintLengthField();

    /** A 32-bit value takes at most 5 groups of 7 bits. */
    static final int MAX_BYTES = 5;

    private VarintLengthField() {}

    @Override
    public long maxValue() {
        return 0xffffffffL;
    }

    @Override
    public int headerLength(long value) {
        int length = 1;
        while ((value >>>= 7) != 0) {
            length++;
        }
        return length;
    }

    @Override
    public int fixedWidth() {
        return 0;
    }

    @Override
    void write(long value, ByteBuf out) {
        while ((value & ~0x7fL) != 0) {
            out.writeByte((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    @Override
    int complete(ByteBuf in, int index, int readable, String name) throws FramingException {
        int available = Math.min(readable, MAX_BYTES);
        for (int i = 0; i < available; i++) {
            int b = in.getByte(index + i) & 0xff;
            if ((b & 0x80) != 0) {
                if (i == MAX_BYTES - 1) {
                    throw malformed(name, "is longer than " + MAX_BYTES + " bytes, the most a 32-bit length takes",
                            in, index, MAX_BYTES);
                }
                continue;
            }
            if (i == MAX_BYTES - 1 && b > 0x0f) {
                throw malformed(name, "declares a length over 32 bits", in, index, MAX_BYTES);
            }
            if (i > 0 && b == 0) {
                throw malformed(name, "is not minimal: its last byte 00 adds nothing, so the length has a shorter"
                        + " spelling (framekit reads one spelling per length, as protobuf writes it)", in, index, i + 1);
            }
            return i + 1;
        }
        return 0;
    }

    private static FramingException malformed(String name, String what, ByteBuf in, int index, int length) {
        return new FramingException(name + ": the varint length field " + what + ": " + HexPreview.of(in, index, length));
    }

    @Override
    long read(ByteBuf in, int index, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value |= (in.getByte(index + i) & 0x7fL) << (7 * i);
        }
        return value;
    }

    @Override
    public String toString() {
        return "varint";
    }
}
