package dev.framekit.demos.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.framing.support.NestedMavenBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw -q install -DskipTests} (the README's install command) runs no test of any kind
 * and installs the parent POM and the library's jars, checked on a copy of this build: the real
 * POMs and launcher, a one-class library module, and in each module a unit test, a tagged
 * ({@code slow}) unit test and an integration test that would leave their Surefire, tiers or
 * Failsafe report behind. (The README's
 * {@code ./mvnw verify} running every test is what CI shows each time; {@code -DskipITs} is
 * Failsafe's own switch.)
 */
@NestedMavenBuild
class SkipTestsIT {
    private static final List<String> MODULES = List.of("framing", "demos");

    @Test
    void installWithSkipTestsRunsNoTestAndInstallsTheParentToo() throws Exception {
        Path root = NestedMaven.projectRoot();
        Path work = fresh(Path.of("target", "skip-tests-it").toAbsolutePath());
        Path project = work.resolve("project");
        copyBuild(root, project);
        Path repository = work.resolve("repository");

        NestedMaven.Result install = NestedMaven.run(project, repository, "-q", "install", "-DskipTests");
        assertEquals(0, install.exitCode(), install.log());
        for (String module : MODULES) {
            assertFalse(Files.exists(project.resolve(module + "/target/surefire-reports")), module + ": unit tests ran\n" + install.log());
            assertFalse(Files.exists(project.resolve(module + "/target/surefire-reports-tiers")),
                    module + ": tagged unit tests ran\n" + install.log());
            assertFalse(Files.exists(project.resolve(module + "/target/failsafe-reports")), module + ": integration tests ran\n" + install.log());
        }
        Path installed = repository.resolve("dev/framekit");
        String version = NestedMaven.version();
        assertTrue(Files.isRegularFile(installed.resolve("framekit-parent/" + version + "/framekit-parent-" + version + ".pom")),
                "the parent POM is installed too");
        for (String file : List.of(".jar", ".pom", "-sources.jar", "-javadoc.jar")) {
            assertTrue(Files.isRegularFile(installed.resolve("framing/" + version + "/framing-" + version + file)), "framing" + file);
        }
    }

    /** The POMs, .mvn and the launcher as they are; a probe library class and probe tests. */
    private static void copyBuild(Path root, Path project) throws IOException {
        for (String file : List.of("pom.xml", ".mvn/wrapper/maven-wrapper.properties")) {
            copy(root.resolve(file), project.resolve(file));
        }
        try (Stream<Path> modules = Files.list(root)) { // framing, demos, and any module added later
            for (Path pom : modules.map(dir -> dir.resolve("pom.xml")).filter(Files::isRegularFile).toList()) {
                copy(pom, project.resolve(root.relativize(pom).toString()));
            }
        }
        try (Stream<Path> launcher = Files.walk(root.resolve("demos/src/launcher"))) {
            for (Path file : launcher.filter(Files::isRegularFile).toList()) {
                copy(file, project.resolve(root.relativize(file).toString()));
            }
        }
        write(project.resolve("framing/src/main/java/module-info.java"),
                "/** Stands in for the library's module. */\nmodule dev.framekit.framing {\n    exports dev.framekit.framing;\n}\n");
        write(project.resolve("framing/src/main/java/dev/framekit/framing/Probe.java"),
                "package dev.framekit.framing;\n\n/** Stands in for the library. */\npublic final class Probe {\n"
                        + "    private Probe() {\n    }\n}\n");
        for (String module : MODULES) {
            for (String test : List.of("ProbeTest", "ProbeIT")) {
                write(project.resolve(module + "/src/test/java/probe/" + test + ".java"),
                        "package probe;\n\nclass " + test + " {\n    @org.junit.jupiter.api.Test\n    void runs() {\n    }\n}\n");
            }
            write(project.resolve(module + "/src/test/java/probe/SlowProbeTest.java"),
                    "package probe;\n\n@org.junit.jupiter.api.Tag(\"slow\")\nclass SlowProbeTest {\n"
                            + "    @org.junit.jupiter.api.Test\n    void runs() {\n    }\n}\n");
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
