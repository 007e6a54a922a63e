package dev.framekit.demos.options;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscapesTest {

    @ParameterizedTest(name = "{0} is byte {1}")
    @CsvSource({
        "'\\n', 10",
        "'\\r', 13",
        "'\\t', 9",
        "'\\0', 0",
        "'\\\\', 92",
        "'\\x23', 35",
        "'\\xff', 255",
        "'\\xFF', 255",
        "'\\x00', 0",
    })
    void parsesEachEscapeToItsByte(String text, int expected) {
        assertArrayEquals(new byte[] {(byte) expected}, Escapes.parse(text));
    }

    @Test
    void parsesAMultiByteDelimiterWithoutEscapes() {
        assertArrayEquals(new byte[] {'#', '*', '#'}, Escapes.parse("#*#"));
    }

    @Test
    void mixesTextAndEscapes() {
        assertArrayEquals(new byte[] {'a', '\r', '\n', 'b', 0x7f}, Escapes.parse("a\\r\\nb\\x7f"));
    }

    @Test
    void encodesOtherTextAsUtf8IncludingSurrogatePairs() {
        String text = "é✓😀";
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Escapes.parse(text));
    }

    @Test
    void parsesTheEmptyStringToNoBytes() {
        assertArrayEquals(new byte[0], Escapes.parse(""));
    }

    @Test
    void aDoubledBackslashBeforeNIsABackslashAndAnN() {
        assertArrayEquals(new byte[] {'\\', 'n'}, Escapes.parse("\\\\n"));
    }

    @Test
    void refusesAnUnknownEscapeNamingItAndTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Escapes.parse("a\\qb"));
        assertTrue(e.getMessage().contains("unknown escape \\q"), e.getMessage());
        assertTrue(e.getMessage().contains("\\xHH"), e.getMessage());
    }

    @Test
    void refusesALoneTrailingBackslash() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Escapes.parse("ab\\"));
        assertTrue(e.getMessage().contains("lone backslash"), e.getMessage());
    }

    @Test
    void refusesAHexEscapeWithTooFewDigits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Escapes.parse("\\x2"));
        assertTrue(e.getMessage().contains("two hex digits"), e.getMessage());
    }

    @Test
    void refusesAHexEscapeWithNonHexDigits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Escapes.parse("\\xzz"));
        assertTrue(e.getMessage().contains("\\xzz is not two hex digits"), e.getMessage());
    }

    @Test
    void refusesASignedHexEscape() {
        // Integer.parseInt accepts "+f"; a \x escape must be two hex digits, nothing else.
        assertThrows(IllegalArgumentException.class, () -> Escapes.parse("\\x+f"));
        assertThrows(IllegalArgumentException.class, () -> Escapes.parse("\\x-1"));
    }

    @Test
    void refusesDigitsFromOtherScriptsInAHexEscape() {
        // Character.digit would read these fullwidth digits as 1 and 2.
        assertThrows(IllegalArgumentException.class, () -> Escapes.parse("\\x\uff11\uff12"));
    }
}
