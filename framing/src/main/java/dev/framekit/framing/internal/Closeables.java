package dev.framekit.framing.internal;

/** Closing what is left once the resource that mattered is already closed. */
public final class Closeables {
    private Closeables() {}

    /**
     * Closes each of {@code closeables} in turn, ignoring what they throw: the caller has already
     * closed the socket under them, so they have nothing left to say.
     *
     * @param closeables what to close
     */
    public static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the socket below is already closed
            }
        }
    }
}
