package dev.framekit.demos.http;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * An {@code http://} URL, split into what a request needs: where to connect, the {@code Host}
 * field and the request target.
 *
 * @param host the host to connect to (an IPv6 address without brackets)
 * @param hostField the {@code Host} header's value, e.g. {@code localhost:8080}
 * @param target the request target, e.g. {@code /echo?x=1}
 */
public record HttpUrl(String host, int port, String hostField, String target) {

    /** Parses {@code text}; an IllegalArgumentException says what is wrong with it. */
    public static HttpUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !scheme.equalsIgnoreCase("http")) {
            throw new IllegalArgumentException("'" + text + "': only http:// URLs"
                    + ("https".equalsIgnoreCase(scheme) ? " (https needs TLS, which http-get does not speak)" : ""));
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no host");
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return new HttpUrl(bare, port, port == 80 ? host : host + ":" + port, target);
    }

    /** {@code host:port}: requests to the same one share a connection. */
    public String origin() {
        return host + ":" + port;
    }
}
