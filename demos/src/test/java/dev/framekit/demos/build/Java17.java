package dev.framekit.demos.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a Java 17 runtime on this machine, for the tests that show what a Java 17 user gets:
 * {@code -Dframekit.java17.home=DIR} or {@code $JAVA17_HOME} if set, else the JDKs and JREs in
 * the usual places ({@code /usr/lib/jvm}, {@code /usr/java}, {@code /opt/java}, macOS's
 * {@code JavaVirtualMachines}, SDKMAN), else the {@code java} on {@code PATH}.
 */
final class Java17 {
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");
    private static final Pattern SPEC_VERSION = Pattern.compile("java\\.specification\\.version = (?:1\\.)?(\\d+)");
    private static Optional<Path> found;

    private Java17() {
    }

    /** The home of a Java 17 runtime, or the test is skipped, saying where it looked. */
    static synchronized Path homeOrSkip() {
        if (found == null) {
            found = find();
        }
        Assumptions.assumeTrue(found.isPresent(), "no Java 17 runtime on this machine (looked at -Dframekit.java17.home, "
                + "$JAVA17_HOME, /usr/lib/jvm, /usr/java, /opt/java, JavaVirtualMachines, ~/.sdkman and PATH); "
                + "install one (e.g. apt-get install openjdk-17-jre-headless) to run this test");
        return found.get();
    }

    /** Its {@code bin/java}. */
    static String javaOrSkip() {
        return homeOrSkip().resolve("bin").resolve("java").toString();
    }

    private static Optional<Path> find() {
        Set<Path> candidates = new LinkedHashSet<>();
        addIfSet(candidates, System.getProperty("framekit.java17.home"));
        addIfSet(candidates, System.getenv("JAVA17_HOME"));
        String home = System.getProperty("user.home");
        for (String parent : List.of("/usr/lib/jvm", "/usr/java", "/opt/java", "/Library/Java/JavaVirtualMachines",
                home + "/.sdkman/candidates/java")) {
            for (Path child : children(Path.of(parent))) {
                candidates.add(Files.isDirectory(child.resolve("Contents/Home")) ? child.resolve("Contents/Home") : child);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path java = Path.of(dir.isEmpty() ? "." : dir, "java");
            if (Files.isExecutable(java)) {
                try {
                    candidates.add(java.toRealPath().getParent().getParent());
                } catch (IOException e) {
                    // a dangling link: not a runtime
                }
            }
        }
        Set<Path> seen = new LinkedHashSet<>();
        for (Path candidate : candidates) {
            try {
                Path real = candidate.toRealPath();
                if (seen.add(real) && Files.isExecutable(real.resolve("bin/java")) && featureVersion(real) == 17) {
                    return Optional.of(real);
                }
            } catch (IOException e) {
                // not there
            }
        }
        return Optional.empty();
    }

    private static void addIfSet(Set<Path> candidates, String value) {
        if (value != null && !value.isBlank()) {
            candidates.add(Path.of(value));
        }
    }

    private static List<Path> children(Path dir) {
        List<Path> children = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(children::add);
            } catch (IOException e) {
                // unreadable: nothing here
            }
        }
        children.sort(null);
        return children;
    }

    /** The feature version of the runtime at {@code home}: its release file, else what its java says. */
    private static int featureVersion(Path home) {
        try {
            Path release = home.resolve("release");
            if (Files.isRegularFile(release)) {
                Matcher m = RELEASE_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            Process p = new ProcessBuilder(home.resolve("bin/java").toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            Matcher m = SPEC_VERSION.matcher(out);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
