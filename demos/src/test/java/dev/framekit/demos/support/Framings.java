package dev.framekit.demos.support;

import dev.framekit.demos.options.Framing;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The framings every end-to-end test runs on, as command-line options. {@code FramingsTest} checks
 * them against the one list of framers ({@code FramerFixture.all()}): every kind of framer there is
 * run end to end, here or by a named test.
 */
public enum Framings {
    /** Fixed 32-byte frames padded with '#', the classic demo. */
    FIXED(Framers.fixedLength(32).pad('#'), "--framing", "fixed", "--frame-size", "32", "--pad", "#"),
    /** Lines: the '\n' delimiter, as nc speaks. */
    NEWLINE(Framers.lines(), "--framing", "delimiter", "--delimiter", "\\n"),
    /** The multi-byte delimiter "#*#". */
    HASH_STAR_HASH(Framers.delimiter("#*#"), "--framing", "delimiter", "--delimiter", "#*#"),
    /** The 4-byte big-endian length prefix. */
    LENGTH(Framers.lengthPrefixed(), "--framing", "length"),
    /** Send-and-close: one message per connection. */
    CLOSE(Framers.sendAndClose(), "--framing", "close");

    private final Framer framer;
    private final List<String> options;

    Framings(Framer framer, String... options) {
        this.framer = framer;
        this.options = List.of(options);
    }

    /** The framer these options make (with the default --max-frame), for a test's own client. */
    public Framer framer() {
        return framer;
    }

    /** The options that select this framing. */
    public List<String> options() {
        return options;
    }

    /** {@code first}, then this framing's options, then {@code rest}: a ready argument list. */
    public String[] args(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(options);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    /** The command-line framing these options select. */
    public Framing framing() {
        return Framing.named(options.get(options.indexOf("--framing") + 1));
    }

    /** Whether the framing {@code options} select needs a connection per exchange: the registry's answer. */
    public static boolean connectionPerExchange(List<String> options) {
        return Framing.named(options.get(options.indexOf("--framing") + 1)).connectionPerExchange();
    }

    /** Every framing, for {@code @MethodSource} or {@code @EnumSource}. */
    public static Stream<Framings> all() {
        return Stream.of(values());
    }
}
