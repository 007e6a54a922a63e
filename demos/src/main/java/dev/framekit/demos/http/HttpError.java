package dev.framekit.demos.http;

import java.io.IOException;

/**
 * A message that breaks HTTP's rules, with the status a server answers it with: 400 for a
 * malformed head or a request that could be smuggled, 413, 431, 501, 505. Thrown by the head
 * parser and by {@link BodyFraming} while choosing the body's framer.
 */
public final class HttpError extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** An error answered with {@code status}; {@code detail} says what was wrong, for the log line. */
    public HttpError(int status, String detail) {
        super(detail);
        this.status = status;
    }

    /** The status to answer with. */
    public int status() {
        return status;
    }
}
