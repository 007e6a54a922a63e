package dev.framekit.demos.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What the server answers: a status, a content type, and a body held in memory or a file streamed
 * from disk.
 *
 * @param extraHeaders further header lines, e.g. {@code Allow: POST}
 * @param file a file to stream as the body instead of {@code body}, or null
 */
public record Response(int status, String contentType, byte[] body, Path file, long fileLength, List<String> extraHeaders) {

    /** A response with a body in memory. */
    public static Response of(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, null, -1, List.of());
    }

    /** A short plain-text page for a status, e.g. "404 Not Found". */
    public static Response status(int status) {
        return of(status, "text/plain; charset=utf-8", (Status.line(status) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A file streamed from disk. */
    public static Response file(Path file, long length, String contentType) {
        return new Response(200, contentType, null, file, length, List.of());
    }

    /** This response with one more header line. */
    public Response with(String headerLine) {
        List<String> headers = new java.util.ArrayList<>(extraHeaders);
        headers.add(headerLine);
        return new Response(status, contentType, body, file, fileLength, List.copyOf(headers));
    }

    /** The body's length. */
    public long length() {
        return file != null ? fileLength : body.length;
    }
}
