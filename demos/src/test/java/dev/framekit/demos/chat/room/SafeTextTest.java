package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

public class SafeTextTest {
    /** Whether {@code text} has a character a terminal would obey or hide. */
    public static boolean hasRawControl(String text) {
        return text.codePoints().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE
                || c == 0x2028 || c == 0x2029 || c == 0x3164 || c == 0x115f || c == 0x1160 || c == 0xffa0);
    }

    @Test
    void everyC0ControlAndDelIsShownAsAVisibleMark() {
        for (int c = 0; c < 0x20; c++) {
            String safe = SafeText.clean("a" + (char) c + "b");
            assertFalse(hasRawControl(safe), "U+" + Integer.toHexString(c));
            assertEquals(3, safe.length(), "one mark for U+" + Integer.toHexString(c));
        }
        assertEquals("a␡b", SafeText.clean("a\u007fb"));
        assertEquals("a␍b␈c␇", SafeText.clean("a\rb\bc\u0007"));
        assertEquals("tab to space", SafeText.clean("tab\tto\tspace"));
    }

    @Test
    void aNewlineIsShownAsTheNewlineMarkSoALineCannotPassForSomeoneElses() {
        assertEquals("hi all␤<bob> send her the money", SafeText.clean("hi all\n<bob> send her the money"));
        assertEquals("x␍␤-- bob left", SafeText.clean("x\r\n-- bob left"));
        assertEquals("a[U+2028]b[U+2029]c", SafeText.clean("a\u2028b\u2029c"));
    }

    @Test
    void aLinePaddedWithBlanksCannotFakeAWrapIntoAnotherMembersLine() {
        String padded = "hi" + " ".repeat(75) + "<bob> send her the money";
        assertEquals("hi <bob> send her the money", SafeText.clean(padded));
        assertEquals("hi <bob> x", SafeText.clean("hi\t\t\t\t\t\t\t\t\t\t<bob> x"));
        assertEquals("hi <bob> x", SafeText.clean("hi \t \u00a0\u2003\u3000\u2800 <bob> x"));
        assertEquals(" a b ", SafeText.clean("   a  \t b\t"));
        assertEquals("100 km", SafeText.clean("100\u00a0km"), "a lone no-break space is an ordinary one");
        assertFalse(SafeText.isClean("two  spaces"));
        assertTrue(SafeText.isClean("one space each"));
    }

    @Test
    void everyC1ControlIsShownAsItsCodePoint() {
        for (int c = 0x80; c <= 0x9f; c++) {
            String safe = SafeText.clean("a" + (char) c);
            assertFalse(hasRawControl(safe), "U+" + Integer.toHexString(c));
            assertEquals(String.format("a[U+%04X]", c), safe);
        }
    }

    @Test
    void escapeSequencesBecomeHarmlessText() {
        assertEquals("␛[1A␛[2K␍fake", SafeText.clean("\u001b[1A\u001b[2K\rfake"));
        assertEquals("␛]0;pwned␇", SafeText.clean("\u001b]0;pwned\u0007"), "OSC title change");
        assertEquals("␛]8;;http://x␛\\", SafeText.clean("\u001b]8;;http://x\u001b\\"), "OSC hyperlink");
        assertEquals("␛[6n", SafeText.clean("\u001b[6n"), "DSR cursor position query");
        assertEquals("␛[2J␛[H", SafeText.clean("\u001b[2J\u001b[H"), "clear screen");
        assertEquals("[U+009B]2J", SafeText.clean("\u009b2J"), "8-bit CSI");
    }

    @Test
    void bidiControlsAndInvisibleCharactersAreShownAsTheirCodePoints() {
        for (int c : new int[] {0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
                0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfeff, 0x00ad, 0x061c,
                0x3164, 0x115f, 0x1160, 0xffa0, 0xe0041}) {
            String safe = SafeText.clean("x" + Character.toString(c) + "y");
            assertEquals(String.format("x[U+%04X]y", c), safe);
        }
        assertEquals("evil[U+202E]txt.exe", SafeText.clean("evil\u202etxt.exe"));
    }

    @Test
    void invalidUtf8IsDecodedToTheReplacementCharacterAndStaysIt() {
        byte[] bytes = {'a', (byte) 0xff, 'b', (byte) 0xc3, 'c', (byte) 0xed, (byte) 0xa0, (byte) 0x80};
        String decoded = SafeText.clean(new String(bytes, StandardCharsets.UTF_8));
        assertTrue(decoded.startsWith("a\uFFFDb\uFFFDc"), decoded);
        assertFalse(hasRawControl(decoded));
        assertEquals("a\uFFFDb", SafeText.clean("a\uD800b"), "a lone surrogate");
    }

    @Test
    void ordinaryTextOfEveryScriptPassesUnchanged() {
        for (String text : new String[] {"hello", "héllo wörld", "日本語", "привет", "مرحبا", "emoji 🎉👍🏽", "a ✓ b"}) {
            assertSame(text, SafeText.clean(text));
            assertTrue(SafeText.isClean(text));
        }
    }

    @Test
    void cleaningTwiceChangesNothingMore() {
        StringBuilder everything = new StringBuilder();
        for (int c = 0; c < 0x3000; c++) {
            if (!Character.isSurrogate((char) c)) {
                everything.appendCodePoint(c);
            }
        }
        String once = SafeText.clean(everything.toString());
        assertFalse(hasRawControl(once));
        assertEquals(once, SafeText.clean(once));
    }
}
