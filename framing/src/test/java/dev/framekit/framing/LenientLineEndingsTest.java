package dev.framekit.framing;

import static dev.framekit.framing.support.FixtureBytes.ascii;
import static dev.framekit.framing.support.FixtureBytes.frames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.Feed;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The opt-in lenient line framer: {@code \n} or {@code \r\n}; strict stays the default. */
class LenientLineEndingsTest {
    private static final byte[] MIXED = ascii("ab\r\ncd\n\r\n");

    @Test
    void keepsTheCarriageReturnByDefault() {
        assertFalse(Framers.lines().isLenientLineEndings());
        assertTrue(Feed.sameEverySplit(Framers.lines(), MIXED).hasFrames(frames("ab\r", "cd", "\r")));
    }

    @Test
    void stripsTheCarriageReturnBeforeTheLineFeedWhenLenient() {
        assertTrue(Feed.sameEverySplit(Framers.lines().lenientLineEndings(), MIXED).hasFrames(frames("ab", "cd", "")));
    }

    @Test
    void sendsABareLineFeedAndRefusesAMessageEndingInACarriageReturn() throws Exception {
        DelimiterFramer lenient = Framers.lines().lenientLineEndings();

        MessageRefusedException refusal = lenient.check(Unpooled.wrappedBuffer(ascii("ab\r")));

        assertTrue(refusal.getMessage().contains("ends with \\r"), refusal.getMessage());
        assertNull(Framers.lines().check(Unpooled.wrappedBuffer(ascii("ab\r"))), "strict carries it");
        assertNull(lenient.check(Unpooled.wrappedBuffer(ascii("a\rb"))), "a carriage return inside is fine");
        assertEquals(1, lenient.overhead(5));
    }

    @Test
    void appliesOnlyToTheLineFeedDelimiter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Framers.delimiter("\r\n").lenientLineEndings());

        assertEquals("delimiter: lenientLineEndings() applies to the \"\\n\" delimiter only, got \"\\r\\n\"", e.getMessage());
    }

    @Test
    void keepsLeniencyWhenTheMaximumChangesAndTheCarriageReturnDoesNotCount() {
        DelimiterFramer lenient = Framers.lines().lenientLineEndings().withMaxFrameLength(3);

        assertTrue(lenient.isLenientLineEndings());
        assertTrue(Feed.sameEverySplit(lenient, ascii("abc\r\nabc\n")).hasFrames(frames("abc", "abc")));
        assertNotEquals(Framers.lines(), Framers.lines().lenientLineEndings());
        assertEquals("delimiter(\"\\n\" or \"\\r\\n\", max 3 bytes)", lenient.toString());
    }
}
