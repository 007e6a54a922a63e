package dev.framekit.demos.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --root}: files inside are served, nothing outside is reachable however the path is spelled. */
class FileRootTest {
    @TempDir
    Path dir;

    private FileRoot root() throws IOException {
        Path root = Files.createDirectories(dir.resolve("site"));
        Files.writeString(root.resolve("index.html"), "<p>home</p>");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/a.txt"), "a");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("out.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("outdir"), dir);
        return new FileRoot(root);
    }

    @Test
    void servesFilesAndIndexHtmlForADirectory() throws IOException {
        FileRoot root = root();
        assertEquals(200, root.get("/").status());
        assertEquals("text/html; charset=utf-8", root.get("/").contentType());
        assertEquals(200, root.get("/sub/a.txt").status());
        assertEquals(200, root.get("//sub//./a.txt").status());
        assertEquals(404, root.get("/missing.txt").status());
        assertEquals(404, root.get("/sub").status(), "a directory without index.html");
    }

    @Test
    void nothingOutsideTheRootIsReachable() throws IOException {
        FileRoot root = root();
        for (String path : new String[] {"/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt", "/sub/%2e%2e/%2e%2e/secret.txt", "/out.txt", "/outdir/secret.txt", "/..%5csecret.txt"}) {
            int status = root.get(path).status();
            assertEquals(true, status == 403 || status == 404, path + " gave " + status);
        }
        assertEquals(200, root.get("/%2fsub%2fa.txt").status(), "an encoded slash stays inside the root");
        assertEquals(400, root.get("/%zz").status());
    }
}
