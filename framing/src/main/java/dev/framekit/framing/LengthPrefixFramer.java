package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * Length-prefixed frames: a length field, then exactly that many payload bytes. By default the
 * field is 4 bytes, <b>big-endian unsigned</b>, counting the payload only: Python's
 * {@code struct.pack("!I", len(data)) + data}. {@link #builder()} configures the field (1, 2, 3,
 * 4 or 8 bytes in either byte order, a varint, N ASCII digits; see {@link LengthField}), a length
 * adjustment, the maximum and the {@link OversizePolicy}.
 *
 * <pre>
 * Framers.lengthPrefixed(), message "hello":
 *
 *   BEFORE (message)                  AFTER (9 bytes on the wire)
 *   +----+----+----+----+----+        +----+----+----+----+----+----+----+----+----+
 *   | 68 | 65 | 6c | 6c | 6f |  ---&gt;  | 00 | 00 | 00 | 05 | 68 | 65 | 6c | 6c | 6f |
 *   | h  | e  | l  | l  | o  |        |  length = 5       | h  | e  | l  | l  | o  |
 *   +----+----+----+----+----+        +----+----+----+----+----+----+----+----+----+
 *
 * LengthPrefixFramer.builder().lengthField(LengthField.littleEndian(2)).build(), "hello":
 *
 *   +----+----+----+----+----+----+----+
 *   | 05 | 00 | 68 | 65 | 6c | 6c | 6f |      u16le: low byte first
 *   +----+----+----+----+----+----+----+
 *
 * ... .lengthField(LengthField.bigEndian(2)).lengthIncludesHeader().build(), "hello":
 *
 *   +----+----+----+----+----+----+----+
 *   | 00 | 07 | 68 | 65 | 6c | 6c | 6f |      7 = 2 header bytes + 5 payload bytes (Akka's default)
 *   +----+----+----+----+----+----+----+
 *
 * ... .lengthField(LengthField.varint()).build(), 300 bytes:
 *
 *   +----+----+-----------------+
 *   | ac | 02 | 300 bytes ...   |             300 = 0b10_0101100: 2c|80, then 02 (protobuf)
 *   +----+----+-----------------+
 *
 * ... .lengthField(LengthField.asciiDecimal(5)).build(), "hello":
 *
 *   +----+----+----+----+----+----+----+----+----+----+
 *   | 30 | 30 | 30 | 30 | 35 | 68 | 65 | 6c | 6c | 6f |    "00005hello": str(5).zfill(5)
 *   +----+----+----+----+----+----+----+----+----+----+
 * </pre>
 *
 * <p>Binary-safe: it carries any bytes, the empty message included. It costs the field's bytes
 * per message and no scanning: the decoder reads the field, then waits for the body.
 *
 * <p><b>Security.</b> The declared length is checked against {@link #maxFrameLength()} (1 MiB by
 * default, or less if the field cannot declare that much) as soon as the field has arrived,
 * before anything is allocated for the body: a header of {@code ff ff ff ff} fails at once
 * instead of reserving 4 GiB, and an 8-byte {@code 80 00 00 00 00 00 00 00} (2<sup>63</sup>) the
 * same way. Header bytes that read as ASCII text ({@code 47 45 54 20}, "GET ") are reported as a
 * likely text client talking to a length-prefixed port.
 */
public final class LengthPrefixFramer implements Framer {
    private final int maxFrameLength;
    /** The header size of the default field: a 4-byte unsigned length. */
    static final int HEADER_LENGTH = 4;

    static final LengthPrefixFramer DEFAULT = builder().build();

    private final LengthField field;
    private final int lengthAdjustment;
    private final OversizePolicy oversizePolicy;
    private final String name;
    /** Whether the maximum was set, rather than the default for the field; {@link #toBuilder()} keeps it only then. */
    private final boolean maxSet;
    private final FrameEncoder encoder;

    private LengthPrefixFramer(Builder builder, int lengthAdjustment, int maxFrameLength, String name) {
        this.maxFrameLength = maxFrameLength;
        this.field = builder.field;
        this.lengthAdjustment = lengthAdjustment;
        this.oversizePolicy = builder.oversizePolicy;
        this.name = name;
        this.maxSet = builder.maxSet;
        this.encoder = new LengthPrefixEncoder(this); // last: it reads the settings above
    }

    /**
     * Starts a length-prefix framer: {@code u32} field, no adjustment, 1 MiB maximum (or the
     * field's capacity if smaller), {@link OversizePolicy#FAIL}.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this framer's settings, to derive another. A header-inclusive
     * length is carried as its adjustment; a maximum that was not set stays unset, so it follows
     * the capacity of a new field.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder().lengthField(field).onOversize(oversizePolicy).lengthAdjustment(lengthAdjustment);
        return maxSet ? builder.maxFrameLength(maxFrameLength()) : builder;
    }

    /**
     * Returns a framer like this one that accepts and sends payloads of up to
     * {@code maxFrameLength} bytes.
     *
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>), and no more than the
     *     length field can declare
     * @return the new framer
     * @throws IllegalArgumentException if {@code maxFrameLength} is out of range
     */
    public LengthPrefixFramer withMaxFrameLength(int maxFrameLength) {
        return toBuilder().maxFrameLength(maxFrameLength).build();
    }

    /**
     * Returns the length field's encoding.
     *
     * @return the field, e.g. {@code u32} or {@code varint}
     */
    public LengthField lengthField() {
        return field;
    }

    /**
     * Returns the length adjustment: the payload length is the field's value plus this (so
     * {@code -2} for a 2-byte field that counts itself).
     *
     * @return the adjustment, 0 unless configured
     */
    public int lengthAdjustment() {
        return lengthAdjustment;
    }

    /**
     * Returns what the decoder does with a frame over the maximum.
     *
     * @return the oversize policy
     */
    public OversizePolicy oversizePolicy() {
        return oversizePolicy;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /** Returns a new decoder: under {@link OversizePolicy#SKIP} it remembers what is left to drop. */
    @Override
    public FrameDecoder newDecoder() {
        return new LengthPrefixDecoder(this);
    }

    /** Returns the shared encoder: length-prefix encoding keeps no state. */
    @Override
    public FrameEncoder newEncoder() {
        return encoder;
    }

    String name() {
        return name;
    }

    /** The largest payload a field can declare with an adjustment. */
    static long capacity(LengthField field, int lengthAdjustment) {
        return Math.min(field.maxValue(), Long.MAX_VALUE - FrameLimits.LARGEST_MAX_FRAME_LENGTH) + lengthAdjustment;
    }

    /**
     * Describes the rule, e.g. {@code length-prefix(4-byte big-endian, max 1048576 bytes)} or
     * {@code length-prefix(u16le, adjustment -2, skip oversized, max 65533 bytes)}.
     */
    @Override
    public String toString() {
        String fieldText = field.equals(LengthField.DEFAULT) ? "4-byte big-endian" : field.toString();
        return "length-prefix(" + fieldText + (lengthAdjustment == 0 ? "" : ", adjustment " + lengthAdjustment)
                + (oversizePolicy == OversizePolicy.SKIP ? ", skip oversized" : "")
                + ", max " + maxFrameLength() + " bytes)";
    }

    /** Two length-prefix framers are equal when all their settings are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LengthPrefixFramer that && field.equals(that.field)
                && lengthAdjustment == that.lengthAdjustment && oversizePolicy == that.oversizePolicy
                && maxFrameLength() == that.maxFrameLength();
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, lengthAdjustment, oversizePolicy, maxFrameLength());
    }

    /**
     * Settings for a {@link LengthPrefixFramer}, checked together by {@link #build()} with
     * messages that name the setting and its value. Not thread-safe; the framer it builds is.
     *
     * <pre>{@code
     * LengthPrefixFramer netty = LengthPrefixFramer.builder()
     *         .lengthField(LengthField.littleEndian(2))   // 05 00 h e l l o
     *         .lengthIncludesHeader()                     // 07 00 h e l l o
     *         .maxFrameLength(8192)
     *         .onOversize(OversizePolicy.SKIP)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private LengthField field = LengthField.DEFAULT;
        private int lengthAdjustment;
        private boolean includesHeader;
        private int maxFrameLength;
        private boolean maxSet;
        private OversizePolicy oversizePolicy = OversizePolicy.FAIL;

        private Builder() {}

        /**
         * Sets the length field's encoding; default {@link LengthField#DEFAULT} ({@code u32}).
         *
         * @param field the field
         * @return this builder
         */
        public Builder lengthField(LengthField field) {
            this.field = Objects.requireNonNull(field, "field");
            return this;
        }

        /**
         * Sets the length adjustment: the payload length is the field's value plus
         * {@code adjustment} (Netty's and tokio's {@code lengthAdjustment}). A header-inclusive
         * 2-byte field is {@code -2}; {@link #lengthIncludesHeader()} says that for any fixed
         * width.
         *
         * @param adjustment between -1 GiB (2<sup>30</sup>) and
         *     +1 GiB (2<sup>30</sup>)
         * @return this builder
         */
        public Builder lengthAdjustment(int adjustment) {
            this.lengthAdjustment = adjustment;
            return this;
        }

        /**
         * Makes the length count the length field too (Akka's {@code LengthFieldFrame} default,
         * Netty's {@code lengthIncludesLengthFieldLength}): the adjustment becomes minus the
         * field's width. Needs a fixed-width field.
         *
         * @return this builder
         */
        public Builder lengthIncludesHeader() {
            this.includesHeader = true;
            return this;
        }

        /**
         * Sets the largest payload accepted and sent. Default 1 MiB, or the field's capacity if
         * that is smaller (255 for {@code u8}, 65,535 for {@code u16}, 99,999 for
         * {@code ascii:5}).
         *
         * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>), and no more than
         *     the field can declare
         * @return this builder
         */
        public Builder maxFrameLength(int maxFrameLength) {
            this.maxFrameLength = maxFrameLength;
            this.maxSet = true;
            return this;
        }

        /**
         * Sets what the decoder does with a frame over the maximum; default
         * {@link OversizePolicy#FAIL}.
         *
         * @param policy fail the stream or skip the frame
         * @return this builder
         */
        public Builder onOversize(OversizePolicy policy) {
            this.oversizePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Checks the settings together and makes the framer.
         *
         * @return the framer
         * @throws IllegalArgumentException naming the setting: a maximum out of range or over what
         *     the field can declare, an adjustment out of range, {@code lengthIncludesHeader} on
         *     a varint or together with an adjustment
         */
        public LengthPrefixFramer build() {
            String name = field.equals(LengthField.DEFAULT) ? "length-prefix" : "length-prefix " + field;
            int limit = FrameLimits.LARGEST_MAX_FRAME_LENGTH;
            if (lengthAdjustment < -limit || lengthAdjustment > limit) {
                throw new IllegalArgumentException(name + ": lengthAdjustment must be between " + (-limit) + " and "
                        + limit + ", got " + lengthAdjustment);
            }
            int adjustment = lengthAdjustment;
            if (includesHeader) {
                if (field.fixedWidth() == 0) {
                    throw new IllegalArgumentException(name + ": lengthIncludesHeader() needs a fixed-width length field;"
                            + " a varint's width depends on the length (use lengthAdjustment(n) for a constant)");
                }
                if (lengthAdjustment != 0) {
                    throw new IllegalArgumentException(name + ": lengthIncludesHeader() sets the adjustment to -"
                            + field.fixedWidth() + "; do not also set lengthAdjustment(" + lengthAdjustment + ")");
                }
                adjustment = -field.fixedWidth();
            }
            long capacity = capacity(field, adjustment);
            if (capacity < 1) {
                throw new IllegalArgumentException(name + ": a " + field + " length field (at most " + field.maxValue()
                        + ") with length adjustment " + adjustment + " cannot declare any payload");
            }
            int max = maxFrameLength;
            if (!maxSet) {
                max = (int) Math.min(FrameLimits.DEFAULT_MAX_FRAME_LENGTH, capacity);
            } else {
                FrameLimits.checkMaxFrameLength(max, name);
                if (max > capacity) {
                    throw new IllegalArgumentException(name + ": maxFrameLength " + max + " is more than a " + field
                            + " length field can declare" + (adjustment == 0 ? "" : " with length adjustment " + adjustment)
                            + ": at most " + capacity + " bytes (use a wider field or a smaller maximum)");
                }
            }
            return new LengthPrefixFramer(this, adjustment, max, name);
        }
    }
}
