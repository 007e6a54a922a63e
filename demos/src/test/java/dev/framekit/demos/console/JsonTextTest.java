package dev.framekit.demos.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void quotesAndEscapesWhatJsonRequiresAndLeavesTheRestAsItIs() {
        assertEquals("\"\"", JsonText.quote(""));
        assertEquals("\"say \\\"hi\\\" \\\\ there\"", JsonText.quote("say \"hi\" \\ there"));
        assertEquals("\"a\\nb\\rc\\td\"", JsonText.quote("a\nb\rc\td"));
        assertEquals("\"\\u0000\\u001b[2J\\u001f\"", JsonText.quote("\u0000\u001b[2J\u001f"));
        assertEquals("\"héllo ✓ 😀 /\u007f\"", JsonText.quote("héllo ✓ 😀 /\u007f"));
    }
}
