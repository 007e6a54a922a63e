package dev.framekit.demos.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.framing.support.NestedMavenBuild;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A separate Maven project that uses framekit as a library ({@code examples/consumer}) builds
 * against the {@code dev.framekit:framing} artifact as installed (framing installs it, with the
 * parent POM, into {@code framing/target/consumer-repo} before this runs), compiles for Java 17,
 * and on a Java 17 runtime exchanges messages with a real echo-server ({@code framekit.jar} on
 * this JDK) over loopback: on the class path, and with framing on the module path.
 */
@NestedMavenBuild
class ConsumerProjectIT {
    private static final List<String> MESSAGES = List.of("hello", "framed over TCP", "x".repeat(10_000));
    private static Path consumer;

    @RegisterExtension
    final Framekit framekit = new Framekit();

    @BeforeAll
    static void buildTheConsumerProject() throws Exception {
        Java17.homeOrSkip();
        Path staged = Path.of(System.getProperty("framing.consumer.repo", "../framing/target/consumer-repo"));
        assertTrue(Files.isDirectory(staged.resolve("dev/framekit/framing")), "no installed framing artifact in " + staged
                + "; run the build from the project root (./mvnw verify): framing installs it there before the integration tests");
        Path work = SkipTestsIT.fresh(Path.of("target", "consumer-it").toAbsolutePath());
        consumer = work.resolve("consumer");
        copyTree(NestedMaven.projectRoot().resolve("examples/consumer"), consumer);
        Path repository = work.resolve("repository");
        copyTree(staged, repository);

        NestedMaven.Result build = NestedMaven.run(consumer, repository, "-q",
                "-Dframekit.version=" + NestedMaven.version(), "process-classes");
        assertEquals(0, build.exitCode(), "the consumer project did not build against the installed artifact:\n" + build.log());
        assertEquals(61, classFileMajorVersion(consumer.resolve("target/classes/com/example/consumer/EchoConsumer.class")),
                "compiled for Java 17 (class file 61)");
        assertTrue(Files.isRegularFile(consumer.resolve("target/lib/framing-" + NestedMaven.version() + ".jar")));
    }

    @Test
    void onTheClassPath() throws Exception {
        assertEchoes(List.of("-cp", consumer.resolve("target/classes") + File.pathSeparator + consumer.resolve("target/lib/*")));
    }

    @Test
    void withFramingOnTheModulePath() throws Exception {
        assertEchoes(List.of("-p", consumer.resolve("target/lib").toString(), "--add-modules", "dev.framekit.framing",
                "-cp", consumer.resolve("target/classes").toString()));
    }

    private void assertEchoes(List<String> paths) throws Exception {
        FramekitProcess server = framekit.startServer("echo-server");
        List<String> command = new ArrayList<>();
        command.add(Java17.javaOrSkip());
        command.addAll(paths);
        command.addAll(List.of("com.example.consumer.EchoConsumer", "127.0.0.1", Integer.toString(server.port())));
        command.addAll(MESSAGES);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the consumer did not end: " + output);

        assertEquals(0, process.exitValue(), String.join(" ", command.subList(0, command.size() - 1)) + "\n" + output);
        assertEquals(MESSAGES, output.lines().toList());
    }

    private static int classFileMajorVersion(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // 0xCAFEBABE
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = from.relativize(file);
                if (relative.startsWith("target")) {
                    continue; // a build by hand in examples/consumer
                }
                Path target = to.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
