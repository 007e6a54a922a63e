package dev.framekit.framing.websocket;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's answer to an opening handshake: {@code 101 Switching Protocols} with the
 * {@code Sec-WebSocket-Accept} header, or a refusal (400, 403, 426) whose plain-text body says why.
 * An HTTP server writes {@link #status()}, {@link #headers()} and {@link #body()} its own way, or
 * sends {@link #toBytes()} as they are.
 *
 * @param status the HTTP status code
 * @param reasonPhrase the status line's reason phrase, e.g. {@code Forbidden}
 * @param headers the header fields to send, in order
 * @param body the refusal's explanation (one line of text), or empty when accepted
 */
public record HandshakeResponse(int status, String reasonPhrase, Map<String, String> headers, String body) {

    /** Keeps the headers in the order given. */
    public HandshakeResponse {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * Returns whether the handshake succeeded: the connection now speaks WebSocket.
     *
     * @return true for 101
     */
    public boolean accepted() {
        return status == 101;
    }

    /**
     * Renders the whole response as HTTP/1.1: the status line, the headers (with
     * {@code Content-Type}, {@code Content-Length} and {@code Connection: close} for a refusal),
     * an empty line and the body.
     *
     * @return the bytes to write to the socket
     */
    public byte[] toBytes() {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reasonPhrase).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] text = body.isEmpty() ? new byte[0] : (body + "\n").getBytes(StandardCharsets.UTF_8);
        if (!accepted()) {
            head.append("Content-Type: text/plain; charset=utf-8\r\n")
                    .append("Content-Length: ").append(text.length).append("\r\n")
                    .append("Connection: close\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(start, start.length + text.length);
        System.arraycopy(text, 0, all, start.length, text.length);
        return all;
    }

    /** E.g. {@code 403 Forbidden: the Origin http://evil.example is not allowed}. */
    @Override
    public String toString() {
        return status + " " + reasonPhrase + (body.isEmpty() ? "" : ": " + body);
    }
}
