package dev.framekit.demos.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keeps JDK 24+'s four {@code sun.misc.Unsafe} warning lines out of a bench run. JMH calls
 * {@code Unsafe.objectFieldOffset} in its host JVM and in every fork, and from JDK 24 (JEP 498)
 * the first call prints four lines of warning. {@value #ALLOW} is the behaviour of JDK 23 and
 * older: it changes no code path a benchmark measures, only whether the JVM warns. The flag
 * works only on the command line that starts a JVM, so on a JVM that warns, bench runs once more
 * in a JVM started with it (one JVM start-up, outside every measurement); its forks inherit it,
 * and {@link #toAppend} adds it where they would not (a {@code -jvmArgs} that replaces it).
 */
final class UnsafeWarnings {
    /** The launcher flag that lets sun.misc.Unsafe's memory access run without a warning. */
    static final String ALLOW = "--sun-misc-unsafe-memory-access=allow";

    /** The JDK that first warns on sun.misc.Unsafe's memory access by default. */
    static final int FIRST_WARNING_JDK = 24;

    private UnsafeWarnings() {}

    /** Whether a JVM of {@code feature} release started with {@code jvmArguments} prints the warning. */
    static boolean warns(int feature, List<String> jvmArguments) {
        return feature >= FIRST_WARNING_JDK
                && jvmArguments.stream().noneMatch(argument -> argument.startsWith("--sun-misc-unsafe-memory-access"));
    }

    /** Whether this JVM prints the warning when JMH first calls sun.misc.Unsafe. */
    static boolean thisJvmWarns() {
        return warns(Runtime.version().feature(), hostArguments());
    }

    /** This JVM's arguments, which JMH's forks inherit unless told otherwise ({@code -jvmArgs}). */
    static List<String> hostArguments() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /**
     * What to append to the arguments of a fork of release {@code feature} that starts with
     * {@code forkArguments}: the flag, if the fork would warn without it; else nothing.
     */
    static List<String> toAppend(int feature, Collection<String> forkArguments) {
        return warns(feature, List.copyOf(forkArguments)) ? List.of(ALLOW) : List.of();
    }

    /**
     * Runs {@code mainClass} with {@code arguments} in a new JVM like this one (same java, class
     * path and JVM arguments) plus {@link #ALLOW}, with this process's standard streams.
     *
     * @return the new JVM's exit status
     */
    static int rerunAllowing(Class<?> mainClass, List<String> arguments) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add(ALLOW);
        command.addAll(hostArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(arguments);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
