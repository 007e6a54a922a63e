package dev.framekit.demos.options;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Command-line byte strings with escapes: {@code \n \r \t \0 \\ \xHH}; other text is UTF-8. */
public final class Escapes {
    private Escapes() {}

    /**
     * Returns the bytes {@code text} stands for.
     *
     * @throws IllegalArgumentException naming the bad escape and its position
     */
    static byte[] parse(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\') {
                int end = i + Character.charCount(text.codePointAt(i));
                out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new IllegalArgumentException("'" + text + "' ends with a lone backslash; write \\\\ for a backslash");
            }
            char e = text.charAt(i + 1);
            switch (e) {
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case '\\' -> out.write('\\');
                case 'x' -> {
                    if (i + 4 > text.length()) {
                        throw new IllegalArgumentException("'" + text + "': \\x needs two hex digits, as in \\x23");
                    }
                    String hex = text.substring(i + 2, i + 4);
                    int high = hexDigit(hex.charAt(0));
                    int low = hexDigit(hex.charAt(1));
                    if (high < 0 || low < 0) {
                        throw new IllegalArgumentException("'" + text + "': \\x" + hex + " is not two hex digits, as in \\x23");
                    }
                    out.write(high << 4 | low);
                    i += 2;
                }
                default -> throw new IllegalArgumentException("'" + text + "': unknown escape \\" + e
                        + " (known: \\n \\r \\t \\0 \\\\ \\xHH)");
            }
            i += 2;
        }
        return out.toByteArray();
    }

    /** The value of an ASCII hex digit, or -1 (no signs, no other scripts' digits). */
    private static int hexDigit(char c) {
        return "0123456789abcdef".indexOf(Character.toLowerCase(c));
    }

    /**
     * {@code bytes} in double quotes: printable ASCII as it is, {@code \n}, {@code \r},
     * {@code \t} and {@code \0} escaped so, anything else as {@code \xHH}; e.g. {@code "#*#"}.
     */
    public static String quoted(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length + 2).append('"');
        for (byte b : bytes) {
            switch (b) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case 0 -> text.append("\\0");
                case '"', '\\' -> text.append('\\').append((char) b);
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        text.append((char) b);
                    } else {
                        text.append(String.format("\\x%02x", b & 0xff));
                    }
                }
            }
        }
        return text.append('"').toString();
    }
}
