package dev.framekit.demos.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The files {@code --root DIR} serves, with no way out of DIR. The path is percent-decoded
 * first and then split into segments, so {@code %2e%2e} and {@code %2f} are seen for what they
 * are; a {@code ..} segment is 403, never resolved upwards; the file's real path (symlinks
 * followed) must still lie inside DIR's real path, or it is 403. A directory serves its
 * {@code index.html}.
 */
public final class FileRoot {
    private final Path root;

    /** Serves the files under {@code root}, which must be a directory. */
    public FileRoot(Path root) throws IOException {
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root)) {
            throw new IOException(root + " is not a directory");
        }
    }

    /** The root directory, resolved. */
    public Path root() {
        return root;
    }

    /** The response for GET of {@code path} (already cut at {@code ?}): the file, 403 or 404. */
    public Response get(String path) throws IOException {
        String decoded;
        try {
            decoded = percentDecode(path);
        } catch (IllegalArgumentException e) {
            return Response.status(400);
        }
        if (decoded.indexOf('\0') >= 0 || decoded.indexOf('\\') >= 0) {
            return Response.status(403);
        }
        Path file = root;
        for (String segment : decoded.split("/")) {
            if (segment.equals("..")) {
                return Response.status(403);
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                file = file.resolve(segment);
            }
        }
        if (!file.normalize().startsWith(root)) {
            return Response.status(403);
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            return Response.status(404);
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return Response.status(404); // a dangling symlink
        }
        if (!real.startsWith(root)) {
            return Response.status(403);
        }
        if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
            return Response.status(404);
        }
        return Response.file(real, Files.size(real), ContentTypes.of(real.getFileName().toString()));
    }

    /** Decodes {@code %XX} escapes as UTF-8; a bad escape or invalid UTF-8 is an IllegalArgumentException. */
    static String percentDecode(String path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                int high = Character.digit(path.charAt(i + 1), 16);
                int low = Character.digit(path.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("bad escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
    }
}
