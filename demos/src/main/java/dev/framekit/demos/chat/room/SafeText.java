package dev.framekit.demos.chat.room;

/**
 * Makes text safe to print on someone else's terminal: what a chat server relays and what a
 * chat client prints go through {@link #clean}.
 *
 * <p>A terminal obeys some characters instead of showing them: CR and LF start a line that can
 * pass for someone else's, backspace and escape sequences move the cursor, rewrite lines, change
 * the title or make the terminal type a reply, bidi controls reorder what follows, and invisible
 * characters make two names look the same. {@link #clean} replaces each of them with a visible
 * mark, so the reader sees that something was there and no character acts on the terminal:
 *
 * <pre>
 * LF (U+000A)                                  -&gt; ␤   (U+2424, one line of chat is one line on screen)
 * a run of blanks: spaces, TAB (U+0009), the other space
 * separators (category Zs: no-break, en, em, ideographic
 * space ...) and U+2800 BRAILLE PATTERN BLANK   -&gt; one space (U+0020)
 * other C0 controls U+0000-U+001F, e.g. CR, ESC -&gt; the control picture U+2400 + code: ␍ ␛ ␇ ␈ ...
 * DEL (U+007F)                                 -&gt; ␡   (U+2421)
 * C1 controls U+0080-U+009F (CSI, OSC, NEL ...) -&gt; [U+009B]
 * format characters (category Cf: bidi controls U+202A-U+202E and U+2066-U+2069, zero-width
 * U+200B-U+200F, U+FEFF ...), line and paragraph separators U+2028/U+2029, the invisible
 * fillers U+115F, U+1160, U+3164, U+FFA0     -&gt; [U+202E]
 * a lone surrogate (from invalid UTF-16)       -&gt; U+FFFD
 * </pre>
 *
 * <p>Blanks are collapsed so that a line cannot fake a wrap: padded with spaces to the width of
 * a terminal or a page, a line's second visual row would start where a line of its own does and
 * could read as another member's ({@code "hi" + 75 spaces + "<bob> send her the money"}).
 *
 * <p>An escape sequence such as {@code ESC [ 2 J} becomes the harmless text {@code ␛[2J}.
 * Invalid UTF-8 is already U+FFFD when decoded. Everything else, accents, scripts and emoji
 * included, passes unchanged; a clean text is unchanged by cleaning again.
 */
public final class SafeText {
    /** What a newline is shown as: U+2424 SYMBOL FOR NEWLINE. */
    public static final char NEWLINE_MARK = '\u2424';

    private SafeText() {}

    /**
     * Returns {@code text} with every character that could act on a terminal replaced by a
     * visible mark (see the class comment); returns {@code text} itself when nothing needs it.
     */
    public static String clean(String text) {
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isBlank(codePoint)) {
                safe.append(' ');
                while (i < text.length() && isBlank(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
            } else if (isUnsafe(codePoint)) {
                appendMark(safe, codePoint);
            } else {
                safe.appendCodePoint(codePoint);
            }
        }
        return safe.toString();
    }

    /** Whether {@code text} has nothing {@link #clean} would change. */
    public static boolean isClean(String text) {
        return firstUnsafe(text) < 0;
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (isUnsafe(codePoint) || (isBlank(codePoint) && codePoint != ' ')) {
                return i;
            }
            i += Character.charCount(codePoint);
            if (codePoint == ' ' && i < text.length() && isBlank(text.codePointAt(i))) {
                return i - 1; // a run of blanks
            }
        }
        return -1;
    }

    /** A character that shows as blank space: collapsed with its neighbours into one space. */
    private static boolean isBlank(int codePoint) {
        return codePoint == ' ' || codePoint == '\t' || codePoint == 0x2800
                || (codePoint > 0x7f && Character.getType(codePoint) == Character.SPACE_SEPARATOR);
    }

    private static boolean isUnsafe(int codePoint) {
        if (codePoint >= 0x20 && codePoint < 0x7f) {
            return false;
        }
        if (codePoint < 0x20 || codePoint <= 0x9f) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> codePoint == 0x115f || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xffa0;
        };
    }

    private static void appendMark(StringBuilder safe, int codePoint) {
        if (codePoint == '\n') {
            safe.append(NEWLINE_MARK);
        } else if (codePoint < 0x20) {
            safe.append((char) (0x2400 + codePoint));
        } else if (codePoint == 0x7f) {
            safe.append('\u2421');
        } else if (Character.getType(codePoint) == Character.SURROGATE) {
            safe.append('\uFFFD');
        } else {
            safe.append(String.format("[U+%04X]", codePoint));
        }
    }
}
