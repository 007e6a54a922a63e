package dev.framekit.demos.options;

import dev.framekit.framing.Framer;
import dev.framekit.framing.FrameLimits;
import dev.framekit.framing.Framers;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every framing the demos offer, by its {@code --framing} name: the one registry. Each constant
 * builds its framer from {@link FramingSettings} and says which of those settings it uses. Every
 * command, {@code compare}, {@code bench}, {@code load}, the {@code --framing} completion
 * candidates and the help text read this list. <b>To add a framing, add a constant here</b>;
 * nothing else names the framings.
 */
public enum Framing {
    /** Fixed-length padded frames: {@code --frame-size} bytes, padded with {@code --pad}. */
    FIXED("fixed", "--frame-size", "--pad") {
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

        @Override
        Map<String, String> libraryNames() {
            return Map.of("frameSize", "--frame-size");
        }
    },
    /** Delimited frames, split once at the first {@code --delimiter}. */
    DELIMITER("delimiter", "--delimiter") {
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
    /** A 4-byte big-endian length prefix. */
    LENGTH("length") {
        @Override
        public Framer build(FramingSettings settings) {
            return Framers.lengthPrefixed().maxFrameLength(settings.maxFrame());
        }
    },
    /** One message per connection, ended by a half-close. */
    CLOSE("close") {
        @Override
        public Framer build(FramingSettings settings) {
            return Framers.sendAndClose().maxFrameLength(settings.maxFrame());
        }

        @Override
        public boolean connectionPerExchange() {
            return true;
        }
    };

    private final String name;
    private final List<String> ownOptions;

    /** A framing called {@code name} whose own settings are {@code ownOptions} (none for most). */
    Framing(String name, String... ownOptions) {
        this.name = name;
        this.ownOptions = List.of(ownOptions);
    }

    /**
     * The options that set this framing's own settings, e.g. {@code --frame-size} and
     * {@code --pad} for fixed. Given with another framing they would be ignored, so they are a
     * usage error there ({@link FramingOptions#framer(picocli.CommandLine.Model.CommandSpec)}).
     * Options every framing reads, such as {@code --max-frame}, belong to none.
     */
    public List<String> ownOptions() {
        return ownOptions;
    }

    /**
     * The library's names for this framing's settings, by the option that sets each, e.g.
     * {@code frameSize} is {@code --frame-size}: a library message shown on the command line names
     * the option instead ({@link OptionTerms}).
     */
    Map<String, String> libraryNames() {
        return Map.of();
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
        return settings.maxFrame() == FrameLimits.DEFAULT_MAX_FRAME_LENGTH ? ""
                : " --max-frame " + ByteSizes.format(settings.maxFrame());
    }

    /** Whether a line client such as {@code nc} speaks this framing (the start-up banner says so). */
    public boolean speaksLines() {
        return false;
    }

    /**
     * Whether each exchange (one request, one reply) needs a connection of its own: the
     * lifecycle the commands follow for this framing. A client then makes each request with
     * {@code FramedConnection.exchange} on a fresh connection, and a server answers it with
     * {@code sendLast}; otherwise one connection carries any number of messages. The framer
     * itself is not asked: its encoder enforces the rule, the command chooses the lifecycle.
     */
    public boolean connectionPerExchange() {
        return false;
    }

    /** The command-line name: fixed, delimiter, length, close. */
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
