package dev.framekit.demos.options;

import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.OversizePolicy;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings a {@link Framing} builds its framer from, as typed on the command line; each
 * framing uses the ones it needs.
 *
 * @param frameSize fixed: the frame size in bytes
 * @param pad fixed: the pad byte, a character or an escape such as {@code \0} or {@code \x23}
 * @param delimiter delimiter: the delimiter bytes, with escapes
 * @param maxFrame the largest frame accepted
 * @param lengthField length: the length field's spec ({@code u8} ... {@code u64}, {@code le}
 *     suffix, {@code varint}, {@code ascii:N})
 * @param lengthIncludesHeader length: the length counts its own field
 * @param onOversize length: {@code fail} the connection or {@code skip} an oversized frame
 * @param lengthOffset length: header-field bytes before the length field
 * @param lengthAdjust length: the payload is the field's value plus this
 * @param alsoDelimiters delimiter: the other delimiters accepted on arrival, each with escapes,
 *     separated by a space ({@code ""} for none; a space inside one is {@code \x20})
 * @param keepDelimiter delimiter: frames come out with their delimiter, messages are sent as they are
 * @param lastFrameAtEnd delimiter: the bytes after the last delimiter are a frame at the end of the stream
 */
public record FramingSettings(int frameSize, String pad, String delimiter, int maxFrame, String lengthField,
        boolean lengthIncludesHeader, String onOversize, int lengthOffset, int lengthAdjust, String alsoDelimiters,
        boolean keepDelimiter, boolean lastFrameAtEnd) {
    /** The library's default frame limit (1 MiB), which every framer has unless raised. */
    public static final int DEFAULT_MAX_FRAME = Framers.lengthPrefixed().maxFrameLength();

    /** The defaults of the command-line options. */
    public static final FramingSettings DEFAULTS = new FramingSettings(256, "\\0", "\\n",
            DEFAULT_MAX_FRAME, LengthField.DEFAULT.toString(), false, "fail", 0, 0, "", false, false);

    /** The defaults, with a fixed frame of {@code size} bytes and every limit raised to carry {@code size}. */
    public static FramingSettings forMessages(int size) {
        return DEFAULTS.withFrameSizeAndMax(size, Math.max(size, DEFAULT_MAX_FRAME));
    }

    /** These settings with another delimiter. */
    public FramingSettings withDelimiter(String newDelimiter) {
        return new FramingSettings(frameSize, pad, newDelimiter, maxFrame, lengthField, lengthIncludesHeader, onOversize,
                lengthOffset, lengthAdjust, alsoDelimiters, keepDelimiter, lastFrameAtEnd);
    }

    /** These settings with another length field spec. */
    public FramingSettings withLengthField(String spec) {
        return new FramingSettings(frameSize, pad, delimiter, maxFrame, spec, lengthIncludesHeader, onOversize,
                lengthOffset, lengthAdjust, alsoDelimiters, keepDelimiter, lastFrameAtEnd);
    }

    private FramingSettings withFrameSizeAndMax(int newFrameSize, int newMaxFrame) {
        return new FramingSettings(newFrameSize, pad, delimiter, newMaxFrame, lengthField, lengthIncludesHeader,
                onOversize, lengthOffset, lengthAdjust, alsoDelimiters, keepDelimiter, lastFrameAtEnd);
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

    /**
     * The delimiters, the one sent first, as UTF-8 text for {@code Framers.delimiters}; a delimiter
     * that is not UTF-8 text, or an empty one, is an IllegalArgumentException naming the option.
     */
    List<String> allDelimiters() {
        List<String> all = new ArrayList<>();
        all.add(text("--delimiter", delimiterBytes()));
        for (String more : alsoDelimiters.isEmpty() ? new String[0] : alsoDelimiters.split(" ")) {
            byte[] bytes = Escapes.parse(more);
            if (bytes.length == 0) {
                throw new IllegalArgumentException("--also-delimiter must be at least one byte");
            }
            all.add(text("--also-delimiter", bytes));
        }
        return all;
    }

    /** The line options as typed after {@code --delimiter}: {@code --also-delimiter '\n' --keep-delimiter}, or "". */
    String lineArguments() {
        StringBuilder arguments = new StringBuilder();
        for (String more : alsoDelimiters.isEmpty() ? new String[0] : alsoDelimiters.split(" ")) {
            arguments.append(" --also-delimiter '").append(more).append("'");
        }
        return arguments + (keepDelimiter ? " --keep-delimiter" : "") + (lastFrameAtEnd ? " --last-frame-at-end" : "");
    }

    private static String text(String option, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(option + " " + Escapes.quoted(bytes) + " is not UTF-8 text; with"
                    + " --also-delimiter, each delimiter must be");
        }
    }

    /** The oversize policy; anything but fail or skip (any case) is an IllegalArgumentException naming the option. */
    OversizePolicy oversizePolicy() {
        for (OversizePolicy policy : OversizePolicy.values()) {
            if (policy.name().equalsIgnoreCase(onOversize.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("--on-oversize: '" + onOversize + "' is not an oversize policy; choose fail or skip");
    }

    /** The length field; a bad --length-field is an IllegalArgumentException that names the option. */
    LengthField lengthFieldParsed() {
        try {
            return LengthField.parse(lengthField);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--length-field: " + e.getMessage().replaceFirst("^length field: ", ""));
        }
    }
}
