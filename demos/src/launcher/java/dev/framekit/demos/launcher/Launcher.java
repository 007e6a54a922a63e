package dev.framekit.demos.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The {@code Main-Class} of {@code framekit.jar}. It is compiled for Java 8 (its own source
 * folder, {@code src/launcher/java}, and its own compiler run) so that {@code java -jar
 * framekit.jar} on a Java older than 21 prints one line that says so, instead of an
 * {@code UnsupportedClassVersionError}. On Java 21 or newer it hands over to
 * {@code dev.framekit.demos.cli.Main}, looked up by name so that nothing compiled for Java 21
 * is loaded before the check.
 */
public final class Launcher {
    /** The oldest Java that framekit's commands run on (virtual threads). */
    static final int MINIMUM_JAVA = 21;

    private static final String MAIN_CLASS = "dev.framekit.demos.cli.Main";

    private Launcher() {
    }

    /** Checks the Java version, then runs the CLI with {@code args}. */
    public static void main(String[] args) throws Throwable {
        int feature = featureVersion(System.getProperty("java.specification.version", ""));
        if (feature < MINIMUM_JAVA) {
            System.err.println("framekit's commands need Java " + MINIMUM_JAVA + " or newer; this is Java "
                    + feature + " (" + System.getProperty("java.home") + ")");
            System.exit(1);
        }
        Method main = Class.forName(MAIN_CLASS).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** 8 for "1.8", 17 for "17"; {@link Integer#MAX_VALUE} (let it run) for what it cannot read. */
    static int featureVersion(String specificationVersion) {
        String version = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        try {
            return Integer.parseInt(version.substring(0, end));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
