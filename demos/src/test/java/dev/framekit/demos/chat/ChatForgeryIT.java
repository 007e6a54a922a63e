package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.Framings;
import dev.framekit.demos.chat.room.SafeTextTest;
import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.support.Framings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mallory, a raw peer on each framing, posts every forging payload of issue 10: a newline and a
 * fake {@code <bob>} line, a fake {@code -- bob left}, CR, every C0 and C1 byte, escape
 * sequences (cursor moves, OSC title, clear screen, DSR), bidi and zero-width characters,
 * invalid UTF-8. A raw observer and a chat-client process check that nothing they receive has a
 * raw control byte and that every line after Mallory joined comes from Mallory.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatForgeryIT {
    private static final String END = "that was all";

    @RegisterExtension
    final Framekit framekit = new Framekit();

    static List<byte[]> payloads() {
        List<String> texts = new ArrayList<>(List.of(
                "hi all\n<bob> mallory is right, send her the money",
                "\n-- bob left",
                "\r\n-- carol joined",
                "x\r<bob> overwritten",
                "\u001b[1A\u001b[2K\r<bob> rewritten",
                "\u001b]0;pwned title\u0007",
                "\u001b[2J\u001b[H-- the room was reset by the admin",
                "\u001b[6n",
                "\u009b2J\u009d0;c1 title\u009c",
                "evil\u202etxt.exe \u2066x\u2069",
                "zero\u200bwidth\u200d\ufeff\u3164\u115f",
                "line\u2028-- bob left\u2029",
                "/me waves\n-- bob left",
                "/msg watcher psst\n*bob* hi"));
        texts.add(IntStream.range(0, 0x20).mapToObj(c -> Character.toString(c)).reduce("C0:", String::concat) + "\u007f");
        texts.add(IntStream.range(0x80, 0xa0).mapToObj(c -> Character.toString(c)).reduce("C1:", String::concat));
        List<byte[]> payloads = new ArrayList<>(texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList());
        byte[] raw = new byte[0x20 + 3];
        raw[0] = 'r';
        raw[1] = 'a';
        raw[2] = 'w';
        for (int b = 0x80; b < 0xa0; b++) {
            raw[3 + b - 0x80] = (byte) b; // bare C1 bytes: invalid UTF-8
        }
        payloads.add(raw);
        payloads.add(new byte[] {'b', 'a', 'd', (byte) 0xc3, '(', (byte) 0xff, (byte) 0xed, (byte) 0xa0, (byte) 0x80});
        return payloads;
    }

    @ParameterizedTest
    @EnumSource(Framings.class)
    void nothingForgedOrRawReachesARawObserverOrAChatClient(Framings framing) throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", framing.options().toArray(String[]::new));
        int port = server.port();
        try (RawMember watcher = RawMember.join(framing, port, "watcher")) {
            watcher.receiveUntil("-- you are now watcher");
            FramekitProcess alice = framekit.start(framing.args(List.of("chat-client", "--host", "127.0.0.1",
                    "--port", Integer.toString(port)), "--name", "alice"));
            alice.awaitLine("^-- you are now alice$");
            try (RawMember mallory = RawMember.join(framing, port, "m")) {
                alice.awaitLine("^-- m joined$");
                for (byte[] payload : payloads()) {
                    for (byte[] piece : framing == Framings.FIXED ? slices(payload) : List.of(payload)) {
                        mallory.say(piece);
                    }
                }
                mallory.say(END.getBytes(StandardCharsets.UTF_8));

                List<String> seen = new ArrayList<>();
                boolean malloryIn = false;
                for (byte[] frame : watcher.receiveUntil("<m> " + END)) {
                    for (byte b : frame) {
                        assertFalse((b >= 0 && b < 0x20) || b == 0x7f, "a raw control byte " + b + " in "
                                + new String(frame, StandardCharsets.UTF_8));
                    }
                    String line = new String(frame, StandardCharsets.UTF_8);
                    assertFalse(SafeTextTest.hasRawControl(line), line);
                    if (malloryIn) {
                        assertFromMallory(line);
                        seen.add(line);
                    }
                    malloryIn |= line.equals("-- m joined");
                }
                assertTrue(seen.size() >= payloads().size() - 4, String.join("\n", seen));
                assertTrue(seen.contains("<m> hi all\u2424<bob> mallory is right, send her the money")
                        || seen.contains("<m> <bob> mallory is right, send her the money")
                        || framing == Framings.FIXED, String.join("\n", seen));

                alice.awaitLine("^<m> " + END + "$");
                boolean after = false;
                for (String line : alice.stdoutLines()) {
                    assertFalse(SafeTextTest.hasRawControl(line), line);
                    if (after) {
                        assertFromMallory(line);
                    }
                    after |= line.equals("-- m joined");
                }
            }
            alice.closeStdin();
            assertEquals(0, alice.awaitExit(java.time.Duration.ofSeconds(15)), alice.transcript());
        }
    }

    @org.junit.jupiter.api.Test
    void aLinePaddedWithBlanksReachesOthersWithOneSpaceSoItsWrapCannotPassForAnotherLine() throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", Framings.NEWLINE.options().toArray(String[]::new));
        try (RawMember watcher = RawMember.join(Framings.NEWLINE, server.port(), "watcher")) {
            watcher.receiveUntil("-- you are now watcher");
            try (RawMember mallory = RawMember.join(Framings.NEWLINE, server.port(), "m")) {
                watcher.receiveUntil("-- m joined");
                mallory.say(("hi" + " ".repeat(75) + "<bob> send her the money").getBytes(StandardCharsets.UTF_8));
                mallory.say(("hi" + "\t".repeat(10) + "\u00a0\u3000\u2800<bob> really").getBytes(StandardCharsets.UTF_8));
                List<byte[]> frames = watcher.receiveUntil("<m> hi <bob> really"); // fails unless blanks collapse
                List<String> lines = frames.stream().map(f -> new String(f, StandardCharsets.UTF_8)).toList();
                assertTrue(lines.contains("<m> hi <bob> send her the money"), String.join("\n", lines));
            }
        }
    }

    /** A line after Mallory joined: Mallory's message, action or whisper, or a notice only to her (none reach others). */
    private static void assertFromMallory(String line) {
        assertTrue(line.startsWith("<m> ") || line.startsWith("* m ") || line.startsWith("*m* "), line);
    }

    /** {@code payload} in pieces of at most 3 code points, each fitting a 32-byte frame once cleaned. */
    private static List<byte[]> slices(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        List<byte[]> pieces = new ArrayList<>();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i += 3) {
            String piece = new String(codePoints, i, Math.min(3, codePoints.length - i));
            if (!piece.endsWith("#") && !piece.startsWith("/")) {
                pieces.add(piece.getBytes(StandardCharsets.UTF_8));
            }
        }
        return pieces;
    }
}
