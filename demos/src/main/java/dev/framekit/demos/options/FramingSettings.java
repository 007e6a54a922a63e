package dev.framekit.demos.options;

import dev.framekit.framing.FrameLimits;

/**
 * The settings a {@link Framing} builds its framer from, as typed on the command line; each
 * framing uses the ones it needs.
 *
 * @param frameSize fixed: the frame size in bytes
 * @param pad fixed: the pad byte, a character or an escape such as {@code \0} or {@code \x23}
 * @param delimiter delimiter: the delimiter bytes, with escapes
 * @param maxFrame the largest frame accepted
 */
public record FramingSettings(int frameSize, String pad, String delimiter, int maxFrame) {
    /** The defaults of the command-line options. */
    public static final FramingSettings DEFAULTS =
            new FramingSettings(256, "\\0", "\\n", FrameLimits.DEFAULT_MAX_FRAME_LENGTH);

    /** The defaults, with a fixed frame of {@code size} bytes and every limit raised to carry {@code size}. */
    public static FramingSettings forMessages(int size) {
        return new FramingSettings(size, DEFAULTS.pad, DEFAULTS.delimiter,
                Math.max(size, FrameLimits.DEFAULT_MAX_FRAME_LENGTH));
    }

    /** These settings with another delimiter. */
    public FramingSettings withDelimiter(String newDelimiter) {
        return new FramingSettings(frameSize, pad, newDelimiter, maxFrame);
    }

    /** The pad byte; a --pad that is not one byte is an IllegalArgumentException. */
    byte padByte() {
        byte[] padBytes = Escapes.parse(pad);
        if (padBytes.length != 1) {
            throw new IllegalArgumentException("--pad must be one byte, got '" + pad + "' (" + padBytes.length
                    + " bytes); use an escape like \\x23 for other values");
        }
        return padBytes[0];
    }

    /** The delimiter bytes; an empty --delimiter is an IllegalArgumentException. */
    byte[] delimiterBytes() {
        byte[] delimiterBytes = Escapes.parse(delimiter);
        if (delimiterBytes.length == 0) {
            throw new IllegalArgumentException("--delimiter must be at least one byte");
        }
        return delimiterBytes;
    }
}
