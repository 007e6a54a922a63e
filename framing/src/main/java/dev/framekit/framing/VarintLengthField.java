package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/**
 * An unsigned base-128 varint, least significant group first, read strictly: no byte past its
 * most, nothing over its capacity, no redundant trailing zero group. Two kinds share the rule:
 * protobuf's delimited format (1 to 5 bytes, up to 2<sup>32</sup>-1) and MQTT's Variable Byte
 * Integer (MQTT 5.0 section 1.5.5, 3.1.1 section 2.2.3: 1 to 4 bytes, up to 268,435,455).
 *
 * <pre>
 *   0      -&gt; 00               127       -&gt; 7f
 *   128    -&gt; 80 01            16,383    -&gt; ff 7f
 *   16,384 -&gt; 80 80 01         2,097,151 -&gt; ff ff 7f        268,435,455 -&gt; ff ff ff 7f (vbi's most)
 *   2^32-1 -&gt; ff ff ff ff 0f (varint only)
 * </pre>
 */
final class VarintLengthField extends LengthField {
    static final VarintLengthField INSTANCE = new VarintLengthField(5, "varint", "varint length field");

    /** MQTT's Variable Byte Integer: at most 4 bytes. */
    static final VarintLengthField MQTT = new VarintLengthField(4, "vbi", "Variable Byte Integer (MQTT remaining length)");

    /** A 32-bit value takes at most 5 groups of 7 bits. */
    static final int MAX_BYTES = 5;

    private final int maxBytes;
    private final String spec;
    private final String what;

    private VarintLengthField(int maxBytes, String spec, String what) {
        this.maxBytes = maxBytes;
        this.spec = spec;
        this.what = what;
    }

    @Override
    public long maxValue() {
        return maxBytes == MAX_BYTES ? 0xffffffffL : (1L << (7 * maxBytes)) - 1;
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
        int available = Math.min(readable, maxBytes);
        for (int i = 0; i < available; i++) {
            int b = in.getByte(index + i) & 0xff;
            if ((b & 0x80) != 0) {
                if (i == maxBytes - 1) {
                    throw malformed(name, "is longer than " + maxBytes + " bytes, the most "
                            + (maxBytes == MAX_BYTES ? "a 32-bit length takes" : "it may have (at most " + maxValue() + ")"),
                            in, index, maxBytes);
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

    private FramingException malformed(String name, String problem, ByteBuf in, int index, int length) {
        return new FramingException(name + ": the " + what + " " + problem + ": " + HexPreview.of(in, index, length));
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
        return spec;
    }
}
