package dev.framekit.framing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The library picks its scan at run time, as a user's JVM starts it: the SWAR scan in a JVM
 * started without {@code jdk.incubator.vector} (the module is never resolved there), the vector
 * scan with it, also on Java 17, the release the library targets; {@code -Dframekit.scan=swar}
 * picks SWAR by hand. Each case is a child JVM on the test class path running {@link PrintScan}.
 */
class ScanChoiceInChildJvmTest {
    private static String run(Path java, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PrintScan.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end");
        assertEquals(0, child.exitValue(), output);
        return output.lines().filter(line -> !line.startsWith("WARNING: ")).reduce("", (a, b) -> a + b);
    }

    private static Path thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** A Java 17 on this machine (the system's JVM directory), if there is one. */
    private static Optional<Path> java17() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> !Files.isSymbolicLink(home) && Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> {
                        try {
                            return Files.readString(home.resolve("release")).contains("JAVA_VERSION=\"17");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .map(home -> home.resolve("bin/java")).findFirst();
        }
    }

    @Test
    void aJvmWithoutTheModuleRunsTheSwarScan() throws Exception {
        assertEquals("swar 777", run(thisJava()));
    }

    @Test
    void aJvmWithTheModuleRunsTheVectorScanUnlessToldSwar() throws Exception {
        assertEquals("vector 777", run(thisJava(), "--add-modules", "jdk.incubator.vector"));
        assertEquals("swar 777", run(thisJava(), "--add-modules", "jdk.incubator.vector", "-Dframekit.scan=swar"));
    }

    @Test
    void onJava17BothScansRunFromTheSameJar() throws Exception {
        Optional<Path> java17 = java17();
        Assumptions.assumeTrue(java17.isPresent(), "no Java 17 in /usr/lib/jvm");

        assertEquals("swar 777", run(java17.get()));
        assertEquals("vector 777", run(java17.get(), "--add-modules", "jdk.incubator.vector"));
    }
}
