package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import java.util.Arrays;
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
 * LengthPrefixFramer.builder()...build(), "hello" on the wire:
 *
 *   .lengthField(LengthField.littleEndian(2))                   05 00 68 65 6c 6c 6f   u16le: low byte first
 *   .lengthField(LengthField.bigEndian(2)).lengthIncludesHeader()  00 07 68 65 6c 6c 6f   7 = 2 + 5 (Akka)
 *   .lengthField(LengthField.varint()), 300 bytes               ac 02 ...              protobuf's varint
 *   .lengthField(LengthField.asciiDecimal(5))                   30 30 30 30 35 68 ...  str(5).zfill(5)
 *
 * ... .lengthFieldOffset(2).lengthField(LengthField.bigEndian(2)).build(), header fields 03 07, "hello":
 *
 *   +----+----+----+----+----+----+----+----+----+
 *   | 03 | 07 | 00 | 05 | 68 | 65 | 6c | 6c | 6f |    Frame.headerFields() = 03 07, payload "hello"
 *   +----+----+----+----+----+----+----+----+----+
 *   |header   | length  |
 *   | fields  | = 5     |
 * </pre>
 *
 * <p><b>Header fields.</b> With {@link Builder#lengthFieldOffset(int)} N, the N bytes before the
 * length field (a type, flags, a tag) are the frame's header fields: {@link FrameDecoder#decodeFrame}
 * and {@link FrameReader#read()} hand them out with the payload ({@link Frame#headerFields()}), and
 * {@link FrameWriter#write(Frame)} writes them back, so an echo returns each frame byte for byte. A
 * message written without header fields carries {@link Builder#defaultHeaderFields(byte...)}
 * (zeros unless set). {@link Framers#mqtt()} and {@link Framers#grpc()} are such framers.
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
    /** The most bytes {@link Builder#lengthFieldOffset(int)} puts before the length field: 64. */
    public static final int MAX_LENGTH_FIELD_OFFSET = 64;

    static final LengthPrefixFramer DEFAULT = builder().build();

    private final LengthField field;
    private final int lengthAdjustment;
    private final int lengthFieldOffset;
    private final byte[] defaultHeaderFields;
    private final LengthPreset preset;
    private final OversizePolicy oversizePolicy;
    private final String name;
    /** Whether the maximum was set, rather than the default for the field; {@link #toBuilder()} keeps it only then. */
    private final boolean maxSet;
    private final FrameEncoder encoder;

    private LengthPrefixFramer(Builder builder, int lengthAdjustment, int maxFrameLength, String name) {
        this.maxFrameLength = maxFrameLength;
        this.field = builder.field;
        this.lengthAdjustment = lengthAdjustment;
        this.lengthFieldOffset = builder.lengthFieldOffset;
        this.defaultHeaderFields = builder.defaultHeaderFields == null ? new byte[lengthFieldOffset]
                : builder.defaultHeaderFields.clone();
        this.preset = builder.preset;
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
        Builder builder = new Builder().lengthField(field).onOversize(oversizePolicy).lengthAdjustment(lengthAdjustment)
                .lengthFieldOffset(lengthFieldOffset).defaultHeaderFields(defaultHeaderFields).preset(preset);
        return maxSet ? builder.maxFrameLength(maxFrameLength()) : builder;
    }

    /**
     * Returns a framer like this one that accepts and sends payloads of up to
     * {@code maxFrameLength} bytes.
     *
     * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>), and no more than the length field can declare
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

    /** {@return how many bytes come before the length field, each frame's header fields (0 unless set)} */
    public int lengthFieldOffset() {
        return lengthFieldOffset;
    }

    /** The header fields of a message written without any; not to be modified. */
    byte[] defaultHeaderFields() {
        return defaultHeaderFields;
    }

    LengthPreset preset() {
        return preset;
    }

    /** {@return what the decoder does with a frame over the maximum: fail or skip} */
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

    /**
     * Describes the rule, e.g. {@code length-prefix(u16le, adjustment -2, skip oversized, max 65533
     * bytes)}, {@code length-prefix(offset 2 (default header 0000), u16, ...)}, {@code mqtt(1 header byte, vbi, ...)}.
     */
    @Override
    public String toString() {
        return LengthPrefixRules.describe(this);
    }

    /** Two length-prefix framers are equal when all their settings are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LengthPrefixFramer that && field.equals(that.field)
                && lengthAdjustment == that.lengthAdjustment && oversizePolicy == that.oversizePolicy
                && maxFrameLength() == that.maxFrameLength() && lengthFieldOffset == that.lengthFieldOffset
                && Arrays.equals(defaultHeaderFields, that.defaultHeaderFields) && preset == that.preset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, lengthAdjustment, oversizePolicy, maxFrameLength(), lengthFieldOffset,
                Arrays.hashCode(defaultHeaderFields), preset);
    }

    /**
     * Settings for a {@link LengthPrefixFramer}, checked together by {@link #build()} with
     * messages that name the setting and its value. Not thread-safe; the framer it builds is.
     *
     * <pre>{@code
     * LengthPrefixFramer netty = LengthPrefixFramer.builder()
     *         .lengthFieldOffset(1)                       // t | 05 00 | h e l l o   (t: a type byte)
     *         .lengthField(LengthField.littleEndian(2))
     *         .lengthIncludesHeader()                     // t | 08 00 | h e l l o
     *         .maxFrameLength(8192).onOversize(OversizePolicy.SKIP).build();
     * }</pre>
     */
    public static final class Builder {
        private LengthField field = LengthField.DEFAULT;
        private int lengthAdjustment;
        private int lengthFieldOffset;
        private byte[] defaultHeaderFields;
        private LengthPreset preset = LengthPreset.NONE;
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
         * {@code adjustment} (Netty's {@code lengthAdjustment}, tokio's {@code length_adjustment}):
         * {@code -3} for a field that counts itself and one byte before it.
         *
         * @param adjustment between -1 GiB (2<sup>30</sup>) and +1 GiB
         * @return this builder
         */
        public Builder lengthAdjustment(int adjustment) {
            this.lengthAdjustment = adjustment;
            return this;
        }

        /**
         * Sets how many bytes come before the length field (Netty's {@code lengthFieldOffset},
         * tokio's {@code length_field_offset}): each frame's header fields, a type, flags or a tag,
         * kept and handed out with the payload ({@link Frame#headerFields()}) and written back by
         * {@link FrameWriter#write(Frame)}. Default 0.
         *
         * <pre>
         * lengthFieldOffset(1), u16:   03 | 00 05 | 68 65 6c 6c 6f    header fields 03, payload "hello"
         * </pre>
         *
         * @param offset 0 to {@value #MAX_LENGTH_FIELD_OFFSET}
         * @return this builder
         */
        public Builder lengthFieldOffset(int offset) {
            this.lengthFieldOffset = offset;
            return this;
        }

        /**
         * Sets the header fields of a message written without any ({@link FrameWriter#write(byte[])}):
         * as many bytes as the {@link #lengthFieldOffset(int) offset}. Default all zeros.
         *
         * @param fields the bytes (copied)
         * @return this builder
         */
        public Builder defaultHeaderFields(byte... fields) {
            this.defaultHeaderFields = fields.clone();
            return this;
        }

        Builder preset(LengthPreset preset) {
            this.preset = preset;
            return this;
        }

        /**
         * Makes the length count the whole header too, the length field and any bytes before it
         * (Akka's {@code LengthFieldFrame} default, Netty's {@code lengthIncludesLengthFieldLength}):
         * the adjustment becomes minus the header's width. Needs a fixed-width field.
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
         * @param maxFrameLength 1 to 1 GiB (2<sup>30</sup>), and no more than the field can declare
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
         *     the field can declare, an adjustment or offset out of range, default header fields
         *     that are not as long as the offset, {@code lengthIncludesHeader} on a varint or
         *     together with an adjustment
         */
        public LengthPrefixFramer build() {
            String name = LengthPrefixRules.name(preset, field);
            LengthPrefixRules.checkHeaderFields(name, lengthFieldOffset, defaultHeaderFields, preset);
            int adjustment = LengthPrefixRules.adjustment(name, field, lengthAdjustment, includesHeader, lengthFieldOffset);
            int max = LengthPrefixRules.maxFrameLength(name, field, adjustment, maxSet ? Integer.valueOf(maxFrameLength) : null);
            return new LengthPrefixFramer(this, adjustment, max, name);
        }
    }
}
