package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import java.nio.ByteOrder;

/** An unsigned binary length of 1, 2, 3, 4 or 8 bytes in either byte order. */
final class BinaryLengthField extends LengthField {
    private final int width;
    private final ByteOrder order;

    BinaryLengthField(int width, ByteOrder order) {
        this.width = width;
        this.order = order;
    }

    @Override
    public long maxValue() {
        return width == 8 ? Long.MAX_VALUE : (1L << (8 * width)) - 1;
    }

    @Override
    public int headerLength(long value) {
        return width;
    }

    @Override
    public int fixedWidth() {
        return width;
    }

    @Override
    void write(long value, ByteBuf out) {
        for (int i = 0; i < width; i++) {
            int shift = 8 * (order == ByteOrder.BIG_ENDIAN ? width - 1 - i : i);
            out.writeByte((int) (value >>> shift));
        }
    }

    @Override
    int complete(ByteBuf in, int index, int readable, String name) {
        return readable >= width ? width : 0;
    }

    @Override
    long read(ByteBuf in, int index, int length) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            int shift = 8 * (order == ByteOrder.BIG_ENDIAN ? width - 1 - i : i);
            value |= (in.getByte(index + i) & 0xffL) << shift;
        }
        return value;
    }

    @Override
    boolean isBinary() {
        return true;
    }

    @Override
    public String toString() {
        return "u" + (8 * width) + (order == ByteOrder.LITTLE_ENDIAN ? "le" : "");
    }
}
