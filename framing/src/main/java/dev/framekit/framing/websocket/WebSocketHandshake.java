package dev.framekit.framing.websocket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server side of the WebSocket opening handshake (RFC 6455 section 4.2), free of any HTTP
 * framework: given a request head already parsed into an {@link UpgradeRequest}, it answers with
 * the {@link HandshakeResponse} to send. After a {@code 101} the connection speaks WebSocket
 * frames ({@code WebSocketFramer.server()}, or {@link WebSocketConnection#over}).
 *
 * <pre>
 * GET /chat HTTP/1.1                                 HTTP/1.1 101 Switching Protocols
 * Host: 192.168.1.20:8080                            Upgrade: websocket
 * Upgrade: websocket                         --&gt;     Connection: Upgrade
 * Connection: Upgrade                                Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=
 * Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==
 * Sec-WebSocket-Version: 13
 * Origin: http://192.168.1.20:8080
 * </pre>
 *
 * <p>The checks, in order, and their refusals:
 *
 * <ul>
 *   <li>{@code 400 Bad Request}: not a {@code GET}, not HTTP/1.1 or later, no {@code Host}, an
 *       {@code Upgrade} that does not list {@code websocket}, a {@code Connection} that does not
 *       list {@code Upgrade}, a {@code Sec-WebSocket-Key} that is not 16 bytes in base64;
 *   <li>{@code 426 Upgrade Required}: no {@code Upgrade} header at all (a plain HTTP request to a
 *       WebSocket endpoint), or a {@code Sec-WebSocket-Version} other than 13; the response says
 *       {@code Sec-WebSocket-Version: 13};
 *   <li>{@code 403 Forbidden}: an {@code Origin} not on the allow-list.
 * </ul>
 *
 * <p><b>Security: origins.</b> A browser sends the {@code Origin} of the page that opens the
 * connection, and a WebSocket is not bound by the same-origin policy, so a page from any site could
 * otherwise connect to a server on the LAN with the user's browser. By default only the page's own
 * origin is allowed: {@code http://} or {@code https://} followed by the request's {@code Host}.
 * {@link #allowOrigin(String)} adds others. A request without {@code Origin} comes from a program,
 * not a browser page, and is accepted.
 *
 * <p><b>Security: DNS rebinding.</b> The request's {@code Host} is the name in the page's address
 * bar, and the attacker chooses it: a page at {@code http://evil.example:8080/} whose name is then
 * re-pointed at the server's address sends {@code Host: evil.example:8080} and {@code Origin:
 * http://evil.example:8080}, which {@link #sameOrigin()} accepts. A server that knows its own names
 * and addresses starts from {@link #ownOrigins()} instead, which trusts no {@code Host}, and allows
 * each of them with {@link #allowOrigin(String)}.
 */
public final class WebSocketHandshake {
    /** The GUID RFC 6455 appends to the key before hashing. */
    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** The only protocol version: 13. */
    public static final String VERSION = "13";

    private static final WebSocketHandshake SAME_ORIGIN = new WebSocketHandshake(Set.of(), true);
    private static final WebSocketHandshake OWN_ORIGINS = new WebSocketHandshake(Set.of(), false);

    private final Set<String> allowedOrigins;
    private final boolean trustsHost;

    private WebSocketHandshake(Set<String> allowedOrigins, boolean trustsHost) {
        this.allowedOrigins = allowedOrigins;
        this.trustsHost = trustsHost;
    }

    /**
     * The handshake that allows the page's own origin only (and programs that send no origin).
     *
     * @return the handshake
     */
    public static WebSocketHandshake sameOrigin() {
        return SAME_ORIGIN;
    }

    /**
     * The handshake that allows no browser page until {@link #allowOrigin(String)} names its
     * origin, whatever the request's {@code Host} says (programs that send no origin are
     * accepted): for a server that lists its own names and addresses, safe from DNS rebinding.
     *
     * @return the handshake
     */
    public static WebSocketHandshake ownOrigins() {
        return OWN_ORIGINS;
    }

    /**
     * Returns a handshake like this one that also allows {@code origin}.
     *
     * @param origin a scheme, host and optional port, e.g. {@code http://laptop.local:8080}
     * @return the new handshake
     * @throws IllegalArgumentException if it is not of that form
     */
    public WebSocketHandshake allowOrigin(String origin) {
        String normal = normalOrigin(origin);
        if (normal == null) {
            throw new IllegalArgumentException("websocket handshake: an origin is scheme://host[:port], got \""
                    + origin + "\"");
        }
        Set<String> more = new TreeSet<>(allowedOrigins);
        more.add(normal);
        return new WebSocketHandshake(Set.copyOf(more), trustsHost);
    }

    /**
     * Returns the {@code Sec-WebSocket-Accept} value for a key: the base64 of the SHA-1 of the key
     * followed by {@link #GUID}. RFC 6455's example: {@code dGhlIHNhbXBsZSBub25jZQ==} gives
     * {@code s3pPLMBiTxaQ9kYGzzhZRbK+xOo=}.
     *
     * @param key the client's {@code Sec-WebSocket-Key}, as sent
     * @return the accept value
     */
    public static String acceptFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /**
     * Checks an upgrade request and returns the response to send.
     *
     * @param request the parsed request head
     * @return 101 with the accept header, or a 400, 403 or 426 refusal that says why
     */
    public HandshakeResponse respond(UpgradeRequest request) {
        if (!request.method().equals("GET")) {
            return refuse(400, "the opening handshake is a GET request, got " + request.method());
        }
        if (!request.httpVersion().matches("HTTP/(1\\.[1-9]|[2-9](\\.\\d)?)")) {
            return refuse(400, "the opening handshake needs HTTP/1.1 or later, got " + request.httpVersion());
        }
        String host = request.header("Host");
        if (host == null || host.isEmpty()) {
            return refuse(400, "the request has no Host header");
        }
        if (request.header("Upgrade") == null) {
            return upgradeRequired("this is a WebSocket endpoint: send Upgrade: websocket (a plain HTTP request cannot use it)");
        }
        if (!request.headerLists("Upgrade", "websocket")) {
            return refuse(400, "Upgrade is \"" + request.header("Upgrade") + "\", not websocket");
        }
        if (!request.headerLists("Connection", "upgrade")) {
            return refuse(400, "Connection is " + quoted(request.header("Connection")) + "; it must list Upgrade");
        }
        String key = request.header("Sec-WebSocket-Key");
        if (!isValidKey(key)) {
            return refuse(400, "Sec-WebSocket-Key is " + quoted(key) + "; it must be 16 random bytes in base64");
        }
        String version = request.header("Sec-WebSocket-Version");
        if (!VERSION.equals(version)) {
            return upgradeRequired("Sec-WebSocket-Version is " + quoted(version) + "; this server speaks version 13");
        }
        String origin = request.header("Origin");
        if (origin != null && !isAllowed(origin, host)) {
            return refuse(403, "the Origin " + origin + " is not allowed (allowed: " + (trustsHost
                    ? "the page's own origin, http://" + host + (allowedOrigins.isEmpty() ? "" : ", and ") : "")
                    + String.join(", ", allowedOrigins) + ")");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Upgrade", "websocket");
        headers.put("Connection", "Upgrade");
        headers.put("Sec-WebSocket-Accept", acceptFor(key));
        return new HandshakeResponse(101, "Switching Protocols", headers, "");
    }

    private boolean isAllowed(String origin, String host) {
        String normal = normalOrigin(origin);
        if (normal == null) {
            return false; // "null" (a sandboxed page, a file) or garbage
        }
        String hostLower = host.toLowerCase(Locale.ROOT);
        return allowedOrigins.contains(normal) || (trustsHost && (normal.equals(normalOrigin("http://" + hostLower))
                || normal.equals(normalOrigin("https://" + hostLower))));
    }

    /** {@code scheme://host[:port]} in lower case without a default port, or null if not of that form. */
    static String normalOrigin(String origin) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(https?)://([^/:?#\\s]+|\\[[0-9a-fA-F:.]+\\])(?::(\\d{1,5}))?/?")
                .matcher(origin.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        String scheme = m.group(1);
        String port = m.group(3);
        boolean defaultPort = port == null || (scheme.equals("http") && port.equals("80"))
                || (scheme.equals("https") && port.equals("443"));
        return scheme + "://" + m.group(2) + (defaultPort ? "" : ":" + Integer.parseInt(port));
    }

    private static boolean isValidKey(String key) {
        if (key == null) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static HandshakeResponse refuse(int status, String why) {
        String phrase = status == 403 ? "Forbidden" : "Bad Request";
        return new HandshakeResponse(status, phrase, Map.of(), why);
    }

    private static HandshakeResponse upgradeRequired(String why) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Upgrade", "websocket");
        headers.put("Sec-WebSocket-Version", VERSION);
        return new HandshakeResponse(426, "Upgrade Required", headers, why);
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }
}
