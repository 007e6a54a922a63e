package dev.framekit.demos.chat.room;

import dev.framekit.framing.FixedLengthFramer;
import dev.framekit.framing.Framer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Predicate;

/**
 * Splits a chat line too long for one frame (a small fixed frame, say) into lines that each
 * fit, so that each can be printed on its own and still says who it is from: every piece keeps
 * the line's head ({@code <alice> }, {@code * alice }, {@code *alice* }, {@code -- }, with its
 * {@code [history] } mark), a piece that goes on ends with {@value #MORE} and the next one starts
 * with it. Pieces end after a space where there is one, and never inside a character.
 *
 * <pre>
 * "&lt;alice&gt; the quick brown fox jumps over the lazy dog"   in 32-byte frames:
 * "&lt;alice&gt; the quick brown fox…"
 * "&lt;alice&gt; …jumps over the lazy…"
 * "&lt;alice&gt; …dog"
 * </pre>
 *
 * <p>{@link #deliverable} says which lines the room can frame to its members at all.
 */
public final class FrameSplitter {
    /** What marks a piece that goes on, and one that carries on from the last. */
    static final String MORE = "\u2026";

    private static final String NAME = "[A-Za-z][A-Za-z0-9_-]{0,19}";
    private static final Pattern HEAD = Pattern.compile("^(\\[history\\] )?(<" + NAME + "> |\\* " + NAME + " |\\*" + NAME
            + "\\* |-> \\*" + NAME + "\\* |-- )");
    private static final int MORE_BYTES = Member.cost(MORE);

    /**
     * Whether a line can be framed to members on {@code framer}: a fixed frame may be too small for
     * "&lt;name&gt; " plus the text, unless the line splits (as this class splits it); with
     * {@code polling}, lines are batched into one poll reply, which must leave room for its head.
     */
    public static Predicate<String> deliverable(Framer framer, boolean polling) {
        int room = framer.maxFrameLength() - 64;
        return polling ? line -> line.length() * 3 <= room || line.getBytes(StandardCharsets.UTF_8).length <= room
                : line -> framer.check(line.getBytes(StandardCharsets.UTF_8)) == null
                        || framer instanceof FixedLengthFramer && splittable(line, framer.maxFrameLength());
    }

    private FrameSplitter() {}

    /** The head that each piece of {@code line} repeats, or "". */
    static String head(String line) {
        Matcher matcher = HEAD.matcher(line);
        return matcher.find() ? matcher.group() : "";
    }

    /** Whether {@code line} can be split into pieces of at most {@code maxBytes} that each keep the head. */
    static boolean splittable(String line, int maxBytes) {
        return Member.cost(head(line)) + 2 * MORE_BYTES + 4 <= maxBytes;
    }

    /** {@code line} in pieces of at most {@code maxBytes} UTF-8 bytes each; the line itself if it fits. */
    static List<String> split(String line, int maxBytes) {
        if (Member.cost(line) <= maxBytes) {
            return List.of(line);
        }
        if (!splittable(line, maxBytes)) {
            return pieces(line, maxBytes);
        }
        String head = head(line);
        String rest = line.substring(head.length());
        int room = maxBytes - Member.cost(head) - 2 * MORE_BYTES;
        List<String> texts = pieces(rest, room);
        List<String> pieces = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            pieces.add(head + (i > 0 ? MORE : "") + texts.get(i) + (i < texts.size() - 1 ? MORE : ""));
        }
        return pieces;
    }

    /**
     * Splits {@code line} into pieces of at most {@code maxBytes} UTF-8 bytes, never inside a
     * character, and after the last space of a piece where it has one, so that words stay whole.
     */
    static List<String> pieces(String line, int maxBytes) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        int lastSpace = -1;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes && i > start) {
                int cut = lastSpace > start ? lastSpace + 1 : i;
                pieces.add(line.substring(start, cut));
                bytes = Member.cost(line.substring(cut, i));
                start = cut;
                lastSpace = -1;
            }
            if (codePoint == ' ') {
                lastSpace = i;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        pieces.add(line.substring(start));
        return pieces;
    }
}
