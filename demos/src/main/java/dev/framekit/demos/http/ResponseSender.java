package dev.framekit.demos.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Puts a {@link Response} on the wire: the head with {@code Content-Length} (or, for a large file
 * to an HTTP/1.1 client, {@code Transfer-Encoding: chunked}), then the body unless the request was
 * {@code HEAD}.
 */
final class ResponseSender {
    /** Files over this size are streamed, in chunks of this size. */
    static final int STREAM_PIECE = 64 * 1024;

    private ResponseSender() {}

    /**
     * Appends {@code response} to {@code out}.
     *
     * @param version the request's version (a streamed file goes chunked only to HTTP/1.1)
     * @param headOnly true for a HEAD request: the head alone
     * @param keepAlive false to say {@code Connection: close}
     */
    static void send(MessageWriter out, Response response, String version, boolean headOnly, boolean keepAlive)
            throws IOException {
        boolean chunked = response.file() != null && response.length() > STREAM_PIECE && version.equals("HTTP/1.1");
        StringBuilder head = new StringBuilder(160).append("HTTP/1.1 ").append(Status.line(response.status()))
                .append("\r\nServer: framekit\r\nDate: ").append(HttpDate.now())
                .append("\r\nContent-Type: ").append(response.contentType());
        head.append(chunked ? "\r\nTransfer-Encoding: chunked" : "\r\nContent-Length: " + response.length());
        for (String line : response.extraHeaders()) {
            head.append("\r\n").append(line);
        }
        if (!keepAlive) {
            head.append("\r\nConnection: close");
        } else if (version.equals("HTTP/1.0")) {
            head.append("\r\nConnection: keep-alive");
        }
        out.head(head.toString());
        if (headOnly) {
            return;
        }
        if (response.file() == null) {
            out.body(response.body(), 0, response.body().length);
            return;
        }
        try (InputStream file = Files.newInputStream(response.file())) {
            long left = response.length();
            byte[] piece = new byte[(int) Math.min(STREAM_PIECE, Math.max(1, left))];
            while (left > 0) {
                int n = file.readNBytes(piece, 0, (int) Math.min(piece.length, left));
                if (n <= 0) {
                    throw new IOException(response.file() + " shrank while it was being sent");
                }
                if (chunked) {
                    out.chunk(n == piece.length ? piece.clone() : java.util.Arrays.copyOf(piece, n));
                } else {
                    out.body(piece, 0, n);
                }
                left -= n;
            }
        }
        if (chunked) {
            out.lastChunk();
        }
    }
}
