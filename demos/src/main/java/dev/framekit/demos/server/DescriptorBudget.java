package dev.framekit.demos.server;

import dev.framekit.demos.console.Console;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * How many connections a server serves at once, and the file descriptors that takes: the limit
 * (--max-connections, or what the open-file limit leaves room for, said at start-up when that is
 * under 10,000), a slot per open connection, and one spare descriptor held in reserve so that
 * even when descriptors run out a waiting peer can be accepted and closed rather than left hanging.
 */
final class DescriptorBudget {
    /** Below this many connections the open-file limit is worth a line at start-up. */
    private static final int LOW_LIMIT = 10_000;

    /** The connection limit where the platform does not report its open-file limit. */
    private static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    private final int maxConnections;
    private final String limitReason;
    private final String outOfFilesReason;
    private final Semaphore slots;
    private RandomAccessFile spareDescriptor;

    private DescriptorBudget(int maxConnections, String limitReason) {
        this.maxConnections = maxConnections;
        this.limitReason = limitReason;
        // Worked out now: once descriptors have run out, even reading the limits needs one.
        this.outOfFilesReason = "out of file descriptors (too many open files; the open-file limit is "
                + FileLimits.softLimit().orElse(-1) + "); " + FileLimits.howToRaise() + ", or lower --max-connections";
        this.slots = new Semaphore(maxConnections);
        this.spareDescriptor = openSpareDescriptor();
    }

    /**
     * The budget for {@code requested} connections (0: what both the open-file limit and the
     * memory budget leave room for). Says in one line on {@code console} how the limit was
     * decided, with the memory budget; and when the open-file limit is lower than asked.
     */
    static DescriptorBudget decide(String command, int requested, MemoryBudget memory, Console console) {
        OptionalLong allowed = FileLimits.connectionsAllowed();
        long memoryAllows = Math.max(1, memory.limit() / memory.idlePeerBytes());
        if (requested > 0) {
            if (allowed.isPresent() && allowed.getAsLong() < requested) {
                console.line(command + ": --max-connections " + requested + " is more than the open-file limit ("
                        + FileLimits.softLimit().getAsLong() + ") leaves room for (about " + allowed.getAsLong()
                        + " connections); past that, connections are refused as descriptors run out; "
                        + FileLimits.howToRaise());
            }
            announce(console, command, memory, requested, command + ": " + memory.describe() + "; at most " + requested
                    + " connections (--max-connections)");
            return new DescriptorBudget(requested, "the most --max-connections allows");
        }
        long fileAllows = allowed.orElse(DEFAULT_MAX_CONNECTIONS);
        int limit = (int) Math.min(Integer.MAX_VALUE, Math.min(fileAllows, memoryAllows));
        boolean memoryBound = memoryAllows < fileAllows;
        String files = allowed.isPresent() ? "the open-file limit " + FileLimits.softLimit().getAsLong() + " leaves room for "
                + fileAllows : "the default is " + DEFAULT_MAX_CONNECTIONS;
        announce(console, command, memory, limit, command + ": " + memory.describe() + "; at most " + limit
                + " connections, the fewer of what the budget allows at " + (memory.idlePeerBytes() / 1024)
                + " KiB each (" + memoryAllows + ") and what " + files + " (set another with --max-connections)");
        if (!memoryBound && allowed.isPresent() && limit < LOW_LIMIT) {
            console.line(command + ": the open-file limit is " + FileLimits.softLimit().getAsLong() + ", room for about "
                    + limit + " connections; more are refused; " + FileLimits.howToRaise());
        }
        String reason = memoryBound ? "the most the memory budget leaves room for (raise it with --max-memory or -Xmx)"
                : allowed.isPresent() ? "the most the open-file limit leaves room for (" + FileLimits.howToRaise() + ")"
                : "the default most (set another with --max-connections)";
        return new DescriptorBudget(limit, reason);
    }

    /**
     * The limits line: with {@code --verbose} {@code detail}, how they were decided, for every
     * server; else one short line in plain words, once per process's memory budget.
     */
    private static void announce(Console console, String command, MemoryBudget memory, int connections, String detail) {
        if (dev.framekit.demos.options.ServerOptions.verbose()) {
            console.line(detail);
        } else if (memory.firstAnnouncement()) {
            console.line(shortLine(command, memory, connections));
        }
    }

    /** E.g. {@code echo-server: up to 19953 connections at once, in 3.0 GiB of memory (--verbose: how these were chosen)}. */
    static String shortLine(String command, MemoryBudget memory, int connections) {
        return command + ": up to " + connections + " connections at once, in " + memory.plainLimit()
                + " of memory (--verbose: how these were chosen)";
    }

    /** The most connections served at once. */
    int maxConnections() {
        return maxConnections;
    }

    /** Takes a slot for a new connection; false when every slot is taken. */
    boolean tryAcquire() {
        return slots.tryAcquire();
    }

    /** Gives back the slot of a connection that ended. */
    void release() {
        slots.release();
    }

    /** Why a connection was refused when every slot was taken. */
    String fullReason() {
        return maxConnections + " connections open, " + limitReason;
    }

    /** Why a connection was refused when the process ran out of descriptors. */
    String outOfFilesReason() {
        return outOfFilesReason;
    }

    /**
     * Gives up the spare descriptor for the length of {@code use}, then takes it back.
     *
     * @return what {@code use} returned; false, without running it, if there is no spare to give up
     */
    boolean withSpareDescriptor(BooleanSupplier use) {
        if (spareDescriptor == null) {
            return false;
        }
        closeSpare();
        try {
            return use.getAsBoolean();
        } finally {
            spareDescriptor = openSpareDescriptor();
        }
    }

    /** Closes the spare descriptor for good. */
    void closeSpare() {
        if (spareDescriptor != null) {
            try {
                spareDescriptor.close();
            } catch (IOException ignored) {
                // Nothing to report.
            }
            spareDescriptor = null;
        }
    }

    private static RandomAccessFile openSpareDescriptor() {
        File devNull = new File("/dev/null");
        if (!devNull.exists()) {
            return null;
        }
        try {
            return new RandomAccessFile(devNull, "r");
        } catch (IOException e) {
            return null;
        }
    }
}
