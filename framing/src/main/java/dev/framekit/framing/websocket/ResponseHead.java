package dev.framekit.framing.websocket;

import dev.framekit.framing.FrameReader;
import dev.framekit.framing.Framers;
import dev.framekit.framing.Framer;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The minimal HTTP response head a WebSocket client needs to read: the status code and the header
 * fields, read line by line off the connection's own reader (so the frames that follow in the same
 * read stay buffered for the WebSocket framer). Bounded: lines of at most 8 KiB, at most 100 fields.
 */
record ResponseHead(int status, Map<String, String> headers) {
    private static final Framer LINES = Framers.delimiter("\r\n").withMaxFrameLength(8 * 1024);
    private static final int MAX_FIELDS = 100;

    static ResponseHead read(FrameReader reader, String where) throws IOException {
        Framer before = reader.framer();
        reader.framer(LINES);
        try {
            String statusLine = reader.readString();
            if (statusLine == null) {
                throw new HandshakeException(where + " closed the connection before answering the handshake", 0);
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
                throw new HandshakeException(where + " answered the handshake with \"" + statusLine
                        + "\", not an HTTP status line", 0);
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int count = 0; ; count++) {
                String line = reader.readString();
                if (line == null || line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon <= 0 || count >= MAX_FIELDS) {
                    throw new HandshakeException(where + " sent a malformed response head: \"" + line + "\"", 0);
                }
                headers.merge(line.substring(0, colon).trim(), line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
            return new ResponseHead(Integer.parseInt(parts[1]), headers);
        } finally {
            reader.framer(before);
        }
    }
}
