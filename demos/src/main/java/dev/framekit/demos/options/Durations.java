package dev.framekit.demos.options;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** Parses durations like {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}; a bare number is seconds; 0 is none. */
public final class Durations implements ITypeConverter<Duration> {
    /** The longest duration a socket timeout can hold: Integer.MAX_VALUE milliseconds, about 24 days. */
    static final Duration LONGEST = Duration.ofMillis(Integer.MAX_VALUE);

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** Accepts only durations over zero, for lengths of time that must pass (compare --duration). */
    public static final class Positive implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration = new Durations().convert(value);
            if (duration.isZero()) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' must be more than zero");
            }
            return duration;
        }
    }

    /** {@code 30 s}, or {@code 1500 ms} when not whole seconds: a duration in a message. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    static Duration parse(String value) {
        Duration duration;
        try {
            duration = parseUnchecked(value.trim().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + value + "' is not a duration; write e.g. 500ms, 30s, 5m or 0 for none");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + value + "' is negative; write e.g. 500ms, 30s, 5m or 0 for none");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("'" + value + "' is too long; the longest is 24 days (or 0 for none)");
        }
        return duration;
    }

    private static Duration parseUnchecked(String t) {
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("h")) {
            return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t));
    }
}
