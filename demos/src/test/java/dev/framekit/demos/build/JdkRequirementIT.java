package dev.framekit.demos.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a machine with only Java 17 gets from the build and from {@code demos/framekit}: one line
 * that says how to get a JDK 21, the same line from both, and the README's set-up says it too.
 * "Only Java 17" is made on this machine by running each command in its own mount namespace
 * ({@code unshare -m}, as root) with an empty tmpfs over every other JDK in the system's JVM
 * directories, {@code JAVA_HOME} at the Java 17 and a {@code PATH} without any other JDK.
 */
class JdkRequirementIT {
    private static final String HINT_START = "framekit needs a JDK 21 or newer";
    private static Path java17;

    @BeforeAll
    static void needsJava17AndMountNamespaces() throws Exception {
        java17 = Java17.homeOrSkip();
        Process probe = new ProcessBuilder("unshare", "-m", "--propagation", "private", "true").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        Assumptions.assumeTrue(probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "needs `unshare -m` (root) to hide this machine's newer JDKs");
    }

    @Test
    void withOnlyJava17TheBuildAndTheLauncherSayInTheSameOneLineHowToGetAJdk21() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "jdk-requirement-it").toAbsolutePath());
        NestedMaven.Result build = NestedMaven.run(onlyJava17(), java17Environment(), NestedMaven.projectRoot(),
                work.resolve("repository"), "-q", "-N", "validate");

        assertNotEquals(0, build.exitCode(), build.log());
        assertFalse(build.log().contains("toolchains.xml"), "Maven's toolchains advice instead of ours:\n" + build.log());
        String buildHint = build.log().lines().map(line -> line.replaceFirst("^\\[ERROR\\] ", ""))
                .filter(line -> line.startsWith(HINT_START)).findFirst().orElseThrow(() -> new AssertionError(build.log()));
        assertTrue(buildHint.contains("openjdk-21-jdk") && buildHint.contains("Temurin") && buildHint.contains("SDKMAN"), buildHint);

        List<String> command = new ArrayList<>(onlyJava17());
        command.addAll(List.of(NestedMaven.projectRoot().resolve("demos/framekit").toString(), "--version"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(java17Environment());
        Process launcher = builder.start();
        launcher.getOutputStream().close();
        String stdout = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(launcher.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(launcher.waitFor(20, TimeUnit.SECONDS), "demos/framekit did not end");

        assertEquals(1, launcher.exitValue(), stderr);
        assertEquals("", stdout);
        assertEquals(buildHint + "\n", stderr, "demos/framekit says what the build says, in one line");
    }

    @Test
    void theReadmeSetUpSaysHowToGetAJdk21OnTheCommonDistributions() throws IOException {
        String readme = Files.readString(NestedMaven.projectRoot().resolve("README.md"), StandardCharsets.UTF_8);
        String setUp = readme.substring(readme.indexOf("## Set up"), readme.indexOf("## A 60-second tour"));
        for (String how : List.of("sudo apt-get install openjdk-21-jdk", "Temurin", "sdk install java 21-tem")) {
            assertTrue(setUp.contains(how), "README set-up lacks " + how);
        }
    }

    /** {@code unshare} with an empty tmpfs over every JDK in /usr/lib/jvm, /usr/java, /opt/java but the 17. */
    private static List<String> onlyJava17() throws IOException {
        StringBuilder script = new StringBuilder();
        for (String parent : List.of("/usr/lib/jvm", "/usr/java", "/opt/java")) {
            Path dir = Path.of(parent);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path child : children) {
                    if (Files.isDirectory(child) && !Files.isSymbolicLink(child) && !child.toRealPath().equals(java17)) {
                        script.append("mount -t tmpfs none '").append(child).append("' && ");
                    }
                }
            }
        }
        script.append("exec \"$@\"");
        return List.of("unshare", "-m", "--propagation", "private", "/bin/sh", "-c", script.toString(), "sh");
    }

    private static Map<String, String> java17Environment() {
        return Map.of("JAVA_HOME", java17.toString(), "PATH", java17.resolve("bin") + ":/usr/bin:/bin");
    }
}
