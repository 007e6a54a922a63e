package dev.framekit.demos.options;

import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import dev.framekit.framing.LengthField;
import dev.framekit.framing.LengthPrefixFramer;
import dev.framekit.framing.OversizePolicy;
import dev.framekit.framing.MessageRefusedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Every framing the demos offer, by its {@code --framing} name: the one registry. Each constant
 * builds its framer from {@link FramingSettings} and says which of those settings it uses. Every
 * command, {@code compare}, {@code bench}, {@code load}, the {@code --framing} completion
 * candidates and the help text read this list. <b>To add a framing, add a constant here</b>;
 * nothing else names the framings.
 */
public enum Framing {
    /** Fixed-length padded frames: {@code --frame-size} bytes, padded with {@code --pad}. */
    FIXED("fixed") {
        @Override
        public Framer build(FramingSettings settings) {
            if (settings.frameSize() > settings.maxFrame()) {
                throw new IllegalArgumentException("--frame-size " + settings.frameSize() + " is over --max-frame "
                        + settings.maxFrame());
            }
            return Framers.fixedLength(settings.frameSize()).pad(settings.padByte());
        }

        @Override
        String settingsAsArguments(FramingSettings settings) {
            return " --frame-size " + settings.frameSize() + " --pad '" + settings.pad() + "'";
        }
    },
    /** Delimited frames, split once at the first {@code --delimiter}. */
    DELIMITER("delimiter") {
        @Override
        public Framer build(FramingSettings settings) {
            return Framers.delimiter(settings.delimiterBytes()).maxFrameLength(settings.maxFrame());
        }

        @Override
        String settingsAsArguments(FramingSettings settings) {
            return " --delimiter '" + settings.delimiter() + "'" + super.settingsAsArguments(settings);
        }

        @Override
        public boolean speaksLines() {
            return true;
        }
    },
    /**
     * A length prefix: {@code --length-field} (4-byte big-endian by default), optionally counting
     * itself ({@code --length-includes-header}), with an {@code --on-oversize} policy.
     */
    LENGTH("length") {
        @Override
        public Framer build(FramingSettings settings) {
            LengthField field = settings.lengthFieldParsed();
            LengthPrefixFramer.Builder builder = LengthPrefixFramer.builder().lengthField(field)
                    .onOversize(settings.onOversize());
            if (settings.lengthIncludesHeader()) {
                builder.lengthIncludesHeader();
            }
            // The default --max-frame (1 MiB) gives way to a narrower field's capacity (255 for u8).
            if (settings.maxFrame() != Framers.DEFAULT_MAX_FRAME_LENGTH) {
                builder.maxFrameLength(settings.maxFrame());
            }
            try {
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--length-field " + field
                        + (settings.lengthIncludesHeader() ? " --length-includes-header" : "")
                        + " --max-frame " + ByteSizes.format(settings.maxFrame()) + ": " + e.getMessage());
            }
        }

        @Override
        String settingsAsArguments(FramingSettings settings) {
            return (settings.lengthField().equals(LengthField.DEFAULT.toString()) ? ""
                    : " --length-field " + settings.lengthField())
                    + (settings.lengthIncludesHeader() ? " --length-includes-header" : "")
                    + (settings.onOversize() == OversizePolicy.SKIP ? " --on-oversize skip" : "")
                    + super.settingsAsArguments(settings);
        }
    },
    /** Netstrings: {@code 12:hello world!,}. */
    NETSTRING("netstring") {
        @Override
        public Framer build(FramingSettings settings) {
            return Framers.netstrings().maxFrameLength(settings.maxFrame());
        }
    },
    /** One message per connection, ended by a half-close. */
    CLOSE("close") {
        @Override
        public Framer build(FramingSettings settings) {
            return Framers.sendAndClose().maxFrameLength(settings.maxFrame());
        }
    };

    private final String name;

    Framing(String name) {
        this.name = name;
    }

    /**
     * The framer {@code settings} describe.
     *
     * @throws IllegalArgumentException naming the option, for a bad combination of settings
     */
    public abstract Framer build(FramingSettings settings);

    /** A framer with the default settings, able to carry messages of {@code size} bytes (compare, bench). */
    public Framer forMessages(int size) {
        return build(FramingSettings.forMessages(size));
    }

    /** This framing's settings as they would be typed after {@code --framing NAME}; by default only --max-frame. */
    String settingsAsArguments(FramingSettings settings) {
        return settings.maxFrame() == Framers.DEFAULT_MAX_FRAME_LENGTH ? ""
                : " --max-frame " + ByteSizes.format(settings.maxFrame());
    }

    /** Whether a line client such as {@code nc} speaks this framing (the start-up banner says so). */
    public boolean speaksLines() {
        return false;
    }

    /**
     * Whether {@code framer} carries one message per connection (send-and-close). The one place
     * the demos ask the library, so that the switch to an explicit one-shot exchange is one edit.
     */
    public static boolean connectionPerMessage(Framer framer) {
        return framer.oneMessagePerConnection();
    }

    /**
     * Why {@code framer} cannot carry {@code message}, or null if it can. The one place the demos
     * ask "does it fit"; it encodes into a scratch buffer until the library answers the question
     * itself ({@code framer.check(message)}), which will make this one line.
     */
    public static String refusal(Framer framer, byte[] message) {
        ByteBuf scratch = Unpooled.buffer();
        try {
            framer.encode(message, scratch);
            return null;
        } catch (MessageRefusedException e) {
            return e.getMessage();
        } finally {
            scratch.release();
        }
    }

    /**
     * The rows {@code compare} shows by default: every framing, and after {@code length} the
     * length fields real peers use, written {@code length:SPEC}.
     */
    public static List<String> comparedNames() {
        List<String> names = new java.util.ArrayList<>();
        for (Framing framing : values()) {
            names.add(framing.toString());
            if (framing == LENGTH) {
                for (String spec : COMPARED_LENGTH_FIELDS) {
                    names.add(LENGTH + ":" + spec);
                }
            }
        }
        return names;
    }

    /** The length fields compare shows beside the default u32: Twisted/Erlang, Netty LE, protobuf, the seed tutorial. */
    private static final List<String> COMPARED_LENGTH_FIELDS = List.of("u16", "u32le", "varint", "ascii:5");

    /**
     * A framer with the default settings for messages of {@code size} bytes, for a name
     * {@code compare} accepts: a framing, or {@code length:SPEC} for a length field.
     *
     * @throws IllegalArgumentException naming the choices, for an unknown name or spec
     */
    public static Framer forMessages(String name, int size) {
        String trimmed = name.trim();
        String prefix = LENGTH + ":";
        if (trimmed.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return LENGTH.build(FramingSettings.forMessages(size).withLengthField(trimmed.substring(prefix.length())));
        }
        return named(trimmed).forMessages(size);
    }

    /** The command-line name: fixed, delimiter, length, netstring, close. */
    @Override
    public String toString() {
        return name;
    }

    /** Every framing's name, in order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Framing::toString).toList();
    }

    /**
     * The framing called {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static Framing named(String name) {
        for (Framing framing : values()) {
            if (framing.name.equalsIgnoreCase(name.trim())) {
                return framing;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a framing; choose " + choices());
    }

    /** "fixed, delimiter, length or close". */
    static String choices() {
        List<String> names = names();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** The --framing completion candidates; the help lists them through ${COMPLETION-CANDIDATES}. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names().iterator();
        }
    }
}
