package dev.framekit.demos.compare;

import dev.framekit.demos.options.ByteSizes;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code --sizes 16,1k,64k}: sizes as every option takes them ({@link ByteSizes}), 1 byte to 64m each. */
final class SizeList implements ITypeConverter<List<Integer>> {
    /** The largest message compare sends. */
    static final int LARGEST = 64 << 20;

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

    /** One size: bytes with an optional binary unit (64k = 65536), 1 byte to 64m. */
    static int parse(String text) {
        int value = ByteSizes.parse(text);
        if (value < 1 || value > LARGEST) {
            throw new IllegalArgumentException("'" + text + "' is out of range (1 byte to 64m)");
        }
        return value;
    }
}
