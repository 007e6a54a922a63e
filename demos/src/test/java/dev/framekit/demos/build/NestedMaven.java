package dev.framekit.demos.build;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a nested Maven build, offline, with the Maven of the build that runs the tests
 * ({@code -Dmaven.home}, which failsafe passes; else the project's {@code mvnw}) on the JDK that
 * runs the tests. Its local repository is a fresh folder of the test's own, with the outer
 * build's local repository as a read-only tail ({@code maven.repo.local.tail}): plugins and
 * dependencies come from there, and what the nested build installs never reaches {@code ~/.m2}.
 */
final class NestedMaven {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** What a finished build printed and returned. */
    record Result(int exitCode, String log) {
    }

    private NestedMaven() {
    }

    /** The framekit checkout (failsafe passes {@code -Dframekit.root}; else the parent of the working directory). */
    static Path projectRoot() {
        String root = System.getProperty("framekit.root");
        return (root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
    }

    /** The version being built ({@code -Dframekit.version}). */
    static String version() {
        return System.getProperty("framekit.version", "0.2.0-SNAPSHOT");
    }

    /**
     * Runs {@code mvn -o -B ARGS} in {@code dir} with {@code localRepository} as its local
     * repository, and fails the test if it has not finished within 3 minutes.
     */
    static Result run(Path dir, Path localRepository, String... args) throws IOException, InterruptedException {
        return run(List.of(), Map.of("JAVA_HOME", System.getProperty("java.home")), dir, localRepository, args);
    }

    /**
     * As {@link #run(Path, Path, String...)}, but started through {@code prefix} (e.g. a command
     * that runs the rest in its own mount namespace) with {@code environment} set over this one's.
     */
    static Result run(List<String> prefix, Map<String, String> environment, Path dir, Path localRepository, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(maven());
        command.addAll(List.of("-o", "-B", "-ntp", "-Dmaven.repo.local=" + localRepository.toAbsolutePath()));
        String outer = System.getProperty("maven.repo.local.outer");
        if (outer != null && !outer.isBlank()) {
            command.add("-Dmaven.repo.local.tail=" + outer);
        }
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir.getParent(), "maven-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().remove("MAVEN_ARGS"); // CI's; the arguments above say what this run needs
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("nested Maven build " + command + " in " + dir + " took over " + TIMEOUT + "; its log: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String maven() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return projectRoot().resolve("mvnw").toString();
    }
}
