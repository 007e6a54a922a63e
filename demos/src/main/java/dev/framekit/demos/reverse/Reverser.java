package dev.framekit.demos.reverse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reverses a message: valid UTF-8 text by Unicode code points, so it stays valid UTF-8
 * ("héllo wörld ✓" becomes "✓ dlröw olléh"); anything else byte by byte.
 */
public final class Reverser {
    private Reverser() {}

    /** Returns {@code message} reversed; the argument is not modified. */
    public static byte[] reverse(byte[] message) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(message))
                    .toString();
            // StringBuilder.reverse keeps surrogate pairs together: it reverses code points.
            return new StringBuilder(text).reverse().toString().getBytes(StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            byte[] reversed = new byte[message.length];
            for (int i = 0; i < message.length; i++) {
                reversed[i] = message[message.length - 1 - i];
            }
            return reversed;
        }
    }
}
