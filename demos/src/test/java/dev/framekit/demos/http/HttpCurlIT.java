package dev.framekit.demos.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import dev.framekit.framing.support.Peer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** curl, a client nobody here wrote, against the real jar's {@code http-server}. */
@Peer
@Needs(Capability.CURL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class HttpCurlIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();
    private FramekitProcess server;
    private String base;

    @TempDir
    Path dir;

    @BeforeAll
    void startServer() {
        server = framekit.startServer("http-server");
        base = "http://127.0.0.1:" + server.port();
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void getServesTheHelloPageWithItsLength() {
        Peers.Run run = Peers.curl("-i", base + "/");
        String text = run.stdoutText();
        assertTrue(text.startsWith("HTTP/1.1 200 OK\r\n"), run.transcript());
        assertTrue(text.contains("Content-Type: text/html; charset=utf-8\r\n"), text);
        assertTrue(text.contains("Hello from framekit"), text);
    }

    @Test
    void headSendsTheHeadersOfGetAndNoBody() {
        Peers.Run get = Peers.curl("-s", "-o", "/dev/null", "-w", "%{size_download}", base + "/");
        Peers.Run head = Peers.curl("-I", base + "/");
        assertTrue(head.stdoutText().contains("Content-Length: " + get.stdoutText() + "\r\n"), head.transcript());
        assertTrue(head.stdoutText().endsWith("\r\n\r\n"), "nothing after the head: " + head.transcript());
    }

    @Test
    void echoesABinaryBodySentWithContentLength() throws IOException {
        Path body = randomFile("cl.bin", 300_000);
        Peers.Run run = Peers.curl("--data-binary", "@" + body, base + "/echo");
        assertArrayEquals(Files.readAllBytes(body), run.stdout(), run.stderr());
    }

    @Test
    void echoesABinaryBodySentChunked() throws IOException {
        Path body = randomFile("chunked.bin", 200_001);
        Peers.Run run = Peers.curl("-v", "-H", "Transfer-Encoding: chunked", "--data-binary", "@" + body, base + "/echo");
        assertArrayEquals(Files.readAllBytes(body), run.stdout(), run.stderr());
        assertTrue(run.stderr().contains("Transfer-Encoding: chunked"), "curl sent it chunked: " + run.stderr());
    }

    @Test
    void reversesTextByCodePoints() {
        Peers.Run run = Peers.curl("--data-binary", "héllo wörld ✓", base + "/reverse");
        assertEquals("✓ dlröw olléh", run.stdoutText(), run.transcript());
    }

    @Test
    void severalUrlsInOneCallReuseOneConnection() {
        Peers.Run run = Peers.curl("-v", base + "/", base + "/nope", base + "/");
        assertTrue(run.stderr().contains("Re-using existing connection"), run.stderr());
        assertEquals(3, run.stderr().split("< HTTP/1.1 ", -1).length - 1, run.stderr());
        assertTrue(run.stderr().contains("< HTTP/1.1 404 Not Found"), run.stderr());
    }

    @Test
    void http10GetsItsAnswerAndTheConnectionCloses() {
        Peers.Run run = Peers.curl("--http1.0", "-v", base + "/");
        assertTrue(run.stderr().contains("> GET / HTTP/1.0"), run.stderr());
        assertTrue(run.stderr().contains("< Connection: close"), run.stderr());
        assertTrue(run.stdoutText().contains("Hello from framekit"), run.transcript());
    }

    @Test
    void aHeaderOf64KibIsAnswered431() {
        Peers.Run run = Peers.curl("-o", "/dev/null", "-w", "%{http_code}", "-H", "X-Big: " + "a".repeat(64 * 1024), base + "/");
        assertEquals("431", run.stdoutText(), run.transcript());
        server.awaitLine("closed: answered 431 Request Header Fields Too Large \\(head over --max-header 8192 bytes\\)");
    }

    @Test
    void aMalformedRequestLineIsAnswered400() {
        Peers.Run run = Peers.curl("-o", "/dev/null", "-w", "%{http_code}", "-X", "TWO WORDS", base + "/");
        assertEquals("400", run.stdoutText(), run.transcript());
    }

    @Test
    void contentLengthWithTransferEncodingIsAnswered400AndClosed() {
        Peers.Run run = Peers.curl("-v", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Content-Length: 5",
                "-H", "Transfer-Encoding: chunked", "--data-binary", "hello", base + "/echo");
        assertEquals("400", run.stdoutText(), run.transcript());
        assertTrue(run.stderr().contains("< Connection: close"), run.stderr());
        server.awaitLine("closed: answered 400 Bad Request \\(both Content-Length and Transfer-Encoding");
    }

    @Test
    void unknownMethodsAre501AndOtherPaths404() {
        assertEquals("501", Peers.curl("-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", base + "/").stdoutText());
        assertEquals("404", Peers.curl("-o", "/dev/null", "-w", "%{http_code}", base + "/nowhere").stdoutText());
        assertEquals("405", Peers.curl("-o", "/dev/null", "-w", "%{http_code}", base + "/echo").stdoutText());
    }

    @Test
    void aBodyOverTheMaximumIsAnswered413() throws IOException {
        Path body = randomFile("big.bin", (1 << 20) + 1);
        Peers.Run run = Peers.curl("-o", "/dev/null", "-w", "%{http_code}", "--data-binary", "@" + body, base + "/echo");
        assertEquals("413", run.stdoutText(), run.transcript());
    }

    @Test
    void expect100ContinueIsAnsweredBeforeTheBody() {
        Peers.Run run = Peers.curl("-v", "-H", "Expect: 100-continue", "--data-binary", "hello", base + "/echo");
        assertTrue(run.stderr().contains("< HTTP/1.1 100 Continue"), run.stderr());
        assertEquals("hello", run.stdoutText(), run.transcript());
    }

    @Test
    void aLargeFileUnderRootStreamsChunkedAndArrivesWhole() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Path file = randomFile("site/large.bin", 300_001);
        FramekitProcess files = framekit.startServer("http-server", "--root", site.toString());
        Peers.Run run = Peers.curl("-v", "http://127.0.0.1:" + files.port() + "/large.bin");
        assertArrayEquals(Files.readAllBytes(file), run.stdout(), run.stderr());
        assertTrue(run.stderr().contains("< Transfer-Encoding: chunked"), run.stderr());
        Peers.Run http10 = Peers.curl("--http1.0", "-v", "http://127.0.0.1:" + files.port() + "/large.bin");
        assertArrayEquals(Files.readAllBytes(file), http10.stdout(), "HTTP/1.0 gets it by Content-Length");
        assertTrue(http10.stderr().contains("< Content-Length: 300001"), http10.stderr());
    }
}
