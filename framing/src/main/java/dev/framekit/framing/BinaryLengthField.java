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

    /** Writes the field with one call, not one per byte: it is on every message's path. */
    @Override
    void write(long value, ByteBuf out) {
        int low = (int) value;
        if (order == ByteOrder.BIG_ENDIAN) {
            switch (width) {
                case 1 -> out.writeByte(low);
                case 2 -> out.writeShort(low);
                case 3 -> out.writeMedium(low);
                case 4 -> out.writeInt(low);
                default -> out.writeLong(value);
            }
        } else {
            switch (width) {
                case 1 -> out.writeByte(low);
                case 2 -> out.writeShortLE(low);
                case 3 -> out.writeMediumLE(low);
                case 4 -> out.writeIntLE(low);
                default -> out.writeLongLE(value);
            }
        }
    }

    @Override
    int complete(ByteBuf in, int index, int readable, String name) {
        return readable >= width ? width : 0;
    }

    @Override
    long read(ByteBuf in, int index, int length) {
        boolean big = order == ByteOrder.BIG_ENDIAN;
        return switch (width) {
            case 1 -> in.getUnsignedByte(index);
            case 2 -> big ? in.getUnsignedShort(index) : in.getUnsignedShortLE(index);
            case 3 -> big ? in.getUnsignedMedium(index) : in.getUnsignedMediumLE(index);
            case 4 -> big ? in.getUnsignedInt(index) : in.getUnsignedIntLE(index);
            default -> big ? in.getLong(index) : in.getLongLE(index);
        };
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
