package dev.framekit.demos.http;

import dev.framekit.demos.reverse.Reverser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What {@code http-server} answers: {@code GET}/{@code HEAD} of {@code /} (the hello page) or of
 * files under {@code --root}; {@code POST /echo} and {@code POST /reverse}; 404 for other paths,
 * 405 for a known path with the wrong method, 501 for methods it does not implement.
 */
public final class Routes {
    private static final byte[] HELLO = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>framekit</title></head>
            <body>
            <h1>Hello from framekit</h1>
            <p>This page came over HTTP/1.1, framed by framekit's framers: the head by the
            delimiter <code>\\r\\n\\r\\n</code>, the body by its <code>Content-Length</code>.</p>
            <p>Try <code>curl --data-binary hello http://HOST/echo</code> or <code>/reverse</code>.</p>
            </body>
            </html>
            """.getBytes(StandardCharsets.UTF_8);

    private final FileRoot files;

    /** Serves the hello page, or the files of {@code files} when it is not null. */
    public Routes(FileRoot files) {
        this.files = files;
    }

    /** Whether {@code method} is one this server implements (others are 501). */
    public static boolean implemented(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("POST");
    }

    /** The response to a request whose body has been read. */
    public Response respond(RequestHead request, byte[] body) throws IOException {
        String method = request.method();
        String path = request.path();
        if (!implemented(method)) {
            return Response.status(501);
        }
        boolean get = method.equals("GET") || method.equals("HEAD");
        if (path.equals("/echo") || path.equals("/reverse")) {
            if (get) {
                return Response.status(405).with("Allow: POST");
            }
            byte[] answer = path.equals("/echo") ? body : Reverser.reverse(body);
            return Response.of(200, "application/octet-stream", answer);
        }
        if (!get) {
            return files == null && !path.equals("/") ? Response.status(404) : Response.status(405).with("Allow: GET, HEAD");
        }
        if (files != null) {
            return files.get(path);
        }
        return path.equals("/") || path.equals("/index.html")
                ? Response.of(200, "text/html; charset=utf-8", HELLO) : Response.status(404);
    }
}
