package dev.framekit.framing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether bytes are one JSON text by structure, written out here from the grammar (RFC 8259) with
 * an explicit stack of open brackets, not by the library: the fuzz tests' independent answer to
 * "can the json framings carry this message?". Tokens between the brackets are not checked, as
 * the framer does not check them.
 */
final class JsonOracle {
    private JsonOracle() {}

    /**
     * For {@code json}: one object or array, nothing before or after it. For {@code json-seq}
     * ({@code sequence}): any one value, white space around it, no record separator, no line feed
     * after it begins outside a string at the top level.
     */
    static boolean isOneText(byte[] text, boolean sequence, int maxDepth) {
        if (!sequence && (text.length == 0 || (text[0] != '{' && text[0] != '['))) {
            return false;
        }
        Deque<Character> open = new ArrayDeque<>();
        boolean inString = false;
        boolean escaped = false;
        boolean begun = false;
        boolean valueClosed = false;
        for (int i = 0; i < text.length; i++) {
            char c = (char) (text[i] & 0xff);
            if (sequence && c == 0x1e) {
                return false;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                    valueClosed = open.isEmpty();
                }
                continue;
            }
            boolean space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
            if (space) {
                if (!sequence && begun && open.isEmpty()) {
                    return false; // white space after the text, which the receiver would skip
                }
                if (c == '\n' && sequence && begun && open.isEmpty()) {
                    return false; // it would end the text here
                }
                continue;
            }
            if (open.isEmpty() && (valueClosed || (begun && (c == '{' || c == '[')))) {
                return false; // a second value
            }
            if (!sequence && open.isEmpty() && begun) {
                return false; // bytes after the text
            }
            begun = true;
            switch (c) {
                case '{', '[' -> {
                    if (open.size() == maxDepth) {
                        return false;
                    }
                    open.push(c == '{' ? '}' : ']');
                }
                case '}', ']' -> {
                    if (open.isEmpty() || open.pop() != c) {
                        return false;
                    }
                    valueClosed = open.isEmpty();
                }
                case '"' -> inString = true;
                default -> {
                    if (!sequence && open.isEmpty()) {
                        return false;
                    }
                }
            }
        }
        return begun && open.isEmpty() && !inString;
    }
}
