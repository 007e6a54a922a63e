package dev.framekit.framing;

import dev.framekit.framing.internal.FrameLimits;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * The checks {@link LengthPrefixFramer.Builder#build()} makes on its settings together, each
 * failing with a message that names the setting and its value.
 */
final class LengthPrefixRules {
    private LengthPrefixRules() {}

    /** The framer's name in messages: the protocol of a preset, else {@code length-prefix} and the field. */
    static String name(LengthPreset preset, LengthField field) {
        return preset != LengthPreset.NONE ? preset.protocol()
                : field.equals(LengthField.DEFAULT) ? "length-prefix" : "length-prefix " + field;
    }

    /** The largest payload a field can declare with an adjustment. */
    static long capacity(LengthField field, int lengthAdjustment) {
        return Math.min(field.maxValue(), Long.MAX_VALUE - FrameLimits.LARGEST_MAX_FRAME_LENGTH) + lengthAdjustment;
    }

    /** Checks the offset, and that default header fields, if set, are as long as it and fit the preset. */
    static void checkHeaderFields(String name, int offset, byte[] defaultHeaderFields, LengthPreset preset) {
        if (offset < 0 || offset > LengthPrefixFramer.MAX_LENGTH_FIELD_OFFSET) {
            throw new IllegalArgumentException(name + ": lengthFieldOffset must be between 0 and "
                    + LengthPrefixFramer.MAX_LENGTH_FIELD_OFFSET + ", got " + offset);
        }
        if (defaultHeaderFields != null && defaultHeaderFields.length != offset) {
            throw new IllegalArgumentException(name + ": defaultHeaderFields must be " + offset
                    + " bytes, as many as lengthFieldOffset, got " + defaultHeaderFields.length);
        }
        String problem = defaultHeaderFields == null ? null : preset.problem(Unpooled.wrappedBuffer(defaultHeaderFields), 0);
        if (problem != null) {
            throw new IllegalArgumentException(name + ": defaultHeaderFields: " + problem);
        }
    }

    /** The adjustment in force: the one set, or minus the header's width for a header-inclusive length. */
    static int adjustment(String name, LengthField field, int lengthAdjustment, boolean includesHeader, int offset) {
        int limit = FrameLimits.LARGEST_MAX_FRAME_LENGTH;
        if (lengthAdjustment < -limit || lengthAdjustment > limit) {
            throw new IllegalArgumentException(name + ": lengthAdjustment must be between " + (-limit) + " and "
                    + limit + ", got " + lengthAdjustment);
        }
        if (!includesHeader) {
            return lengthAdjustment;
        }
        if (field.fixedWidth() == 0) {
            throw new IllegalArgumentException(name + ": lengthIncludesHeader() needs a fixed-width length field;"
                    + " a varint's width depends on the length (use lengthAdjustment(n) for a constant)");
        }
        if (lengthAdjustment != 0) {
            throw new IllegalArgumentException(name + ": lengthIncludesHeader() sets the adjustment to -"
                    + (offset + field.fixedWidth()) + "; do not also set lengthAdjustment(" + lengthAdjustment + ")");
        }
        return -(offset + field.fixedWidth());
    }

    /**
     * The maximum frame length: {@code set} (null for not set: the default, or the field's capacity if
     * smaller), checked against what the field can declare.
     */
    static int maxFrameLength(String name, LengthField field, int adjustment, Integer set) {
        long capacity = capacity(field, adjustment);
        if (capacity < 1) {
            throw new IllegalArgumentException(name + ": a " + field + " length field (at most " + field.maxValue()
                    + ") with length adjustment " + adjustment + " cannot declare any payload");
        }
        if (set == null) {
            return (int) Math.min(FrameLimits.DEFAULT_MAX_FRAME_LENGTH, capacity);
        }
        FrameLimits.checkMaxFrameLength(set, name);
        if (set > capacity) {
            throw new IllegalArgumentException(name + ": maxFrameLength " + set + " is more than a " + field
                    + " length field can declare" + (adjustment == 0 ? "" : " with length adjustment " + adjustment)
                    + ": at most " + capacity + " bytes (use a wider field or a smaller maximum)");
        }
        return set;
    }

    /** The framer's {@code toString}. */
    static String describe(LengthPrefixFramer framer) {
        LengthPreset preset = framer.preset();
        LengthField field = framer.lengthField();
        int offset = framer.lengthFieldOffset();
        String fieldText = field.equals(LengthField.DEFAULT) && preset == LengthPreset.NONE ? "4-byte big-endian"
                : field.toString();
        String offsetText = offset == 0 ? ""
                : preset != LengthPreset.NONE ? offset + " header byte, "
                : "offset " + offset + " (default header " + ByteBufUtil.hexDump(framer.defaultHeaderFields()) + "), ";
        return (preset == LengthPreset.NONE ? "length-prefix" : preset.protocol()) + "(" + offsetText + fieldText
                + (framer.lengthAdjustment() == 0 ? "" : ", adjustment " + framer.lengthAdjustment())
                + (framer.oversizePolicy() == OversizePolicy.SKIP ? ", skip oversized" : "")
                + ", max " + framer.maxFrameLength() + " bytes)";
    }
}
