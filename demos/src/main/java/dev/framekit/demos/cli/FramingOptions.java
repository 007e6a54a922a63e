package dev.framekit.demos.cli;

import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The framing options every command shares: which framer, and its settings. */
public final class FramingOptions {
    @Option(names = "--framing", defaultValue = "length", paramLabel = "fixed|delimiter|length|close",
            converter = FramingKindConverter.class,
            description = "Framing rule: fixed, delimiter, length or close (default: ${DEFAULT-VALUE}).")
    FramingKind framing = FramingKind.LENGTH;

    @Option(names = "--frame-size", defaultValue = "256", paramLabel = "N",
            description = "fixed: frame size in bytes (default: ${DEFAULT-VALUE}).")
    int frameSize = 256;

    @Option(names = "--pad", defaultValue = "\\0", paramLabel = "CHAR",
            description = "fixed: pad byte, a character or an escape like \\0 or \\x23 (default: \\0).")
    String pad = "\\0";

    @Option(names = "--delimiter", defaultValue = "\\n", paramLabel = "STR",
            description = "delimiter: bytes, with escapes \\n \\r \\t \\0 \\xHH (default: \\n).")
    String delimiter = "\\n";

    @Option(names = "--max-frame", defaultValue = "1m", paramLabel = "BYTES", converter = ByteSizeConverter.class,
            description = "Largest frame accepted, e.g. 64k or 1m (default: 1m).")
    int maxFrame = 1 << 20;

    @Option(names = "--hexdump", description = "Show the bytes on the wire for every frame sent and received.")
    boolean hexdump;

    /** Builds the framer these options describe; a bad combination is an IllegalArgumentException. */
    public Framer framer() {
        return switch (framing) {
            case FIXED -> {
                if (frameSize > maxFrame) {
                    throw new IllegalArgumentException("--frame-size " + frameSize + " is over --max-frame " + maxFrame);
                }
                byte[] padBytes = Escapes.parse(pad);
                if (padBytes.length != 1) {
                    throw new IllegalArgumentException("--pad must be one byte, got '" + pad + "' (" + padBytes.length
                            + " bytes); use an escape like \\x23 for other values");
                }
                yield Framers.fixedLength(frameSize).pad(padBytes[0]);
            }
            case DELIMITER -> {
                byte[] delimiterBytes = Escapes.parse(delimiter);
                if (delimiterBytes.length == 0) {
                    throw new IllegalArgumentException("--delimiter must be at least one byte");
                }
                yield Framers.delimiter(delimiterBytes).maxFrameLength(maxFrame);
            }
            case LENGTH -> Framers.lengthPrefixed().maxFrameLength(maxFrame);
            case CLOSE -> Framers.sendAndClose().maxFrameLength(maxFrame);
        };
    }

    /** The options as they would be typed, for ready-to-paste client commands. */
    public String asArguments() {
        StringBuilder out = new StringBuilder("--framing ").append(framing);
        switch (framing) {
            case FIXED -> out.append(" --frame-size ").append(frameSize).append(" --pad '").append(pad).append('\'');
            case DELIMITER -> out.append(" --delimiter '").append(delimiter).append('\'');
            default -> { }
        }
        if (maxFrame != 1 << 20 && framing != FramingKind.FIXED) {
            out.append(" --max-frame ").append(ByteSizes.format(maxFrame));
        }
        return out.toString();
    }

    /** Whether --hexdump was given. */
    public boolean hexdump() {
        return hexdump;
    }

    /** The chosen framing kind. */
    public FramingKind kind() {
        return framing;
    }

    /** Converts --framing values, naming the choices on a mistake. */
    static final class FramingKindConverter implements ITypeConverter<FramingKind> {
        @Override
        public FramingKind convert(String value) {
            for (FramingKind kind : FramingKind.values()) {
                if (kind.toString().equalsIgnoreCase(value)) {
                    return kind;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a framing; choose fixed, delimiter, length or close");
        }
    }

    /** Converts --max-frame values like 64k. */
    public static final class ByteSizeConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return ByteSizes.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
