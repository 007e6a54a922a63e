package dev.framekit.demos.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.options.ClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chat-client's file commands as typed, and the server's file lines as shown; no transfer starts here. */
class FileClientTest {
    @TempDir
    Path folder;
    private final List<String> printed = new ArrayList<>();
    private FileClient files(long maxFile) {
        return new FileClient(new ClientOptions(), folder.resolve("downloads"), maxFile, printed::add);
    }

    @Test
    void sendOffersAReadableFileByItsOwnNameAndSize() throws IOException {
        Path file = Files.write(folder.resolve("my report.pdf"), new byte[1234]);
        FileClient files = files(1 << 20);
        assertEquals("/file-offer 1 bob 1234 my report.pdf", files.typed("/send bob " + file));
        Path odd = Files.write(folder.resolve("..\\..\\x.bin"), new byte[1]);
        assertEquals("/file-offer 2 bob 1 ..\\..\\x.bin", files.typed("/send bob " + odd),
                "its own name: the receiver makes it safe");
        assertEquals("/file-offer 3 bob 1234 my report.pdf", files.typed("/send bob " + file));
        assertEquals(List.of(), printed);
    }

    @Test
    void sendRefusesWhatItCannotOffer() throws IOException {
        FileClient files = files(1000);
        assertNull(files.typed("/send bob"));
        assertNull(files.typed("/send bob " + folder.resolve("missing.txt")));
        assertNull(files.typed("/send bob " + folder));
        assertNull(files.typed("/send bob " + Files.write(folder.resolve("big.bin"), new byte[1001])));
        assertEquals("-- usage: /send NAME PATH", printed.get(0));
        assertTrue(printed.get(1).contains("is not a file you can read"), printed.get(1));
        assertTrue(printed.get(2).contains("is not a file you can read"), printed.get(2));
        assertTrue(printed.get(3).contains("over your --max-file of 1000 bytes"), printed.get(3));
    }

    @Test
    void anOfferIsShownWithSenderNameAndSizeAndAcceptTakesTheLatest() {
        FileClient files = files(1 << 30);
        assertEquals("-- alice offers you a.pdf (3.0 MiB): /accept to take it, /decline to refuse it",
                files.heard(new FileLines.Offered(3, "alice", "a.pdf", 3 << 20).line()));
        files.heard(new FileLines.Offered(5, "carol", "c.pdf", 10).line());
        assertEquals("/file-accept 5", files.typed("/accept"));
        assertEquals("/file-decline 5", files.typed("/decline"));
        assertEquals("/file-accept 3", files.typed("/ACCEPT"));
    }

    @Test
    void aWithdrawnOfferCannotBeAccepted() {
        FileClient files = files(1 << 30);
        files.heard(new FileLines.Offered(3, "alice", "a.pdf", 10).line());
        String withdrawn = new FileLines.Withdrawn(3, "alice", "alice left").line();
        assertEquals(withdrawn, files.heard(withdrawn));
        assertNull(files.typed("/accept"));
        assertEquals(List.of("-- no file is offered to you"), printed);
    }

    @Test
    void anOfferOverMaxFileIsShownSoAndNotAccepted() {
        FileClient files = files(1000);
        assertTrue(files.heard(new FileLines.Offered(3, "alice", "a.iso", 5000).line())
                .endsWith(", over your --max-file of 1000 bytes: /decline it"));
        assertNull(files.typed("/accept"));
        assertTrue(printed.getLast().startsWith("-- not accepted: file 3 is 4.9 KiB"), printed.getLast());
        assertEquals("/file-decline 3", files.typed("/decline"));
    }

    @Test
    void otherLinesPassUnchanged() {
        FileClient files = files(1000);
        assertEquals("hello", files.typed("hello"));
        assertEquals("/who", files.typed("/who"));
        assertEquals("<bob> -- file 1 accepted; fetch it with key 0123456789abcdef0123456789abcdef",
                files.heard("<bob> -- file 1 accepted; fetch it with key 0123456789abcdef0123456789abcdef"));
    }

    @Test
    void progressIsALineEachQuarterForAFileOfAMebibyteOrMore() {
        List<String> lines = new ArrayList<>();
        Progress progress = new Progress(lines::add, "file 7", 4 << 20);
        for (long done = 0; done <= 4 << 20; done += 64 << 10) {
            progress.at(done);
        }
        assertEquals(List.of("-- file 7: 1.0 MiB of 4.0 MiB (25%)", "-- file 7: 2.0 MiB of 4.0 MiB (50%)",
                "-- file 7: 3.0 MiB of 4.0 MiB (75%)"), lines);
        Progress small = new Progress(lines::add, "file 8", 1000);
        small.at(500);
        assertEquals(3, lines.size());
    }
}
