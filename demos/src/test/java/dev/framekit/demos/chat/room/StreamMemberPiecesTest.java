package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamMemberPiecesTest {
    @Test
    void aNoticeLongerThanAFrameIsSplitAfterSpacesSoWordsStayWhole() {
        List<String> pieces = FrameSplitter.pieces("-- welcome, guest1; 0 other(s) here. /nick NAME to choose a name", 32);
        assertEquals(List.of("-- welcome, guest1; 0 other(s) ", "here. /nick NAME to choose a ", "name"), pieces);
    }

    @Test
    void aCharacterIsNeverCutAndEveryPieceFits() {
        String line = "ééééé✓✓✓✓🎉🎉🎉 日本語日本語 " + "x".repeat(40);
        for (int max = 4; max < 40; max++) {
            List<String> pieces = FrameSplitter.pieces(line, max);
            assertEquals(line, String.join("", pieces));
            for (String piece : pieces) {
                assertTrue(piece.getBytes(StandardCharsets.UTF_8).length <= max, piece + " at " + max);
                assertTrue(!Character.isHighSurrogate(piece.charAt(piece.length() - 1)), piece);
            }
        }
    }
}
