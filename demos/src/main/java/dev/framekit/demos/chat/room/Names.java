package dev.framekit.demos.chat.room;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names members go by, chosen so that a person can tell them apart: ASCII letters, digits,
 * {@code _} and {@code -}, starting with a letter, at most {@value #MAX_LENGTH} characters (the
 * IRC convention); unique ignoring case (the room checks that); and none of the {@link #RESERVED}
 * words, which would pass for the server or for everyone. No look-alike letter of another
 * script, no fullwidth form, no invisible character can be part of a name.
 */
public final class Names {
    /** The longest name. */
    public static final int MAX_LENGTH = 20;

    /** What a name may contain, as said in /help and in every refusal. */
    public static final String RULE = "a letter, then up to " + (MAX_LENGTH - 1)
            + " ASCII letters, digits, _ or -";

    /** Words that would pass for the server, its staff or the whole room; refused ignoring case. */
    public static final Set<String> RESERVED = Set.of("server", "admin", "administrator", "root", "system",
            "sysop", "operator", "op", "mod", "moderator", "owner", "host", "framekit", "chat", "you", "me",
            "everyone", "all", "here", "nobody", "anonymous", "guest", "null");

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

    private Names() {}

    /** Why {@code name} cannot be a name, or {@code null} if it can. */
    public static String problem(String name) {
        if (!SHAPE.matcher(name).matches()) {
            return "a name is " + RULE;
        }
        if (RESERVED.contains(key(name))) {
            return "the name " + name + " is reserved";
        }
        return null;
    }

    /** Whether {@code name} can be a name. */
    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    /** The form two names are compared in: they are the same name if their keys are equal. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
