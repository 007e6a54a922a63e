package dev.framekit.demos.options;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.framekit.framing.Framers;
import org.junit.jupiter.api.Test;

/** A library message shown on the command line names the option to change, not the Java method. */
class OptionTermsTest {
    @Test
    void namesTheOptionInARangeError() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Framers.lengthPrefixed().withMaxFrameLength(0));

        assertEquals("length-prefix: --max-frame must be between 1 and 1073741824 bytes, got 0", OptionTerms.of(e.getMessage()));
    }

    @Test
    void namesTheOptionInARefusalHint() {
        String refusal = Framers.lines().withMaxFrameLength(2).check("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getMessage();

        assertEquals(refusal.replace("withMaxFrameLength(n)", "--max-frame"), OptionTerms.of(refusal));
        assertEquals(true, OptionTerms.of(refusal).contains("raise it with --max-frame on both sides"), OptionTerms.of(refusal));
    }

    @Test
    void namesAFramingsOwnSettingsFromTheRegistry() {
        assertEquals("fixed-length: --frame-size must be between 1 and 1073741824 bytes, got 0",
                OptionTerms.of("fixed-length: frameSize must be between 1 and 1073741824 bytes, got 0"));
        assertEquals("raise it with --frame-timeout if the peer is legitimately slow",
                OptionTerms.of("raise it with frameDeadline(duration) if the peer is legitimately slow"));
    }

    @Test
    void leavesOtherWordsAlone() {
        String text = "the maximum frame length is 64 bytes; maxFrameLengths and frameSized are not names; pad byte 0x23";

        assertEquals(text, OptionTerms.of(text));
        assertEquals(null, OptionTerms.of(null));
    }
}
