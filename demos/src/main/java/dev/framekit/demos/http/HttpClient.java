package dev.framekit.demos.http;

import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches URLs one after another over HTTP/1.1, keeping the connection open between requests to
 * the same host and port while the server allows it. Bodies go to an output stream as they
 * arrive, in pieces of at most 64 KiB, framed by Content-Length, chunks or the server closing:
 * memory stays flat whatever the body's size, up to {@code maxBody}. Another thread may
 * {@link #close()} it to end a fetch in progress (the {@code --max-time} deadline).
 */
final class HttpClient implements AutoCloseable {
    /** The largest response head accepted. */
    static final int MAX_HEAD = 64 * 1024;
    /** A request body sent chunked goes in chunks of this size. */
    static final int CHUNK = 16 * 1024;

    private final Duration timeout;
    private final long maxBody;
    private final WireTap tap;
    private final OutputStream stdout;
    private volatile FramedConnection connection;
    private volatile boolean closed;
    /** When {@code --max-time} runs out, as {@link System#nanoTime()}; {@link Long#MAX_VALUE} for never. */
    private long giveUpAt = Long.MAX_VALUE;
    private String origin;
    private MessageReader in;
    private MessageWriter out;

    /** @param maxBody the most bytes of one response body taken; a longer one fails the fetch */
    HttpClient(Duration timeout, long maxBody, WireTap tap, OutputStream stdout) {
        this.timeout = timeout;
        this.maxBody = maxBody;
        this.tap = tap;
        this.stdout = stdout;
    }

    /**
     * Connects no later than {@code maxTime} from now (zero: no limit); a fetch under way then is
     * ended by {@link #close()} from another thread.
     */
    HttpClient giveUpAfter(Duration maxTime) {
        giveUpAt = maxTime.isZero() ? Long.MAX_VALUE : System.nanoTime() + maxTime.toNanos();
        return this;
    }

    /**
     * Sends one request and copies the response's body to the output (its head first if
     * {@code include}); returns the response's head.
     *
     * @param body the request body, or null for none
     */
    ResponseHead fetch(HttpUrl url, String method, byte[] body, boolean chunked, boolean include) throws IOException {
        boolean reused = connection != null && url.origin().equals(origin);
        if (!reused) {
            open(url);
        }
        send(url, method, body, chunked);
        byte[] headBytes = in.readHead();
        if (headBytes == null && reused) {
            open(url); // the server closed the idle connection as we reused it: once more on a new one
            send(url, method, body, chunked);
            headBytes = in.readHead();
        }
        ResponseHead head = finalHead(headBytes);
        if (include) {
            stdout.write((Visible.head(head.text()) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        }
        BodyFraming framing;
        try {
            framing = BodyFraming.ofResponse(method, head);
        } catch (HttpError e) {
            throw new IOException("bad response: " + e.getMessage());
        }
        in.streamBody(framing, maxBody, piece -> {
            stdout.write(piece);
            stdout.flush(); // as it arrives: a stream of small chunks shows at once
        });
        stdout.flush();
        if (!head.keepAlive() || framing.kind() == BodyFraming.Kind.CLOSE) {
            closeConnection();
        }
        return head;
    }

    /** The first final (non-1xx) response head, skipping 100 Continue and other interim ones. */
    private ResponseHead finalHead(byte[] headBytes) throws IOException {
        byte[] bytes = headBytes;
        while (true) {
            if (bytes == null) {
                throw new IOException("the server closed the connection without answering");
            }
            ResponseHead head;
            try {
                head = ResponseHead.parse(bytes);
            } catch (HttpError e) {
                throw new IOException("bad response head: " + e.getMessage());
            }
            if (head.status() >= 200) {
                return head;
            }
            if (head.status() == 101) {
                throw new IOException("the server switched protocols (101), which http-get does not follow");
            }
            bytes = in.readHead();
        }
    }

    private void send(HttpUrl url, String method, byte[] body, boolean chunked) throws IOException {
        StringBuilder head = new StringBuilder().append(method).append(' ').append(url.target()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.hostField()).append("\r\nUser-Agent: framekit-http-get\r\nAccept: */*");
        if (body != null) {
            head.append("\r\nContent-Type: application/octet-stream")
                    .append(chunked ? "\r\nTransfer-Encoding: chunked" : "\r\nContent-Length: " + body.length);
        }
        out.head(head.toString());
        if (body != null && chunked) {
            for (int at = 0; at < body.length; at += CHUNK) {
                out.chunk(java.util.Arrays.copyOfRange(body, at, Math.min(body.length, at + CHUNK)));
            }
            out.lastChunk();
        } else if (body != null) {
            out.body(body, 0, body.length);
        }
        out.flush();
    }

    private void open(HttpUrl url) throws IOException {
        closeConnection();
        FramedConnection.Connector connector = FramedConnection.connector(url.host(), url.port())
                .framer(Framers.delimiter("\r\n\r\n").withMaxFrameLength(MAX_HEAD));
        if (!timeout.isZero()) {
            connector.readTimeout(timeout);
        }
        Duration connectTimeout = connectTimeout();
        if (!connectTimeout.isZero()) {
            connector.connectTimeout(connectTimeout);
        }
        connection = connector.connect();
        if (closed) { // closed from another thread while connecting
            closeConnection();
            throw new java.net.SocketException("Socket closed");
        }
        origin = url.origin();
        in = new MessageReader(connection.reader(), MAX_HEAD, tap);
        out = new MessageWriter(connection.socket().getOutputStream(), tap);
    }

    /** Whether the time {@link #giveUpAfter} gave has run out. */
    boolean pastDeadline() {
        return System.nanoTime() - giveUpAt >= 0;
    }

    /** The shorter of --timeout and the time --max-time leaves ; zero for no limit. */
    private Duration connectTimeout() throws IOException {
        if (giveUpAt == Long.MAX_VALUE) {
            return timeout;
        }
        long left = giveUpAt - System.nanoTime();
        if (left <= 0) {
            throw new java.net.SocketTimeoutException("--max-time ran out");
        }
        Duration remaining = Duration.ofMillis((left + 999_999) / 1_000_000); // rounded up: it ends at the deadline
        return timeout.isZero() || remaining.compareTo(timeout) < 0 ? remaining : timeout;
    }

    /** Closes the connection and ends a fetch in progress; safe from another thread. */
    @Override
    public void close() throws IOException {
        closed = true;
        closeConnection();
    }

    private void closeConnection() throws IOException {
        if (connection != null) {
            FramedConnection open = connection;
            connection = null;
            origin = null;
            open.close();
        }
    }
}
