package dev.framekit.demos.build;

import dev.framekit.framing.support.NestedMavenBuild;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mvnw} on a machine without the wrapper's Maven says what it downloads before it does:
 * run with an empty {@code MAVEN_USER_HOME} against a repository on loopback that has nothing.
 */
@NestedMavenBuild
class MavenWrapperTest {
    @TempDir
    Path home;

    @Test
    void theFirstRunSaysItDownloadsMaven() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer repository = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        repository.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        repository.start();
        try {
            ProcessBuilder builder = new ProcessBuilder(NestedMaven.projectRoot().resolve("mvnw").toString(), "-v")
                    .directory(NestedMaven.projectRoot().toFile()).redirectErrorStream(true);
            builder.environment().put("MAVEN_USER_HOME", home.toString());
            builder.environment().put("MVNW_REPOURL", "http://127.0.0.1:" + repository.getAddress().getPort() + "/maven2");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process mvnw = builder.start();
            mvnw.getOutputStream().close();
            String output = new String(mvnw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(mvnw.waitFor(60, TimeUnit.SECONDS), output);

            assertNotEquals(0, mvnw.exitValue(), "nothing to download: " + output);
            assertTrue(output.startsWith("mvnw: downloading apache-maven-3.9."), output);
            assertTrue(output.lines().findFirst().orElseThrow().matches("mvnw: downloading apache-maven-3\\.9\\.\\d+ \\(once; into "
                    + java.util.regex.Pattern.quote(home.resolve("wrapper/dists").toString()) + "/apache-maven-3\\.9\\.\\d+\\)"), output);
            assertTrue(asked.stream().anyMatch(path -> path.endsWith("-bin.zip") || path.endsWith("-bin.tar.gz")), asked.toString());
        } finally {
            repository.stop(0);
        }
    }
}
