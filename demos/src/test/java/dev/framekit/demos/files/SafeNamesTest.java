package dev.framekit.demos.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNamesTest {
    @TempDir
    Path folder;

    @Test
    void keepsAnOrdinaryNameAsItIs() {
        assertEquals("report 2024.pdf", SafeNames.clean("report 2024.pdf"));
        assertEquals("été à Zürich.txt", SafeNames.clean("été à Zürich.txt"));
    }

    @Test
    void turnsPathSeparatorsIntoUnderscoresAndDropsDotDot() {
        assertEquals("etc_passwd", SafeNames.clean("../../etc/passwd"));
        assertEquals("a_b", SafeNames.clean("a/b"));
        assertEquals("a_b", SafeNames.clean("a\\b"));
        assertEquals("C_Windows_win.ini", SafeNames.clean("C:\\Windows\\win.ini"));
        assertEquals("etc_passwd", SafeNames.clean("/etc/passwd"));
        assertEquals("a.b", SafeNames.clean("a..b"));
    }

    @Test
    void givesANameToWhatHasNone() {
        assertEquals("file", SafeNames.clean(""));
        assertEquals("file", SafeNames.clean(".."));
        assertEquals("file", SafeNames.clean("."));
        assertEquals("file", SafeNames.clean("../.."));
        assertEquals("file", SafeNames.clean("   "));
        assertEquals("file", SafeNames.clean("\u0000\u0007\u202e"));
    }

    @Test
    void makesNoHiddenFiles() {
        assertEquals("bashrc", SafeNames.clean(".bashrc"));
        assertEquals("ssh_authorized_keys", SafeNames.clean(".ssh/authorized_keys"));
    }

    @Test
    void removesControlBidiAndInvisibleCharacters() {
        assertEquals("badname.txt", SafeNames.clean("bad\u0007\u0000na\u202eme.txt"));
        assertEquals("a b.txt", SafeNames.clean("a\r\n\t b.txt".replace("\t", "")));
        assertEquals("xy", SafeNames.clean("x\u200by\u0085\u009b"));
        assertEquals("evil[2J.txt", SafeNames.clean("evil\u001b[2J.txt"));
    }

    @Test
    void prefixesNamesWindowsReserves() {
        assertEquals("_CON.txt", SafeNames.clean("CON.txt"));
        assertEquals("_nul", SafeNames.clean("nul"));
        assertEquals("CONSOLE.txt", SafeNames.clean("CONSOLE.txt"));
    }

    @Test
    void cutsAVeryLongNameKeepingItsExtensionAndWholeCharacters() {
        String cut = SafeNames.clean("é".repeat(500) + ".pdf");
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= SafeNames.MAX_BYTES, cut);
        assertTrue(cut.endsWith(".pdf"), cut);
        assertTrue(cut.startsWith("éé"), cut);
        assertFalse(cut.contains("\ufffd"), cut);
        assertEquals(SafeNames.MAX_BYTES, SafeNames.clean("x".repeat(100_000)).length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "a/b", "..", "/", "\u0000", "", "x/../../y", "..\\..\\boot.ini",
            "\u202e\u0000../../.ssh/id_rsa", "name\n/../../tmp/x"})
    void aHostileNameIsClaimedInsideTheFolder(String hostile) throws IOException {
        Path claimed = SafeNames.claim(folder, hostile);
        assertEquals(folder, claimed.getParent());
        assertTrue(Files.isRegularFile(claimed));
        assertFalse(claimed.getFileName().toString().startsWith("."), claimed.toString());
        try (Stream<Path> inside = Files.list(folder)) {
            assertEquals(java.util.List.of(claimed), inside.toList(), "the one file made is in the folder");
        }
    }

    @Test
    void aClashGetsTheNextNumberBeforeTheExtension() throws IOException {
        assertEquals(folder.resolve("report.pdf"), SafeNames.claim(folder, "report.pdf"));
        assertEquals(folder.resolve("report (1).pdf"), SafeNames.claim(folder, "report.pdf"));
        assertEquals(folder.resolve("report (2).pdf"), SafeNames.claim(folder, "../report.pdf"));
        assertEquals(folder.resolve("notes"), SafeNames.claim(folder, "notes"));
        assertEquals(folder.resolve("notes (1)"), SafeNames.claim(folder, "notes"));
    }

    @Test
    void neverReplacesAnExistingLinkOrFile() throws IOException {
        Path outside = Files.createTempFile("framekit-outside", ".txt");
        try {
            Files.createSymbolicLink(folder.resolve("a.txt"), outside);
            Files.writeString(folder.resolve("b.txt"), "kept");
            assertEquals(folder.resolve("a (1).txt"), SafeNames.claim(folder, "a.txt"));
            assertEquals(folder.resolve("b (1).txt"), SafeNames.claim(folder, "b.txt"));
            assertEquals("kept", Files.readString(folder.resolve("b.txt")));
            assertEquals(0, Files.size(outside));
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aNumberedLongNameStaysWithinTheLimit() {
        String numbered = SafeNames.numbered(SafeNames.clean("y".repeat(400) + ".tar.gz"), 12);
        assertTrue(numbered.endsWith(" (12).gz"), numbered);
        assertTrue(numbered.getBytes(StandardCharsets.UTF_8).length <= SafeNames.MAX_BYTES, numbered);
    }
}
