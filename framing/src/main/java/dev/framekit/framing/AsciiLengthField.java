package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;

/** A length of exactly N ASCII decimal digits, zero-padded: Python's {@code str(n).zfill(N)}. */
final class AsciiLengthField extends LengthField {
    private final int digits;
    private final long maxValue;

    AsciiLengthField(int digits) {
        this.digits = digits;
        long max = 1;
        for (int i = 0; i < digits; i++) {
            max *= 10;
        }
        this.maxValue = max - 1;
    }

    @Override
    public long maxValue() {
        return maxValue;
    }

    @Override
    public int headerLength(long value) {
        return digits;
    }

    @Override
    public int fixedWidth() {
        return digits;
    }

    @Override
    void write(long value, ByteBuf out) {
        String text = Long.toString(value);
        for (int i = text.length(); i < digits; i++) {
            out.writeByte('0');
        }
        for (int i = 0; i < text.length(); i++) {
            out.writeByte(text.charAt(i));
        }
    }

    @Override
    int complete(ByteBuf in, int index, int readable, String name) throws FramingException {
        int available = Math.min(readable, digits);
        for (int i = 0; i < available; i++) {
            byte b = in.getByte(index + i);
            if (b < '0' || b > '9') {
                throw new FramingException(name + ": byte " + (i + 1) + " of the " + digits
                        + "-digit length field is " + HexPreview.describeByte(b)
                        + ", not a decimal digit (is the peer using another framing?): "
                        + HexPreview.of(in, index, i + 1));
            }
        }
        return readable >= digits ? digits : 0;
    }

    @Override
    long read(ByteBuf in, int index, int length) {
        long value = 0;
        for (int i = 0; i < digits; i++) {
            value = value * 10 + (in.getByte(index + i) - '0');
        }
        return value;
    }

    @Override
    public String toString() {
        return "ascii:" + digits;
    }
}
