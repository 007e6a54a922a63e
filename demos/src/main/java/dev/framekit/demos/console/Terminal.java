package dev.framekit.demos.console;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, the one question a progress bar asks. Java has no
 * {@code isatty(2)}: {@link System#console()} speaks of standard input and output, so a run with
 * its output redirected to a file would hide its progress. On Linux the answer is where file
 * descriptor 2 points ({@code /proc/self/fd/2}: a {@code /dev/pts/N} or {@code /dev/ttyN} is a
 * terminal; a file, a pipe or {@code /dev/null} is not). Elsewhere the JDK's console is the best
 * answer there is. The {@code framekit} launcher, which passes stderr through a filter (a pipe),
 * says what stderr was before it with {@value #LAUNCHER_SAYS}{@code =true|false}, and that answer wins.
 */
public final class Terminal {
    private static final Path STDERR = Path.of("/proc/self/fd/2");

    /** The system property by which the launcher says whether stderr was a terminal before its filter. */
    static final String LAUNCHER_SAYS = "framekit.stderr.terminal";

    private Terminal() {}

    /** Whether standard error is a terminal. */
    public static boolean stderrIsTerminal() {
        return isTerminal(System.getProperty(LAUNCHER_SAYS), stderrTarget(), Terminal::consoleIsTerminal);
    }

    /** The decision with what the launcher said ({@code "true"}, {@code "false"}, or null when run without it). */
    static boolean isTerminal(String launcherSays, String stderrTarget, java.util.function.BooleanSupplier console) {
        return launcherSays != null ? Boolean.parseBoolean(launcherSays) : isTerminal(stderrTarget, console);
    }

    /**
     * The decision, apart from the machine: {@code stderrTarget} is what file descriptor 2 points
     * to, or null where that cannot be read; {@code console} answers in that case.
     */
    static boolean isTerminal(String stderrTarget, java.util.function.BooleanSupplier console) {
        if (stderrTarget == null) {
            return console.getAsBoolean();
        }
        return stderrTarget.startsWith("/dev/pts/") || stderrTarget.startsWith("/dev/tty")
                || stderrTarget.equals("/dev/console");
    }

    private static String stderrTarget() {
        try {
            return Files.readSymbolicLink(STDERR).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null; // no /proc: not Linux
        }
    }

    /** The JDK's console is a terminal: on JDK 22+ it says so itself; on 21 a console exists only on one. */
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
