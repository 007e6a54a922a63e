package dev.framekit.demos.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How to run the framekit jar this code runs from, for the paste-ready commands the servers
 * print: {@code java -jar /abs/path/to/framekit.jar}, so that the line works as printed from any
 * directory. When not running from a jar (tests on {@code target/classes}), it is
 * {@code java -jar framekit.jar}.
 */
public final class JarCommand {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private JarCommand() {
    }

    /** {@code java -jar PATH}, the path absolute and quoted for a POSIX shell where it needs it. */
    public static String javaJar() {
        return "java -jar " + shellQuoted(jarPath());
    }

    /**
     * The shortest way to run framekit on another machine: {@code framekit} when this runs from
     * the self-contained image ({@code lib/framekit.jar} with {@code bin/framekit} beside: the
     * other machine has the image, its {@code bin/framekit} on the PATH); {@code demos/framekit},
     * the launcher that finds a JDK 21+ by itself, from the root of a framekit checkout, when this
     * runs from the jar a checkout builds; else {@link #javaJar()}.
     */
    public static String launcher() {
        return launcher(Path.of(jarPath()));
    }

    static String launcher(Path jar) {
        if (!jar.isAbsolute()) {
            return javaJar();
        }
        if (jar.endsWith(Path.of("lib", "framekit.jar"))
                && Files.isExecutable(jar.getParent().resolveSibling("bin").resolve("framekit"))) {
            return "framekit";
        }
        Path script = jar.getParent().resolveSibling("framekit");
        return jar.endsWith(Path.of("demos", "target", "framekit.jar")) && Files.isExecutable(script)
                ? "demos/framekit" : javaJar();
    }

    /** The absolute path of the running jar, or {@code framekit.jar} when not run from a jar. */
    static String jarPath() {
        try {
            Path location = Path.of(JarCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location.toAbsolutePath().normalize().toString();
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            // no code source (or not a file): fall back to the plain name
        }
        return "framekit.jar";
    }

    /** {@code text} as one POSIX shell word: as it is when safe, else in single quotes. */
    static String shellQuoted(String text) {
        return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
