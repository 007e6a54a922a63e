package dev.framekit.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The library's artifacts as {@code package} built them: the jar is the module
 * {@code dev.framekit.framing}, with sources and javadoc jars beside it, reproducible entry
 * times, and POMs that carry what Maven Central asks for. Run by failsafe after
 * {@code package}, which passes the paths.
 */
class ArtifactsIT {
    private static final String MODULE = "dev.framekit.framing";

    private static Path artifact(String property) {
        Path path = Path.of(System.getProperty(property, "(-D" + property + " not set: run with ./mvnw verify)"));
        assertTrue(Files.isRegularFile(path), path + " is missing");
        return path;
    }

    @Test
    void theJarIsTheModuleDevFramekitFramingAndExportsEveryPackageButInternalOnes() throws IOException {
        Path jar = artifact("framing.jar");
        StringWriter out = new StringWriter();
        int status = ToolProvider.findFirst("jar").orElseThrow()
                .run(new PrintWriter(out, true), new PrintWriter(out, true), "--describe-module", "--file", jar.toString());
        assertEquals(0, status, out.toString());
        assertTrue(out.toString().startsWith(MODULE + "@" + System.getProperty("framing.version")), out.toString());

        ModuleDescriptor descriptor = ModuleFinder.of(jar).find(MODULE).orElseThrow().descriptor();
        assertTrue(!descriptor.isAutomatic() && !descriptor.isOpen(), "a real, closed module: " + descriptor);
        Set<String> exported = descriptor.exports().stream()
                .peek(e -> assertTrue(e.targets().isEmpty(), "qualified export " + e))
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        Set<String> api = descriptor.packages().stream().filter(p -> !p.contains(".internal"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(api, exported, "module-info.java must export each API package (and only those)");
        assertTrue(exported.contains(MODULE));
        assertTrue(descriptor.requires().stream().anyMatch(r -> r.name().equals("io.netty.buffer")
                && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)), descriptor.requires().toString());
    }

    @Test
    void theSourcesAndJavadocJarsHoldTheApiPackage() throws IOException {
        assertTrue(entries(artifact("framing.sources.jar")).containsAll(
                List.of("module-info.java", "dev/framekit/framing/Framers.java", "dev/framekit/framing/FramedConnection.java")));
        Set<String> javadoc = entries(artifact("framing.javadoc.jar"));
        for (String page : List.of("package-summary.html", "Framers.html", "FramedConnection.html", "Framer.html")) {
            assertTrue(javadoc.stream().anyMatch(e -> e.endsWith("dev/framekit/framing/" + page)), page + " not in " + javadoc);
        }
        assertTrue(javadoc.contains("index.html"), "index.html");
    }

    @Test
    void everyEntryCarriesTheBuildsFixedTimestamp() throws IOException {
        FileTime expected = FileTime.from(Instant.parse(System.getProperty("framing.outputTimestamp")));
        for (String property : List.of("framing.jar", "framing.sources.jar", "framing.javadoc.jar")) {
            try (ZipFile zip = new ZipFile(artifact(property).toFile())) {
                for (ZipEntry entry : zip.stream().toList()) {
                    // Zip times are 2-second granular.
                    long skew = Math.abs(entry.getLastModifiedTime().toMillis() - expected.toMillis());
                    assertTrue(skew <= 2_000, property + ": " + entry.getName() + " " + entry.getLastModifiedTime());
                }
            }
        }
    }

    @Test
    void theInstalledPomsCarryWhatMavenCentralAsksFor() throws IOException {
        Path repo = Path.of(System.getProperty("framing.consumer.repo"));
        String version = System.getProperty("framing.version");
        String parent = Files.readString(repo.resolve("dev/framekit/framekit-parent/" + version + "/framekit-parent-" + version + ".pom"),
                StandardCharsets.UTF_8);
        for (String element : List.of("<name>", "<description>", "<url>", "<licenses>", "Apache License, Version 2.0",
                "<developers>", "<scm", "<connection>")) {
            assertTrue(parent.contains(element), "parent POM has no " + element);
        }
        String framing = Files.readString(repo.resolve("dev/framekit/framing/" + version + "/framing-" + version + ".pom"),
                StandardCharsets.UTF_8);
        assertTrue(framing.contains("<name>") && framing.contains("<description>"), "framing POM: name and description");
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
