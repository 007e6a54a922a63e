package dev.framekit.demos.http;

import dev.framekit.demos.console.Console;
import dev.framekit.demos.server.ConnectionStats;
import dev.framekit.demos.server.FramedServer;
import dev.framekit.demos.server.PeerMemory;
import dev.framekit.framing.FrameTimeoutException;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.TruncatedFrameException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * Serves HTTP/1.1 on one connection: reads request after request (pipelined ones too, answered in
 * order), reads each body with the framer its head calls for, answers, and keeps the connection
 * open as HTTP says. Bad input gets its status, one log line, and (where the stream can no longer
 * be trusted) the connection closed: 400, 408, 413, 431, 501, 505. A request body counts against
 * the server's memory budget as it arrives ({@link RequestBody}), until its response is sent.
 */
public final class HttpConnectionHandler implements FramedServer.Handler {
    /** After an error response, how long and how much the server still reads, so the peer sees the response, not a reset. */
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final int LINGER_BYTES = 1 << 20;

    /** What every connection shares: the limits, the routes and where to log. */
    public record Settings(int maxHeader, long maxBody, Duration headerTimeout, Duration bodyTimeout, Routes routes,
            Console console, WireTap tap) {}

    private final Settings settings;

    /** A handler with these limits and routes. */
    public HttpConnectionHandler(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void serve(FramedConnection connection, ConnectionStats stats) throws IOException {
        MessageReader in = new MessageReader(connection.reader(), settings.maxHeader(), settings.tap());
        MessageWriter out = new MessageWriter(connection.writer(), settings.tap());
        while (true) {
            RequestHead head = readHead(in, out, connection);
            if (head == null) {
                return;
            }
            BodyFraming framing = choose(head, out, connection);
            try (RequestBody body = readBody(framing, in, out, connection)) {
                byte[] bytes = body.bytes();
                stats.received(bytes.length);
                Response response = settings.routes().respond(head, bytes);
                if (bytes.length > 0 && response.body() != null && response.body() != bytes) {
                    body.hold(response.body().length); // made from the body (reversed): counted until it is sent
                }
                if (response.status() >= 400) {
                    settings.console().log(peer(connection) + " " + head.method() + " " + HeadSyntax.preview(head.target())
                            + ": " + Status.line(response.status()));
                }
                boolean keepAlive = head.keepAlive();
                ResponseSender.send(out, response, head.version(), head.method().equals("HEAD"), keepAlive);
                stats.sent((int) Math.min(Integer.MAX_VALUE, response.length()));
                if (!keepAlive) {
                    out.flush();
                    return;
                }
                if (!in.pipelined()) {
                    out.flush(); // no pipelined request waiting: send now; otherwise answer it in the same write
                }
            }
        }
    }

    private RequestHead readHead(MessageReader in, MessageWriter out, FramedConnection connection) throws IOException {
        byte[] bytes;
        try {
            bytes = in.readHead();
        } catch (FrameTooLongException e) {
            throw reject(out, connection, 431, "head over --max-header " + settings.maxHeader() + " bytes");
        } catch (FrameTimeoutException e) {
            throw reject(out, connection, 408, "head not complete within --header-timeout "
                    + settings.headerTimeout().toMillis() + " ms");
        } catch (TruncatedFrameException e) {
            throw new FramingException("the stream ended inside a request head (" + e.bytesReceived() + " bytes)");
        }
        if (bytes == null) {
            return null;
        }
        try {
            return RequestHead.parse(bytes);
        } catch (HttpError e) {
            throw reject(out, connection, e.status(), e.getMessage());
        }
    }

    private BodyFraming choose(RequestHead head, MessageWriter out, FramedConnection connection) throws IOException {
        BodyFraming framing;
        try {
            framing = BodyFraming.ofRequest(head, settings.maxBody());
        } catch (HttpError e) {
            throw reject(out, connection, e.status(), e.getMessage());
        }
        String expect = head.headers().first("Expect");
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                throw reject(out, connection, 417, "Expect: " + HeadSyntax.preview(expect));
            }
            if (framing.kind() != BodyFraming.Kind.NONE && head.version().equals("HTTP/1.1")) {
                out.head("HTTP/1.1 " + Status.line(100));
                out.flush();
            }
        }
        return framing;
    }

    /**
     * Reads the request's body, counted against the server's memory budget as it arrives (see
     * {@link RequestBody}); the caller closes it once the response is sent. A peer shed to keep
     * the budget ends here, its connection closed, the budget's reason its log line.
     */
    private RequestBody readBody(BodyFraming framing, MessageReader in, MessageWriter out, FramedConnection connection)
            throws IOException {
        RequestBody body = new RequestBody(PeerMemory.of(connection));
        boolean read = false;
        try {
            in.readBody(framing, settings.maxBody(), settings.bodyTimeout(), body);
            read = true;
            return body;
        } catch (BodyClock.Expired e) {
            throw reject(out, connection, 408, e.getMessage());
        } catch (FrameTooLongException e) {
            throw reject(out, connection, 413, "body over --max-body " + settings.maxBody() + " bytes (" + framing + ")");
        } catch (FrameTimeoutException e) {
            throw reject(out, connection, 408, "body not complete within --header-timeout");
        } catch (FramingException e) {
            throw reject(out, connection, 400, "bad " + framing + " body: " + e.getMessage());
        } finally {
            if (!read) {
                body.close();
            }
        }
    }

    /**
     * Answers {@code status}, closes the output, and reads what the peer still sends for a moment
     * (so closing does not reset the connection before the peer reads the answer); returns the
     * exception whose message is the connection's closing log line. The server then resets the
     * connection, a protocol error's end: a peer that read its answer and closed has it already.
     */
    private static HttpRejection reject(MessageWriter out, FramedConnection connection, int status, String detail) {
        HttpRejection rejection = new HttpRejection(status, detail);
        Socket socket = connection.socket();
        try {
            ResponseSender.send(out, Response.status(status), "HTTP/1.1", false, false);
            out.flush();
            socket.shutdownOutput();
            linger(socket);
        } catch (IOException ignored) {
            // The peer went away first; the log line says what it did.
        }
        return rejection;
    }

    private static void linger(Socket socket) throws IOException {
        Thread closer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(LINGER);
                socket.shutdownInput(); // ends the read below; the server then closes the connection
            } catch (InterruptedException | IOException e) {
                // Done lingering.
            }
        });
        InputStream raw = socket.getInputStream();
        byte[] sink = new byte[8192];
        long total = 0;
        try {
            int n;
            while (total < LINGER_BYTES && (n = raw.read(sink)) >= 0) {
                total += n;
            }
        } finally {
            closer.interrupt();
        }
    }

    private static String peer(FramedConnection connection) {
        Socket socket = connection.socket();
        return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }
}
