package dev.framekit.framing.websocket;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client side of the WebSocket opening handshake (RFC 6455 section 4.1): the request to send,
 * with a fresh random {@code Sec-WebSocket-Key}, and the check of the server's response, already
 * parsed into a status code and header fields.
 *
 * <pre>{@code
 * WebSocketClientHandshake handshake = WebSocketClientHandshake.of("192.168.1.20", 8080, "/chat");
 * out.write(handshake.request());
 * ... read the response head ...
 * handshake.check(status, headers);     // throws HandshakeException unless a valid 101
 * }</pre>
 */
public final class WebSocketClientHandshake {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String hostHeader;
    private final String path;
    private final String origin;
    private final String key;

    private WebSocketClientHandshake(String hostHeader, String path, String origin, String key) {
        this.hostHeader = hostHeader;
        this.path = path;
        this.origin = origin;
        this.key = key;
    }

    /**
     * A handshake for {@code ws://host:port/path} with a fresh key and no {@code Origin}.
     *
     * @param host the server's host name or address
     * @param port the server's port
     * @param path the resource, starting with {@code /}
     * @return the handshake
     * @throws IllegalArgumentException if the path does not start with {@code /}
     */
    public static WebSocketClientHandshake of(String host, int port, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("websocket handshake: the path must start with /, got \"" + path + "\"");
        }
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String hostHeader = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        return new WebSocketClientHandshake(hostHeader, path, null, Base64.getEncoder().encodeToString(nonce));
    }

    /**
     * Returns the same handshake with an {@code Origin} header, as a browser page would send.
     *
     * @param origin e.g. {@code http://192.168.1.20:8080}
     * @return the new handshake (same key)
     */
    public WebSocketClientHandshake origin(String origin) {
        return new WebSocketClientHandshake(hostHeader, path, origin, key);
    }

    /**
     * Returns the {@code Sec-WebSocket-Key} this handshake sends.
     *
     * @return 16 random bytes in base64
     */
    public String key() {
        return key;
    }

    /**
     * Returns the request head to send.
     *
     * @return the bytes of the GET request, ending with the empty line
     */
    public byte[] request() {
        StringBuilder head = new StringBuilder()
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                .append("Sec-WebSocket-Version: ").append(WebSocketHandshake.VERSION).append("\r\n");
        if (origin != null) {
            head.append("Origin: ").append(origin).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Checks the server's response head.
     *
     * @param status the response's status code
     * @param headers its header fields (names in any case)
     * @param body the start of its body, for a refusal's explanation (may be empty)
     * @throws HandshakeException unless it is a 101 with {@code Upgrade: websocket},
     *     {@code Connection: Upgrade} and the {@code Sec-WebSocket-Accept} for this key
     */
    public void check(int status, Map<String, String> headers, String body) throws HandshakeException {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        String where = "ws://" + hostHeader + path;
        if (status != 101) {
            throw new HandshakeException(where + " refused the WebSocket handshake with " + status
                    + (body.isBlank() ? "" : ": " + body.strip()), status);
        }
        UpgradeRequest view = new UpgradeRequest("GET", "HTTP/1.1", byName);
        if (!view.headerLists("Upgrade", "websocket") || !view.headerLists("Connection", "upgrade")) {
            throw new HandshakeException(where + " answered 101 without Upgrade: websocket and Connection: Upgrade",
                    status);
        }
        String expected = WebSocketHandshake.acceptFor(key);
        String accept = view.header("Sec-WebSocket-Accept");
        if (!expected.equals(accept)) {
            throw new HandshakeException(where + " answered with Sec-WebSocket-Accept " + accept + ", expected "
                    + expected + " for the key " + key, status);
        }
    }

    /**
     * Opens a socket to {@code host:port}, sends this request and checks the server's response;
     * on a refusal the body (up to 4 KiB) goes into the error's message. Bytes that arrived with
     * the response stay in the connection's reader.
     */
    FramedConnection open(String host, int port) throws IOException {
        FramedConnection connection = FramedConnection.connect(host, port, Framers.sendAndClose());
        try {
            connection.socket().getOutputStream().write(request());
            connection.socket().getOutputStream().flush();
            ResponseHead head = ResponseHead.read(connection.reader(), host + ":" + port);
            String body = "";
            if (head.status() != 101) {
                connection.reader().framer(Framers.sendAndClose(4096));
                try {
                    String text = connection.reader().readString();
                    body = text == null ? "" : text;
                } catch (IOException unreadable) {
                    // the status says enough
                }
            }
            check(head.status(), head.headers(), body);
            return connection;
        } catch (IOException e) {
            connection.close();
            throw e;
        }
    }
}
