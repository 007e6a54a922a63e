package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * How a length-prefixed frame spells its length: the encoding of the length field that precedes
 * the payload. Immutable; made by the static factories or parsed from a short spec.
 *
 * <pre>
 * spec      factory                 "hello" (length 5) on the wire     who uses it
 * u8        bigEndian(1)            05 68 65 6c 6c 6f                 Twisted Int8StringReceiver, Erlang {packet,1}
 * u16       bigEndian(2)            00 05 68 65 6c 6c 6f              Twisted Int16StringReceiver, Erlang {packet,2}, Netty
 * u24       bigEndian(3)            00 00 05 68 ...                   Netty LengthFieldPrepender(3), MySQL-style
 * u32       bigEndian(4) (default)  00 00 00 05 68 ...                struct.pack("!I"), Twisted Int32StringReceiver, tokio, Erlang {packet,4}
 * u64       bigEndian(8)            00 00 00 00 00 00 00 05 68 ...    Netty LengthFieldPrepender(8)
 * u16le     littleEndian(2)         05 00 68 ...                      struct.pack("&lt;H"), Netty with ByteOrder.LITTLE_ENDIAN
 * varint    varint()                05 68 ...                         protobuf writeDelimitedTo / parseDelimitedFrom
 * vbi       variableByteInteger()   05 68 ...                         MQTT's remaining length (1-4 bytes)
 * ascii:5   asciiDecimal(5)         30 30 30 30 35 68 ...  "00005hello"  the seed tutorial: str(len(msg)).zfill(5)
 * </pre>
 *
 * <p>Every field has a capacity, {@link #maxValue()}: a 1-byte field cannot declare 300 bytes.
 * {@link LengthPrefixFramer.Builder#build()} checks the framer's maximum frame length against it.
 *
 * <p><b>Varint.</b> Unsigned base-128, least significant group first, the high bit of each byte
 * saying "another byte follows" (protobuf's encoding). framekit reads at most 5 bytes, enough for
 * any 32-bit length, and is <b>strict</b>: a sixth byte, a value over 32 bits, or a non-minimal
 * encoding (a redundant trailing {@code 00} group, such as {@code 85 00} for 5) is a
 * {@link FramingException}. protobuf never writes those; refusing them means one length has one
 * spelling, so framekit and another parser can never disagree about where a frame ends.
 *
 * <p><b>ASCII decimal.</b> Exactly N digits {@code 0}-{@code 9}, zero-padded, no sign or
 * spaces: Python's {@code str(len(msg)).zfill(N)}. Any other byte in the field is a
 * {@link FramingException}, reported as soon as it arrives.
 */
public abstract class LengthField {
    /** The default field: 4 bytes, big-endian, unsigned ({@code u32}). */
    public static final LengthField DEFAULT = new BinaryLengthField(4, ByteOrder.BIG_ENDIAN);

    /** The most digits an ASCII decimal field may have: 18, so any value fits a {@code long}. */
    public static final int MAX_ASCII_DIGITS = 18;

    LengthField() {}

    /**
     * An unsigned binary length of {@code width} bytes, most significant byte first (network
     * byte order).
     *
     * @param width 1, 2, 3, 4 or 8
     * @return the field
     * @throws IllegalArgumentException for any other width
     */
    public static LengthField bigEndian(int width) {
        return binary(width, ByteOrder.BIG_ENDIAN);
    }

    /**
     * An unsigned binary length of {@code width} bytes, least significant byte first.
     *
     * @param width 1, 2, 3, 4 or 8
     * @return the field
     * @throws IllegalArgumentException for any other width
     */
    public static LengthField littleEndian(int width) {
        return binary(width, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A length written as exactly {@code digits} ASCII decimal digits, zero-padded
     * ({@code zfill}).
     *
     * @param digits 1 to {@link #MAX_ASCII_DIGITS}
     * @return the field
     * @throws IllegalArgumentException if {@code digits} is out of range
     */
    public static LengthField asciiDecimal(int digits) {
        if (digits < 1 || digits > MAX_ASCII_DIGITS) {
            throw new IllegalArgumentException("length field: an ASCII decimal field has 1 to " + MAX_ASCII_DIGITS
                    + " digits, got " + digits);
        }
        return new AsciiLengthField(digits);
    }

    /**
     * An unsigned base-128 varint of 1 to 5 bytes (protobuf's delimited format), read strictly.
     *
     * @return the field
     */
    public static LengthField varint() {
        return VarintLengthField.INSTANCE;
    }

    /**
     * MQTT's Variable Byte Integer (MQTT 5.0 section 1.5.5, 3.1.1 section 2.2.3): the varint rule
     * with at most 4 bytes, so at most 268,435,455, read as strictly as {@link #varint()}: a fifth
     * byte or a non-minimal encoding is a {@link FramingException}. {@link Framers#mqtt()} reads
     * the remaining length with it.
     *
     * @return the field
     */
    public static LengthField variableByteInteger() {
        return VarintLengthField.MQTT;
    }

    /**
     * Parses a field spec: {@code u8}, {@code u16}, {@code u24}, {@code u32}, {@code u64}, any of
     * those with {@code le} appended for little-endian ({@code u16le}), {@code varint}, or
     * {@code ascii:N} for N decimal digits ({@code ascii:5}), or {@code vbi} (MQTT's Variable Byte
     * Integer). Case is ignored. {@link #toString()}
     * gives the spec back.
     *
     * @param spec the spec
     * @return the field
     * @throws IllegalArgumentException naming the spec and listing the valid ones
     */
    public static LengthField parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("varint")) {
            return varint();
        }
        if (s.equals("vbi")) {
            return variableByteInteger();
        }
        if (s.startsWith("ascii:")) {
            String digits = s.substring("ascii:".length());
            if (digits.matches("[0-9]{1,3}")) {
                return asciiDecimal(Integer.parseInt(digits));
            }
        } else if (s.matches("u(8|16|24|32|64)(le)?")) {
            boolean little = s.endsWith("le");
            int bits = Integer.parseInt(s.substring(1, little ? s.length() - 2 : s.length()));
            return binary(bits / 8, little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        }
        throw new IllegalArgumentException("length field: unknown spec \"" + spec + "\"; use u8, u16, u24, u32, u64"
                + " (append le for little-endian, e.g. u16le), varint, vbi (MQTT), or ascii:N (N decimal digits, e.g. ascii:5)");
    }

    private static LengthField binary(int width, ByteOrder order) {
        if (width < 1 || width > 8 || width == 5 || width == 6 || width == 7) {
            throw new IllegalArgumentException("length field: a binary field is 1, 2, 3, 4 or 8 bytes wide, got " + width);
        }
        return new BinaryLengthField(width, order);
    }

    /**
     * Returns the largest value the field can declare: 255 for {@code u8}, 65,535 for
     * {@code u16}, 99,999 for {@code ascii:5}, 2<sup>32</sup>−1 for {@code u32} and
     * {@code varint}; {@link Long#MAX_VALUE} for {@code u64} (whose larger values framekit reads
     * as "too long").
     *
     * @return the field's capacity
     */
    public abstract long maxValue();

    /**
     * Returns how many bytes the field takes to declare {@code value}: its width, or for a varint
     * 1 to 5 depending on the value.
     *
     * @param value a value from 0 to {@link #maxValue()}
     * @return the field's length on the wire, in bytes
     */
    public abstract int headerLength(long value);

    /**
     * Returns the field's width if every value takes the same number of bytes, or 0 for a
     * varint.
     *
     * @return the fixed width in bytes, or 0
     */
    public abstract int fixedWidth();

    /** Writes {@code value} (0 to {@link #maxValue()}). */
    abstract void write(long value, ByteBuf out);

    /**
     * Returns the field's length in bytes if all of it is among the {@code readable} bytes at
     * {@code index}, or 0 if more are needed. Looks only at the field's own bytes, so the answer
     * and any error depend on the bytes, never on how they were split into reads.
     *
     * @param name the framer's name, for error messages
     * @throws FramingException if the bytes cannot be a field of this kind
     */
    abstract int complete(ByteBuf in, int index, int readable, String name) throws FramingException;

    /**
     * Reads a complete field of {@code length} bytes at {@code index}. The value is unsigned: an
     * 8-byte value of 2<sup>63</sup> or more is returned negative.
     */
    abstract long read(ByteBuf in, int index, int length);

    /** True if the field's bytes are meant to be binary (a text header then suggests a text client). */
    boolean isBinary() {
        return false;
    }

    /**
     * Returns the spec, e.g. {@code u32}, {@code u16le}, {@code varint}, {@code ascii:5}.
     *
     * @return the spec that {@link #parse(String)} reads back
     */
    @Override
    public abstract String toString();

    /** Two fields are equal when they have the same spec. */
    @Override
    public final boolean equals(Object other) {
        return other instanceof LengthField that && toString().equals(that.toString());
    }

    @Override
    public final int hashCode() {
        return toString().hashCode();
    }
}
