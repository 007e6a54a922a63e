package dev.framekit.demos.server;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The open-file limit of this process, and how many connections it leaves room for. Every TCP
 * connection is one file descriptor; Java cannot raise the limit itself (there is no
 * {@code setrlimit}), so a server reads it, says so when it is low, and refuses connections past
 * it rather than failing at random with "Too many open files".
 */
public final class FileLimits {
    /** Descriptors kept free for the JVM itself: jars, class loading, logs, the spare descriptor. */
    static final int RESERVE = 32;

    private FileLimits() {}

    /** The soft limit on open files ({@code ulimit -n}), if this platform reports it. */
    public static OptionalLong softLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            return OptionalLong.of(unix.getMaxFileDescriptorCount());
        }
        return OptionalLong.empty();
    }

    /** Files open in this process now, if this platform reports it. */
    public static OptionalLong openNow() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            return OptionalLong.of(unix.getOpenFileDescriptorCount());
        }
        return OptionalLong.empty();
    }

    /** The hard limit ({@code ulimit -Hn}), the most the soft limit can be raised to; Linux only. */
    public static OptionalLong hardLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
                    return fields[1].equals("unlimited") ? OptionalLong.of(Long.MAX_VALUE)
                            : OptionalLong.of(Long.parseLong(fields[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or an unexpected format: the hard limit is simply not known.
        }
        return OptionalLong.empty();
    }

    /**
     * How many connections the open-file limit leaves room for: the limit, less the files open
     * now, less a small reserve. Empty when the platform does not report its limit.
     */
    public static OptionalLong connectionsAllowed() {
        OptionalLong soft = softLimit();
        OptionalLong open = openNow();
        if (soft.isEmpty() || open.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, soft.getAsLong() - open.getAsLong() - RESERVE));
    }

    /** How to raise the limit, for a log line: the command, or who can when the hard limit is reached. */
    public static String howToRaise() {
        OptionalLong hard = hardLimit();
        OptionalLong soft = softLimit();
        if (hard.isPresent() && soft.isPresent() && hard.getAsLong() <= soft.getAsLong()) {
            return "it is also the hard limit, so only root can raise it (prlimit, or /etc/security/limits.conf)";
        }
        long suggestion = hard.isPresent() ? Math.min(hard.getAsLong(), 20_000) : 20_000;
        String upTo = hard.isPresent() && hard.getAsLong() != Long.MAX_VALUE
                ? " (the hard limit here is " + hard.getAsLong() + ")" : "";
        return "raise it before starting with 'ulimit -n " + suggestion + "'" + upTo
                + ", or start through demos/framekit, which raises it to the hard limit";
    }

    /** Whether {@code e} is the operating system saying it has no file descriptor left (EMFILE/ENFILE). */
    public static boolean isOutOfFiles(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("too many open files");
    }
}
