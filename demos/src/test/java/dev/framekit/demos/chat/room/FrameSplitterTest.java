package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSplitterTest {
    @Test
    void aLongMessageIsSplitAtSpacesAndEveryPieceSaysWhoItIsFrom() {
        List<String> pieces = FrameSplitter.split("<alice> the quick brown fox jumps over the lazy dog", 32);
        assertEquals(List.of("<alice> the quick brown …", "<alice> …fox jumps over …", "<alice> …the lazy dog"), pieces);
    }

    @Test
    void everyPieceFitsKeepsItsHeadAndNoCharacterIsCut() {
        String text = "é✓🎉日本語 ".repeat(20);
        for (String line : List.of("<bob> " + text, "* bob " + text, "*bob* " + text, "-- " + text,
                "[history] <bob> " + text, "-> *bob* " + text)) {
            String head = FrameSplitter.head(line);
            assertTrue(!head.isEmpty(), line);
            for (int max = 30; max < 60; max++) {
                assertTrue(FrameSplitter.splittable(line, max), line + " at " + max);
                StringBuilder joined = new StringBuilder();
                for (String piece : FrameSplitter.split(line, max)) {
                    assertTrue(piece.getBytes(StandardCharsets.UTF_8).length <= max, piece);
                    assertTrue(piece.startsWith(head), piece);
                    joined.append(piece.substring(head.length()).replace(FrameSplitter.MORE, ""));
                }
                assertEquals(line.substring(head.length()), joined.toString());
            }
        }
    }

    @Test
    void aLineThatFitsIsLeftAlone() {
        assertEquals(List.of("<bob> hi"), FrameSplitter.split("<bob> hi", 32));
    }
}
