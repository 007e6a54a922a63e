package dev.framekit.demos.chat.room;

/** Bytes written the way {@code --delimiter} takes them, for one line of a log or a client's message. */
public final class Escapes {
    private Escapes() {}

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
