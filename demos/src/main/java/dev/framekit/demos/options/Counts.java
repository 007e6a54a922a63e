package dev.framekit.demos.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts counts given on the command line, refusing out-of-range ones as a usage error rather than a surprise. */
public final class Counts implements ITypeConverter<Integer> {
    /** Accepts 0 or more (0 keeps the option's documented meaning: a default, or off). */
    @Override
    public Integer convert(String value) {
        return parse(value, 0);
    }

    /** Accepts 1 or more. */
    public static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parse(value, 1);
        }
    }

    static int parse(String value, int lowest) {
        int count;
        try {
            count = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (count < lowest) {
            throw new TypeConversionException("'" + value + "' is too small; use " + lowest + " or more");
        }
        return count;
    }
}
