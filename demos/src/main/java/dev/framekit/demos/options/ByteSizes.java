package dev.framekit.demos.options;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses byte counts like {@code 512}, {@code 64k}, {@code 1m}, {@code 1MiB} (binary units). */
public final class ByteSizes {
    private ByteSizes() {}

    /**
     * Returns the number of bytes {@code text} stands for.
     *
     * @throws IllegalArgumentException if it is not a count with an optional k/m/g unit, or over 2 GiB
     */
    public static int parse(String text) {
        long value = parseLong(text);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is out of range (0 to 2g)");
        }
        return (int) value;
    }

    /**
     * Returns the number of bytes {@code text} stands for, up to 1 TiB (a memory budget may pass 2 GiB).
     *
     * @throws IllegalArgumentException if it is not a count with an optional k/m/g/t unit, or out of range
     */
    public static long parseLong(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        long unit = 1;
        if (t.endsWith("k")) {
            unit = 1L << 10;
        } else if (t.endsWith("m")) {
            unit = 1L << 20;
        } else if (t.endsWith("g")) {
            unit = 1L << 30;
        } else if (t.endsWith("t")) {
            unit = 1L << 40;
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long count = Long.parseLong(digits.trim());
            if (count < 0 || count > (1L << 40) / unit) {
                throw new IllegalArgumentException("'" + text + "' is out of range (0 to 1t)");
            }
            return count * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write bytes like 4096, 64k or 1m");
        }
    }

    /** Formats a byte count the way the options accept it: 1048576 as "1m", 65536 as "64k". */
    public static String format(long bytes) {
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + "m";
        }
        if (bytes >= (1 << 10) && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + "k";
        }
        return Long.toString(bytes);
    }

    /** Converts sizes that must be at least one byte, such as --max-queue 4m; a bad value is a usage error. */
    public static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int bytes = new Converter().convert(value);
            if (bytes < 1) {
                throw new TypeConversionException("'" + value + "' is too small; use 1 or more");
            }
            return bytes;
        }
    }

    /** Converts sizes that may pass 2 GiB, such as --max-memory 4g; a bad value is a usage error. */
    public static final class LongConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return parseLong(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Converts size options such as --max-frame 64k; a bad value is a usage error. */
    public static final class Converter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
