package dev.framekit.framing.websocket;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parts of an HTTP request head that the WebSocket opening handshake looks at, already
 * parsed by whatever HTTP code read the request: the method, the protocol version and the header
 * fields. Header names are matched without regard to case; a field that appeared on several lines
 * is given once, its values joined with {@code ", "} (RFC 9110 section 5.3).
 *
 * @param method the request method, e.g. {@code GET}
 * @param httpVersion the protocol from the request line, e.g. {@code HTTP/1.1}
 * @param headers the header fields, by name (any case)
 */
public record UpgradeRequest(String method, String httpVersion, Map<String, String> headers) {

    /** Copies the headers into a map whose names ignore case. */
    public UpgradeRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(httpVersion, "httpVersion");
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(byName);
    }

    /**
     * Returns a header field's value.
     *
     * @param name the field name, in any case
     * @return its value, trimmed, or {@code null} if the request had no such field
     */
    public String header(String name) {
        String value = headers.get(name);
        return value == null ? null : value.trim();
    }

    /**
     * Returns whether a comma-separated header field lists {@code token}, ignoring case (e.g.
     * {@code Connection: keep-alive, Upgrade} lists {@code upgrade}).
     *
     * @param name the field name
     * @param token the token to look for
     * @return true if the field is present and lists the token
     */
    public boolean headerLists(String name, String token) {
        String value = headers.get(name);
        if (value == null) {
            return false;
        }
        for (String part : value.split(",")) {
            if (part.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }
}
