package dev.framekit.demos;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The framings every end-to-end test runs on, as command-line options. */
public enum Framings {
    /** Fixed 32-byte frames padded with '#', the classic demo. */
    FIXED("--framing", "fixed", "--frame-size", "32", "--pad", "#"),
    /** Lines: the '\n' delimiter, as nc speaks. */
    NEWLINE("--framing", "delimiter", "--delimiter", "\\n"),
    /** The multi-byte delimiter "#*#". */
    HASH_STAR_HASH("--framing", "delimiter", "--delimiter", "#*#"),
    /** The 4-byte big-endian length prefix. */
    LENGTH("--framing", "length"),
    /** Send-and-close: one message per connection. */
    CLOSE("--framing", "close");

    private final List<String> options;

    Framings(String... options) {
        this.options = List.of(options);
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

    /** Every framing, for {@code @MethodSource} or {@code @EnumSource}. */
    public static Stream<Framings> all() {
        return Stream.of(values());
    }
}
