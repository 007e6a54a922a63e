package dev.framekit.demos.reverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReverserTest {

    private static String reverse(String text) {
        byte[] reversed = Reverser.reverse(text.getBytes(StandardCharsets.UTF_8));
        return strictUtf8(reversed);
    }

    /** Decodes, failing the test on malformed UTF-8 instead of replacing it. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new AssertionError("reply is not valid UTF-8", e);
        }
    }

    @Test
    void reversesAsciiText() {
        assertEquals("olleh", reverse("hello"));
    }

    @Test
    void reversesAccentedTextByCodePointsSoItStaysValidUtf8() {
        assertEquals("✓ dlröw olléh", reverse("héllo wörld ✓"));
    }

    @Test
    void keepsSurrogatePairsTogether() {
        assertEquals("b😀a🎉", reverse("🎉a😀b"));
    }

    @Test
    void reversesAStringOfOnlyEmoji() {
        String reversed = reverse("😀😁😂");
        assertEquals("😂😁😀", reversed);
        assertEquals(3, reversed.codePointCount(0, reversed.length()));
    }

    @Test
    void reversesTheEmptyMessageToTheEmptyMessage() {
        assertArrayEquals(new byte[0], Reverser.reverse(new byte[0]));
    }

    @Test
    void reversesASingleMultiByteCharacterToItself() {
        assertArrayEquals("✓".getBytes(StandardCharsets.UTF_8), Reverser.reverse("✓".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reversesBytesThatAreNotUtf8ByteByByte() {
        byte[] binary = {0x01, (byte) 0xff, (byte) 0xfe, 0x41};
        assertArrayEquals(new byte[] {0x41, (byte) 0xfe, (byte) 0xff, 0x01}, Reverser.reverse(binary));
    }

    @Test
    void reversesTruncatedUtf8ByteByByte() {
        byte[] check = "a✓".getBytes(StandardCharsets.UTF_8); // 61 e2 9c 93
        byte[] cut = {check[0], check[1], check[2]};        // 61 e2 9c: the ✓ is cut short
        assertArrayEquals(new byte[] {check[2], check[1], check[0]}, Reverser.reverse(cut));
    }

    @Test
    void doesNotModifyItsArgument() {
        byte[] message = "abc".getBytes(StandardCharsets.UTF_8);
        Reverser.reverse(message);
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), message);
        byte[] binary = {1, 2, (byte) 0xff};
        Reverser.reverse(binary);
        assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, binary);
    }

    @Test
    void reversingTwiceGivesBackTheMessage() {
        byte[] text = "héllo 😀 wörld".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(text, Reverser.reverse(Reverser.reverse(text)));
        byte[] binary = {(byte) 0xc3, 0x28, 0x00, (byte) 0x80};
        assertArrayEquals(binary, Reverser.reverse(Reverser.reverse(binary)));
    }
}
