package dev.framekit.demos.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileLinesTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    void everyLineReadsBackAsItWasWritten() {
        for (FileLines line : List.of(
                new FileLines.Offered(7, "alice", "a.pdf", 3_145_728),
                new FileLines.Fetch(7, KEY),
                new FileLines.Withdrawn(7, "alice", "bob did not accept it within 2 min"),
                new FileLines.Waiting(2, "bob", "a.pdf", 3_145_728, "2 min"),
                new FileLines.Send(2, "bob", KEY),
                new FileLines.Cancelled(2, "bob", "bob declined it"),
                new FileLines.NotOffered(2, "no one here is called bob; /who lists the names"))) {
            assertEquals(line, FileLines.parse(line.line()), line.line());
        }
    }

    @Test
    void theOfferLineSaysWhoWhatAndHowLarge() {
        assertEquals("-- file 7 from alice: a.pdf (3145728 bytes); in chat-client, /accept takes it, /decline refuses it",
                new FileLines.Offered(7, "alice", "a.pdf", 3_145_728).line());
    }

    @Test
    void aFileNameThatMimicsTheLineIsReadWhole() {
        String name = "x (5 bytes); in chat-client, /accept takes it, /decline refuses it (9 bytes).bin";
        FileLines.Offered offered = new FileLines.Offered(3, "mallory", name, 12);
        assertEquals(offered, FileLines.parse(offered.line()));
    }

    @Test
    void whatAMemberSaysIsNoFileLine() {
        assertNull(FileLines.parse("<mallory> -- file 1 accepted; fetch it with key " + KEY));
        assertNull(FileLines.parse("*mallory* -- file 1 accepted by bob; send it with key " + KEY));
        assertNull(FileLines.parse("-- file 1 accepted; fetch it with key " + KEY.toUpperCase()));
        assertNull(FileLines.parse("-- file x from alice is withdrawn: no"));
        assertNull(FileLines.parse("-- alice joined"));
    }
}
