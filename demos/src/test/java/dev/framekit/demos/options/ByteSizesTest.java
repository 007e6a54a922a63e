package dev.framekit.demos.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizesTest {

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({
        "512, 512",
        "0, 0",
        "64k, 65536",
        "64K, 65536",
        "64kb, 65536",
        "64KiB, 65536",
        "1m, 1048576",
        "1M, 1048576",
        "1MiB, 1048576",
        "1mb, 1048576",
        "1g, 1073741824",
        "' 2k ', 2048",
        "512b, 512",
    })
    void parsesCountsWithBinaryUnits(String text, int expected) {
        assertEquals(expected, ByteSizes.parse(text));
    }

    @ParameterizedTest(name = "''{0}'' is not a size")
    @ValueSource(strings = {"", "k", "abc", "12q", "1.5m", "1 0", "m1"})
    void refusesTextThatIsNotASizeAndShowsTheForm(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse(text));
        assertTrue(e.getMessage().contains("is not a size"), e.getMessage());
        assertTrue(e.getMessage().contains("64k"), e.getMessage());
    }

    @ParameterizedTest(name = "''{0}'' is out of range")
    @ValueSource(strings = {"2g", "3000m", "-1", "-1k"})
    void refusesSizesOutOfRange(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse(text));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} bytes survives format then parse")
    @ValueSource(longs = {0, 1, 512, 1025, 65536, 1536 << 10, 1 << 20, 3 << 20, 1 << 30})
    void readsBackWhatItFormats(long bytes) {
        assertEquals(bytes, ByteSizes.parse(ByteSizes.format(bytes)));
    }

    @Test
    void formatsWholeMebibytesAndKibibytesWithTheirUnit() {
        assertEquals("1m", ByteSizes.format(1 << 20));
        assertEquals("64k", ByteSizes.format(64 << 10));
        assertEquals("1025", ByteSizes.format(1025));
        assertEquals("1536k", ByteSizes.format(1536 << 10));
    }
}
