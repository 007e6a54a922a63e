package dev.framekit.demos.chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.framekit.framing.Framers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What chat-client says about a server whose first bytes never made a frame. */
class WrongFramingTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRefusalInTheFirstBytesIsSaidAsTheServerWroteIt() {
        String refusal = "-- this port speaks framekit chat with --framing delimiter --delimiter '\\n';"
                + " use chat-client --framing delimiter --delimiter '\\n'";
        assertEquals(refusal, WrongFraming.fromFirstBytes(bytes(refusal + "\n"), Framers.delimiter("#*#")));
    }

    @Test
    void linesThatNeverEndInTheDelimiterSayTheServerSpeaksLines() {
        assertEquals("-- the server does not speak delimiter \"#*#\" framing; it sends lines ending in \\n:"
                + " is it --framing delimiter --delimiter '\\n'?",
                WrongFraming.fromFirstBytes(bytes("-- welcome, guest1; 0 other(s) here.\n"), Framers.delimiter("#*#")));
    }

    @Test
    void aLeadingZeroSaysLengthPrefix() {
        assertEquals("-- the server does not speak delimiter \"#*#\" framing; is it --framing length?",
                WrongFraming.fromFirstBytes(new byte[] {0, 0, 0, 40, '-', '-'}, Framers.delimiter("#*#")));
    }

    @Test
    void bytesThatShowNothingGiveNoGuess() {
        assertNull(WrongFraming.fromFirstBytes(bytes("hello"), Framers.delimiter("#*#")));
        assertNull(WrongFraming.fromFirstBytes(new byte[0], Framers.lengthPrefixed()));
    }
}
