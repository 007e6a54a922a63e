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
    void aTlsAlertSaysTheServerSpeaksTls() {
        byte[] alert = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a}; // unexpected_message, refusing plaintext
        assertEquals(WrongFraming.SPEAKS_TLS, WrongFraming.fromFirstBytes(alert, Framers.lengthPrefixed()));
        // On \n lines the alert's last byte ends a line: the line read is the record.
        assertEquals(WrongFraming.SPEAKS_TLS, WrongFraming.unexpectedReply(
                new String(alert, 0, 6, StandardCharsets.ISO_8859_1), Framers.delimiter("\n")));
        assertEquals(WrongFraming.SPEAKS_TLS, WrongFraming.fromFirstBytes(new byte[] {0x16, 0x03, 0x01, 0x00},
                Framers.delimiter("#*#")));
    }

    @Test
    void bytesThatShowNothingGiveNoGuess() {
        assertNull(WrongFraming.fromFirstBytes(bytes("hello"), Framers.delimiter("#*#")));
        assertNull(WrongFraming.fromFirstBytes(new byte[0], Framers.lengthPrefixed()));
    }
}
