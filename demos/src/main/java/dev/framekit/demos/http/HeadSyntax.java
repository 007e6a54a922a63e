package dev.framekit.demos.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The grammar that request and response heads share (RFC 9112): lines ended by CRLF, then
 * {@code name: value} fields. Strict where leniency lets two parsers disagree about where a
 * message ends (request smuggling): a bare CR or LF, whitespace before the colon, and obsolete
 * line folding are errors, not guesses.
 */
final class HeadSyntax {
    private HeadSyntax() {}

    /**
     * Splits a head (without the blank line that ended it) into lines; empty lines before the
     * start line are skipped, as RFC 9112 allows.
     */
    static List<String> lines(byte[] head) throws HttpError {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int start = 0;
        while (text.startsWith("\r\n", start)) {
            start += 2;
        }
        List<String> lines = new ArrayList<>();
        int from = start;
        while (true) {
            int end = text.indexOf("\r\n", from);
            String line = end < 0 ? text.substring(from) : text.substring(from, end);
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new HttpError(400, "a bare CR or LF in the head (lines end with CRLF)");
            }
            lines.add(line);
            if (end < 0) {
                return lines;
            }
            from = end + 2;
        }
    }

    /** Parses the field lines after the start line. */
    static Headers fields(List<String> lines) throws HttpError {
        List<Headers.Field> fields = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith(" ") || line.startsWith("\t")) {
                throw new HttpError(400, "obsolete line folding in a header field");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new HttpError(400, "a header line without a name and a colon: " + preview(line));
            }
            String name = line.substring(0, colon);
            if (!isToken(name)) {
                throw new HttpError(400, "a header name that is not a token: " + preview(name));
            }
            String value = trimWhitespace(line.substring(colon + 1));
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    throw new HttpError(400, "a control character in the value of " + name);
                }
            }
            fields.add(new Headers.Field(name, value));
        }
        return new Headers(fields);
    }

    /**
     * {@code text} without the spaces and tabs around it (RFC 9110's OWS), and nothing else: a
     * vertical tab, form feed or other control stays, so that the check after it refuses it
     * ({@link String#strip()} would take {@code \x0b} away and let {@code \x0bchunked} pass as
     * {@code chunked}).
     */
    static String trimWhitespace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Whether {@code text} is a non-empty RFC 9110 token (method names, header names). */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Checks an {@code HTTP/1.x} version, 505 for another major version. */
    static String version(String text) throws HttpError {
        if (text.length() != 8 || !text.startsWith("HTTP/") || text.charAt(6) != '.'
                || !Character.isDigit(text.charAt(5)) || !Character.isDigit(text.charAt(7))) {
            throw new HttpError(400, "not an HTTP version: " + preview(text));
        }
        if (text.charAt(5) != '1') {
            throw new HttpError(505, "HTTP version " + text + " (this server speaks HTTP/1.1 and HTTP/1.0)");
        }
        return text;
    }

    /** At most 60 characters of {@code text}, with controls shown as escapes, for a log line. */
    static String preview(String text) {
        StringBuilder shown = new StringBuilder("\"");
        for (int i = 0; i < Math.min(60, text.length()); i++) {
            char c = text.charAt(i);
            shown.append(c < 0x20 || c >= 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return shown.append(text.length() > 60 ? "…\"" : "\"").toString();
    }
}
