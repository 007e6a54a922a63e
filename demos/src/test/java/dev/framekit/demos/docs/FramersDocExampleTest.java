package dev.framekit.demos.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import dev.framekit.framing.Framer;
import dev.framekit.framing.testing.FramerConformance;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client and server example of docs/framers.md ("A client and a server") compiles with
 * {@code --release 17} against the library, as a Java 17 user would paste it; the user framer of
 * "Your own framer and the conformance kit" compiles the same way and passes the conformance kit
 * with the messages that section gives it.
 */
class FramersDocExampleTest {
    @TempDir
    Path out;

    private static Markdown.CodeBlock clientAndServerExample() {
        Markdown framers = Markdown.of("docs/framers.md");
        return framers.codeBlocks().stream()
                .filter(block -> block.language().equals("java") && block.text().contains("ServerSocket"))
                .filter(block -> block.text().contains("// client") && block.text().contains("// server"))
                .findFirst().orElseThrow(() -> new AssertionError("no client and server example in docs/framers.md"));
    }

    private static Markdown.CodeBlock userFramerExample() {
        Markdown framers = Markdown.of("docs/framers.md");
        return framers.codeBlocks().stream()
                .filter(block -> block.language().equals("java") && block.text().contains("implements Framer"))
                .findFirst().orElseThrow(() -> new AssertionError("no complete user framer in docs/framers.md"));
    }

    /** The block as the body of a method, with the imports a user would add. */
    private static String asClass(String body) {
        return """
                import dev.framekit.framing.*;
                import java.io.*;
                import java.net.*;
                import java.util.concurrent.*;

                class ClientAndServerExample {
                    void example() throws IOException {
                %s
                    }
                }
                """.formatted(body);
    }

    private record Compiled(boolean ok, String diagnostics) {}

    private Compiled compileOnJava17(String source) throws IOException {
        return compileOnJava17("ClientAndServerExample", source);
    }

    private Compiled compileOnJava17(String className, String source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests need a JDK, not a JRE");
        StringWriter diagnostics = new StringWriter();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            boolean ok = javac.getTask(diagnostics, files, null,
                    List.of("--release", "17", "-proc:none", "-classpath", System.getProperty("java.class.path"),
                            "-d", out.toString()),
                    null, List.of(file)).call();
            return new Compiled(ok, diagnostics.toString());
        }
    }

    @Test
    void theClientAndServerExampleCompilesOnJava17() throws IOException {
        String source = asClass(clientAndServerExample().text());
        Compiled compiled = compileOnJava17(source);
        assertTrue(compiled.ok(), compiled.diagnostics() + "\n" + source);
        assertTrue(Files.exists(out.resolve("ClientAndServerExample.class")));
    }

    @Test
    void theUserFramerCompilesOnJava17AndPassesTheConformanceKit() throws Exception {
        String source = userFramerExample().text();
        Compiled compiled = compileOnJava17("Int16LittleEndianFramer", source);
        assertTrue(compiled.ok(), compiled.diagnostics() + "\n" + source);
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {out.toUri().toURL()},
                getClass().getClassLoader())) {
            Framer framer = (Framer) loader.loadClass("Int16LittleEndianFramer").getConstructor().newInstance();
            assertEquals(65_535, framer.maxFrameLength());
            assertEquals(2, framer.overhead(5));
            FramerConformance.check(framer,
                    List.of(new byte[0], "hello".getBytes(StandardCharsets.UTF_8), new byte[40_000]),
                    List.of(new byte[70_000]));
        }
    }

    @Test
    void aJava21OnlyCallInTheExampleWouldFailTheCompile() throws IOException {
        Compiled compiled = compileOnJava17(asClass("Thread.startVirtualThread(() -> { });"));
        assertFalse(compiled.ok(), "--release 17 must refuse Java 21 API, or the check above proves nothing");
        assertTrue(compiled.diagnostics().contains("startVirtualThread"), compiled.diagnostics());
    }
}
