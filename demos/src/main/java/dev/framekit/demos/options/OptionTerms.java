package dev.framekit.demos.options;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says a library message in the command line's terms. The library names its settings as a Java
 * caller sets them ({@code withMaxFrameLength(n)}, {@code frameSize}, {@code frameDeadline(duration)});
 * shown by the CLI, a range error or a hint names the option to change instead
 * ({@code --max-frame}, {@code --frame-size}, {@code --frame-timeout}):
 *
 * <pre>
 * length-prefix: maxFrameLength must be between 1 and 1073741824 bytes, got 0
 *   -&gt; length-prefix: --max-frame must be between 1 and 1073741824 bytes, got 0
 * </pre>
 *
 * <p>The names every framing shares are here; a framing's own come from the registry
 * ({@link Framing#libraryNames()}).
 */
public final class OptionTerms {
    /** The library's names of the settings every framing (or every server) has, by option. */
    private static final Map<String, String> SHARED = Map.of(
            "maxFrameLength", "--max-frame",
            "withMaxFrameLength", "--max-frame",
            "frameDeadline", "--frame-timeout");

    /** Those, and every registered framing's own. */
    private static final Map<String, String> ALL = all();

    private static final Pattern NAMES = Pattern.compile(names());

    private OptionTerms() {}

    /** {@code message} with every library setting name (and its {@code (n)}-style call) replaced by its option. */
    public static String of(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = NAMES.matcher(message);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(ALL.get(matcher.group(1))));
        }
        return matcher.appendTail(out).toString();
    }

    private static Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>(SHARED);
        for (Framing framing : Framing.values()) {
            all.putAll(framing.libraryNames());
        }
        return all;
    }

    /** A name as a whole word, with an optional call such as {@code (n)} or {@code (duration)}. */
    private static String names() {
        StringBuilder alternatives = new StringBuilder();
        for (String name : ALL.keySet()) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(name));
        }
        return "\\b(" + alternatives + ")\\b(?:\\(\\w*\\))?";
    }
}
