package dev.framekit.demos.http;

import java.util.List;

/**
 * A request's head: {@code METHOD SP target SP HTTP/1.x}, then header fields. Parsed from the
 * bytes the {@code \r\n\r\n} delimiter framer hands out.
 *
 * @param method the method, e.g. GET (case-sensitive, as HTTP says)
 * @param target the request target as sent, e.g. {@code /index.html?x=1}
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 */
public record RequestHead(String method, String target, String version, Headers headers) {

    /** Parses a request head; the error carries the status to answer with. */
    public static RequestHead parse(byte[] head) throws HttpError {
        List<String> lines = HeadSyntax.lines(head);
        String[] parts = lines.get(0).split(" ", -1);
        if (parts.length != 3) {
            throw new HttpError(400, "a request line is METHOD SP target SP version, got " + HeadSyntax.preview(lines.get(0)));
        }
        if (!HeadSyntax.isToken(parts[0])) {
            throw new HttpError(400, "a method that is not a token: " + HeadSyntax.preview(parts[0]));
        }
        String target = parts[1];
        if (target.isEmpty()) {
            throw new HttpError(400, "an empty request target");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new HttpError(400, "a request target with a control, space or non-ASCII byte: " + HeadSyntax.preview(target));
            }
        }
        String version = HeadSyntax.version(parts[2]);
        Headers headers = HeadSyntax.fields(lines);
        List<String> hosts = headers.all("Host");
        if (hosts.size() > 1 || (hosts.isEmpty() && version.equals("HTTP/1.1"))) {
            throw new HttpError(400, hosts.isEmpty() ? "an HTTP/1.1 request without Host" : "more than one Host field");
        }
        return new RequestHead(parts[0], target, version, headers);
    }

    /**
     * Whether the connection stays open after this exchange: HTTP/1.1 unless the client sent
     * {@code Connection: close}; HTTP/1.0 only if it asked for {@code Connection: keep-alive}.
     */
    public boolean keepAlive() {
        if (headers.hasToken("Connection", "close")) {
            return false;
        }
        return version.equals("HTTP/1.1") || headers.hasToken("Connection", "keep-alive");
    }

    /** The target's path: up to a {@code ?} or {@code #}, from an absolute-form target too. */
    public String path() {
        String path = target;
        if (path.regionMatches(true, 0, "http://", 0, 7)) {
            int slash = path.indexOf('/', 7);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int end = path.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = path.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return path.substring(0, end);
    }
}
