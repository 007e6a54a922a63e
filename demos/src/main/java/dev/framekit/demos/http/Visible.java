package dev.framekit.demos.http;

/**
 * What a peer sent, made safe to print on a terminal: every byte that is not printable ASCII
 * (C0 controls such as ESC, DEL, C1 controls such as CSI {@code \x9b}, and the rest of obs-text) is
 * written as {@code \xHH}, so a reason phrase or header value cannot move the cursor, recolour the
 * terminal or fake a line. A tab stays a tab, and the lines of a head stay lines.
 */
final class Visible {
    private Visible() {}

    /** A head as it came ({@code \r\n} between its lines): each line made visible, the line ends kept. */
    static String head(String head) {
        String[] lines = head.split("\r\n", -1);
        StringBuilder shown = new StringBuilder(head.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                shown.append("\r\n");
            }
            appendVisible(lines[i], shown);
        }
        return shown.toString();
    }

    private static void appendVisible(String text, StringBuilder shown) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 0x20 && c < 0x7f) || c == '\t') {
                shown.append(c);
            } else {
                shown.append(String.format("\\x%02x", c & 0xff));
            }
        }
    }
}
