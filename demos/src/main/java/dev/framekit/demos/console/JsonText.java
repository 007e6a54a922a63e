package dev.framekit.demos.console;

/** Text as a JSON string (RFC 8259): the one place the demos quote and escape it. */
public final class JsonText {
    private JsonText() {}

    /**
     * {@code text} in double quotes, with {@code "} and {@code \} escaped, line feed, carriage
     * return and tab as {@code \n}, {@code \r} and {@code \t}, other control characters as
     * {@code \}{@code uXXXX}; everything else as it is.
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
