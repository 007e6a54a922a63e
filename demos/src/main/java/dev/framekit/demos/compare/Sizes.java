package dev.framekit.demos.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Message sizes as typed ({@code 16,1k,64k}) and as shown (16 B, 1 KiB, 64 KiB). */
final class Sizes {
    private Sizes() {}

    /** Parses one size: bytes with an optional binary unit k, m (64k = 65536). */
    static int parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        int shift = t.endsWith("k") ? 10 : t.endsWith("m") ? 20 : 0;
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        long value;
        try {
            value = Long.parseLong(digits.trim()) << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write bytes like 16, 1k or 64k");
        }
        if (value < 1 || value > (64 << 20)) {
            throw new IllegalArgumentException("'" + text + "' is out of range (1 byte to 64m)");
        }
        return (int) value;
    }

    /** Shows a size in binary units: 16 B, 1 KiB, 64 KiB, 1 MiB. */
    static String format(long bytes) {
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= (1 << 10) && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }

    /** Converts {@code --sizes 16,1k,64k}. */
    static final class ListConverter implements ITypeConverter<List<Integer>> {
        @Override
        public List<Integer> convert(String value) {
            List<Integer> sizes = new ArrayList<>();
            try {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        sizes.add(parse(part));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            if (sizes.isEmpty()) {
                throw new TypeConversionException("name at least one size, e.g. 16,1k,64k");
            }
            return List.copyOf(sizes);
        }
    }
}
