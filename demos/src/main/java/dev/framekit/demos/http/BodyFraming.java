package dev.framekit.demos.http;

import java.util.List;

/**
 * How a message's body is framed, chosen from its head (RFC 9112, section 6.3), and the framer
 * that reads it:
 *
 * <pre>
 * NONE      no body (a request without Content-Length or Transfer-Encoding; HEAD, 1xx, 204, 304)
 * LENGTH    Content-Length: N            -&gt; Framers.exactly(N), in pieces of at most 64 KiB
 * CHUNKED   Transfer-Encoding: chunked   -&gt; Framers.chunked(), until its last chunk
 * CLOSE     a response with neither      -&gt; Framers.sendAndClose(): the body ends with the stream
 * </pre>
 *
 * <p>Requests are held to the rules that stop request smuggling (two parsers disagreeing about
 * where a body ends): Content-Length together with Transfer-Encoding, more than one
 * Content-Length, a Content-Length that is not plain digits, and a transfer coding that does not
 * end with chunked are all 400.
 *
 * @param length the body's length for {@link Kind#LENGTH}, else -1
 */
public record BodyFraming(Kind kind, long length) {
    /** The four ways a body is framed. */
    public enum Kind { NONE, LENGTH, CHUNKED, CLOSE }

    static final BodyFraming NONE = new BodyFraming(Kind.NONE, -1);
    static final BodyFraming CHUNKED = new BodyFraming(Kind.CHUNKED, -1);
    static final BodyFraming CLOSE = new BodyFraming(Kind.CLOSE, -1);

    /** A request body's framing; 413 if its declared length is over {@code maxBody}. */
    public static BodyFraming ofRequest(RequestHead head, long maxBody) throws HttpError {
        Headers headers = head.headers();
        List<String> codings = headers.tokens("Transfer-Encoding");
        List<String> lengths = headers.all("Content-Length");
        if (!headers.all("Transfer-Encoding").isEmpty()) {
            if (!lengths.isEmpty()) {
                throw new HttpError(400, "both Content-Length and Transfer-Encoding (request smuggling?)");
            }
            if (head.version().equals("HTTP/1.0")) {
                throw new HttpError(400, "Transfer-Encoding in an HTTP/1.0 request");
            }
            if (codings.isEmpty() || !codings.get(codings.size() - 1).equals("chunked")) {
                throw new HttpError(400, "Transfer-Encoding " + codings + " does not end with chunked");
            }
            if (codings.size() > 1) {
                throw new HttpError(501, "transfer coding " + codings + " (only chunked is implemented)");
            }
            return CHUNKED;
        }
        if (lengths.isEmpty()) {
            return NONE;
        }
        long length = contentLength(lengths, true);
        if (length > maxBody) {
            throw new HttpError(413, "Content-Length " + length + " is over --max-body " + maxBody);
        }
        return length == 0 ? NONE : new BodyFraming(Kind.LENGTH, length);
    }

    /** A response body's framing, which also depends on the request's method. */
    public static BodyFraming ofResponse(String requestMethod, ResponseHead head) throws HttpError {
        int status = head.status();
        if (requestMethod.equals("HEAD") || status < 200 || status == 204 || status == 304) {
            return NONE;
        }
        Headers headers = head.headers();
        if (!headers.all("Transfer-Encoding").isEmpty()) {
            if (!headers.all("Content-Length").isEmpty()) {
                throw new HttpError(400, "a response with both Content-Length and Transfer-Encoding");
            }
            List<String> codings = headers.tokens("Transfer-Encoding");
            return !codings.isEmpty() && codings.get(codings.size() - 1).equals("chunked") ? CHUNKED : CLOSE;
        }
        List<String> lengths = headers.all("Content-Length");
        if (lengths.isEmpty()) {
            return CLOSE;
        }
        long length = contentLength(lengths, false);
        return length == 0 ? NONE : new BodyFraming(Kind.LENGTH, length);
    }

    /**
     * The one Content-Length: 1 to 18 digits. A request may carry exactly one; a response may
     * repeat the same value (RFC 9110 lets a recipient accept that), never two different ones.
     */
    private static long contentLength(List<String> fields, boolean exactlyOne) throws HttpError {
        if (exactlyOne && (fields.size() > 1 || fields.get(0).contains(","))) {
            throw new HttpError(400, "more than one Content-Length " + fields + " (request smuggling?)");
        }
        long length = -1;
        for (String field : fields) {
            for (String element : field.split(",", -1)) {
                String digits = HeadSyntax.trimWhitespace(element);
                if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new HttpError(400, "Content-Length is not a decimal length: " + HeadSyntax.preview(field));
                }
                long value = Long.parseLong(digits);
                if (length >= 0 && value != length) {
                    throw new HttpError(400, "conflicting Content-Length values " + fields);
                }
                length = value;
            }
        }
        return length;
    }

    /** E.g. {@code Content-Length 5}, {@code chunked}, {@code until close}, {@code no body}. */
    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "no body";
            case LENGTH -> "Content-Length " + length;
            case CHUNKED -> "chunked";
            case CLOSE -> "until close";
        };
    }
}
