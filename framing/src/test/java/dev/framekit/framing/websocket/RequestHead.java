package dev.framekit.framing.websocket;

import dev.framekit.framing.FrameReader;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The test servers' stand-in for an HTTP request-head parser: the request line and the header
 * fields, read line by line off the connection's reader (the frames that follow stay buffered).
 * The chat server will use the HTTP package's parser instead.
 */
record RequestHead(String method, String target, UpgradeRequest request) {

    /** Reads a head through a reader whose framer splits lines on CRLF; null if the stream ended first. */
    static RequestHead read(FrameReader reader) throws IOException {
        String requestLine = reader.readString();
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("not an HTTP request line: " + requestLine);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String line;
        while ((line = reader.readString()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).trim(), line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        return new RequestHead(parts[0], parts[1], new UpgradeRequest(parts[0], parts[2], headers));
    }
}
