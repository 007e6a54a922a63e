package dev.framekit.demos.options;

import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/** The framing options every command shares: which framing (from the {@link Framing} registry), and its settings. */
public final class FramingOptions {
    @Option(names = "--framing", defaultValue = "length", paramLabel = "NAME",
            converter = FramingConverter.class, completionCandidates = Framing.Names.class,
            description = "Framing rule: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Framing framing = Framing.LENGTH;

    @Option(names = "--frame-size", defaultValue = "256", paramLabel = "N",
            description = "fixed: frame size in bytes (default: ${DEFAULT-VALUE}).")
    int frameSize = FramingSettings.DEFAULTS.frameSize();

    @Option(names = "--pad", defaultValue = "\\0", paramLabel = "CHAR",
            description = "fixed: pad byte, a character or an escape like \\0 or \\x23 (default: \\0).")
    String pad = FramingSettings.DEFAULTS.pad();

    @Option(names = "--delimiter", defaultValue = "\\n", paramLabel = "STR",
            description = "delimiter: bytes, with escapes \\n \\r \\t \\0 \\xHH (default: \\n).")
    String delimiter = FramingSettings.DEFAULTS.delimiter();

    @Option(names = "--also-delimiter", paramLabel = "STR",
            description = "delimiter: another delimiter that ends a frame on arrival (repeatable; --delimiter is the one"
                    + " sent), e.g. --delimiter '\\r\\n' --also-delimiter '\\n'; each must then be UTF-8 text.")
    List<String> alsoDelimiters = new ArrayList<>();

    @Option(names = "--keep-delimiter",
            description = "delimiter: hand each frame out with the delimiter it ended with, and send each message"
                    + " as it is (it must end with a delimiter and hold none before).")
    boolean keepDelimiter;

    @Option(names = "--last-frame-at-end",
            description = "delimiter: the bytes after the last delimiter are a frame when the stream ends.")
    boolean lastFrameAtEnd;

    @Option(names = "--max-frame", defaultValue = "1m", paramLabel = "BYTES", converter = ByteSizes.Converter.class,
            description = "Largest frame accepted, e.g. 64k or 1m (default: 1m, or what --length-field can declare"
                    + " if less: 255 for u8, 65535 for u16, 99999 for ascii:5).")
    int maxFrame = FramingSettings.DEFAULTS.maxFrame();

    @Option(names = "--length-field", defaultValue = "u32", paramLabel = "SPEC",
            description = "length: u8 u16 u24 u32 u64 (big-endian), with le appended for little-endian (u16le ...),"
                    + " varint (protobuf), vbi (MQTT), or ascii:N (N decimal digits, e.g. ascii:5) (default: ${DEFAULT-VALUE}).")
    String lengthField = FramingSettings.DEFAULTS.lengthField();

    @Option(names = "--length-includes-header",
            description = "length: the length counts its own field too (Akka, Netty's lengthIncludesLengthFieldLength).")
    boolean lengthIncludesHeader;

    @Option(names = "--length-offset", defaultValue = "0", paramLabel = "N",
            description = "length: N header bytes (a type, flags, a tag) before the length field, kept with each"
                    + " frame; echo-server returns them (default: ${DEFAULT-VALUE}).")
    int lengthOffset;

    @Option(names = "--length-adjust", defaultValue = "0", paramLabel = "N",
            description = "length: the payload is the length field's value plus N, e.g. -6 for a field that counts"
                    + " a 2-byte tag and itself (default: ${DEFAULT-VALUE}).")
    int lengthAdjust;

    @Option(names = "--on-oversize", defaultValue = "fail", paramLabel = "fail|skip",
            description = "length: on a frame over --max-frame, fail the connection (default) or skip the frame"
                    + " and read on.")
    String onOversize = FramingSettings.DEFAULTS.onOversize();

    @Option(names = "--hexdump", description = "Show the bytes on the wire for every frame sent and received.")
    boolean hexdump;

    @Option(names = "--crc32c", description = "Any framing: each frame carries the payload's CRC-32C (4 bytes,"
            + " big-endian) after it, checked on arrival; a bad checksum closes the connection.")
    boolean crc32c;

    @Option(names = "--on-bad-checksum", defaultValue = "fail", paramLabel = "fail|skip",
            description = "--crc32c: on a frame whose checksum does not match, fail the connection (default) or"
                    + " skip the frame and read on (echo and reverse servers count it in the closing line).")
    String onBadChecksum = "fail";

    /**
     * The framer as the wire sees it, described to peers (the LAN announcement): what
     * {@link #framer} builds less {@code --on-bad-checksum}, which is what this end does with a
     * damaged frame, not what its peer must send.
     */
    public Framer wireFramer(Framing.Side side) {
        Framer framer = framing.build(settings(), side);
        return crc32c ? Framers.crc32c(framer) : framer;
    }

    /**
     * Builds the framer these options describe for the {@code side} end of a connection; a bad
     * combination is an IllegalArgumentException.
     */
    public Framer framer(Framing.Side side) {
        if (alsoDelimiters.contains("")) {
            throw new IllegalArgumentException("--also-delimiter must be at least one byte");
        }
        Framer framer = framing.build(settings(), side);
        boolean skip = skipsBadChecksums();
        if (skip && !crc32c) {
            throw new IllegalArgumentException("--on-bad-checksum skip applies with --crc32c only; add --crc32c, or drop it");
        }
        return !crc32c ? framer : skip ? Framers.crc32cSkippingBadFrames(framer) : Framers.crc32c(framer);
    }

    /**
     * Whether a frame with a bad checksum is skipped ({@code --on-bad-checksum skip}); anything but
     * fail or skip is an IllegalArgumentException naming the option.
     */
    public boolean skipsBadChecksums() {
        return switch (onBadChecksum.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "fail" -> false;
            case "skip" -> true;
            default -> throw new IllegalArgumentException("--on-bad-checksum: '" + onBadChecksum
                    + "' is not a checksum policy; choose fail or skip");
        };
    }

    /**
     * Builds the framer these options describe for the {@code side} end of a connection (a
     * server's connections are its {@link Framing.Side#SERVER SERVER} ends); a bad combination is a usage error of
     * {@code spec}'s command (shown in the command line's terms, see {@link OptionTerms}). So is an option
     * of another framing ({@link Framing#ownOptions()}), e.g. {@code --pad} with
     * {@code --framing length}, which would otherwise be silently ignored.
     */
    public Framer framer(CommandSpec spec, Framing.Side side) {
        rejectOptionsOfOtherFramings(spec.commandLine());
        try {
            return framer(side);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void rejectOptionsOfOtherFramings(CommandLine commandLine) {
        ParseResult given = commandLine.getParseResult();
        if (given == null) {
            return;
        }
        for (Framing other : Framing.values()) {
            for (String option : other.ownOptions()) {
                if (!framing.ownOptions().contains(option) && given.hasMatchedOption(option)) {
                    throw new ParameterException(commandLine, option + " applies to --framing " + other
                            + " only, not to --framing " + framing + "; drop it, or choose --framing " + other);
                }
            }
        }
    }

    /** The settings as given. */
    public FramingSettings settings() {
        return new FramingSettings(frameSize, pad, delimiter, maxFrame, lengthField, lengthIncludesHeader, onOversize,
                lengthOffset, lengthAdjust, String.join(" ", alsoDelimiters.stream().map(d -> d.replace(" ", "\\x20"))
                        .toList()), keepDelimiter, lastFrameAtEnd);
    }

    /** The options as they would be typed, for ready-to-paste client commands. */
    public String asArguments() {
        return "--framing " + framing + framing.settingsAsArguments(settings()) + crc32cArguments();
    }

    /**
     * {@link #asArguments()} without the options that equal their defaults ({@code --framing length},
     * {@code --delimiter '\n'}, {@code --frame-size 256}, {@code --pad '\0'}): the shortest a client
     * types; "" for the default framing.
     */
    public String asShortArguments() {
        FramingSettings defaults = FramingSettings.DEFAULTS;
        return ((framing == Framing.LENGTH ? "" : "--framing " + framing) + framing.settingsAsArguments(settings())
                .replaceAll(" --delimiter '" + Pattern.quote(defaults.delimiter()) + "'(?= |$)", "")
                .replaceAll(" --frame-size " + defaults.frameSize() + "(?= |$)", "")
                .replaceAll(" --pad '" + Pattern.quote(defaults.pad()) + "'(?= |$)", "")
                + crc32cArguments()).strip();
    }

    private String crc32cArguments() {
        return crc32c ? " --crc32c" + (skipsBadChecksums() ? " --on-bad-checksum skip" : "") : "";
    }

    /** Whether --hexdump was given. */
    public boolean hexdump() {
        return hexdump;
    }

    /** Whether --crc32c was given: each frame carries a CRC-32C trailer. */
    public boolean crc32c() {
        return crc32c;
    }

    /** The chosen framing. */
    public Framing framing() {
        return framing;
    }

    /** Converts --framing values, naming the choices on a mistake. */
    static final class FramingConverter implements ITypeConverter<Framing> {
        @Override
        public Framing convert(String value) {
            try {
                return Framing.named(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
