package dev.framekit.demos.http;

import java.util.List;

/**
 * A response's head: {@code HTTP/1.x SP status SP reason}, then header fields.
 *
 * @param text the head as it came, without the blank line that ended it (for {@code -i})
 */
public record ResponseHead(String version, int status, String reason, Headers headers, String text) {

    /** Parses a response head; an {@link HttpError} says what was malformed. */
    public static ResponseHead parse(byte[] head) throws HttpError {
        List<String> lines = HeadSyntax.lines(head);
        String line = lines.get(0);
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || parts[1].length() != 3 || !parts[1].chars().allMatch(Character::isDigit)) {
            throw new HttpError(400, "a status line is HTTP/1.x SP code SP reason, got " + HeadSyntax.preview(line));
        }
        String version = HeadSyntax.version(parts[0]);
        return new ResponseHead(version, Integer.parseInt(parts[1]), parts.length == 3 ? parts[2] : "",
                HeadSyntax.fields(lines), String.join("\r\n", lines));
    }

    /** Whether the server keeps the connection open after this response (its body framing aside). */
    public boolean keepAlive() {
        if (headers.hasToken("Connection", "close")) {
            return false;
        }
        return version.equals("HTTP/1.1") || headers.hasToken("Connection", "keep-alive");
    }
}
