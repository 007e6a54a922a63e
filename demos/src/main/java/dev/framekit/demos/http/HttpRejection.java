package dev.framekit.demos.http;

import dev.framekit.framing.FramingException;

/**
 * A request the server answered with an error status and then closed the connection over (a
 * malformed or smuggling-prone head, a head or body over its limit, a timeout). Its message is
 * the connection's one closing log line, e.g. {@code answered 431 Request Header Fields Too Large
 * (head over --max-header 8192 bytes)}, after which the server's log says the connection closed.
 */
final class HttpRejection extends FramingException {
    private static final long serialVersionUID = 1L;

    HttpRejection(int status, String detail) {
        super("answered " + Status.line(status) + " (" + detail + ")");
    }
}
