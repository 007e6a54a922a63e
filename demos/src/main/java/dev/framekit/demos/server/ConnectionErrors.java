package dev.framekit.demos.server;

/**
 * How a connection's thread reports what it did not expect: an {@link Error} of the JVM or a bug
 * (a {@link RuntimeException}) becomes one log line, never a stack trace, and a close that fails
 * is ignored. Used where one connection must end without taking the server with it.
 */
final class ConnectionErrors {
    private ConnectionErrors() {}

    /**
     * One line for an unexpected throwable, e.g. {@code closed after an internal error: out of
     * memory (Java heap space)}.
     */
    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "closed after an internal error: out of memory (" + e.getMessage() + ")";
        }
        if (e instanceof StackOverflowError) {
            return "closed after an internal error: stack overflow";
        }
        return "closed after an internal error: " + e;
    }

    /** Closes {@code closeable}, ignoring anything it throws, {@link Error}s included. */
    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Throwable ignored) {
            // The connection is ending; how it ended is already decided.
        }
    }
}
