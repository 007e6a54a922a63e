package dev.framekit.framing;

/**
 * The stream ended inside a frame: some of a frame's bytes arrived, then the end of the stream.
 *
 * <p>A clean end between frames is not an error (a reader simply returns no more frames); an
 * end partway through a frame means the peer closed or crashed mid-message, or speaks another
 * framing. The exception says how many bytes of the frame arrived and, where the framing rule
 * knows it, how many were expected.
 */
public final class TruncatedFrameException extends FramingException {
    private static final long serialVersionUID = 1L;

    /** The value of {@link #bytesExpected()} when the framing rule cannot know it. */
    public static final long UNKNOWN = -1;

    /** Bytes of the unfinished frame that arrived. */
    private final long bytesReceived;
    /** Bytes the frame needed, or {@link #UNKNOWN}. */
    private final long bytesExpected;

    /**
     * Creates a truncation error with the counts it reports.
     *
     * @param message the complete, human-readable description
     * @param bytesReceived bytes of the unfinished frame that arrived before the end of stream
     * @param bytesExpected bytes the frame needed, or {@link #UNKNOWN}
     */
    public TruncatedFrameException(String message, long bytesReceived, long bytesExpected) {
        super(message);
        this.bytesReceived = bytesReceived;
        this.bytesExpected = bytesExpected;
    }

    /**
     * Returns how many bytes of the unfinished frame arrived, header bytes included.
     *
     * @return the bytes received before the end of stream
     */
    public long bytesReceived() {
        return bytesReceived;
    }

    /**
     * Returns how many bytes the unfinished frame needed (header bytes included), or
     * {@link #UNKNOWN} for a delimited frame, whose length is known only when its delimiter
     * arrives.
     *
     * @return the expected frame size in bytes, or {@link #UNKNOWN}
     */
    public long bytesExpected() {
        return bytesExpected;
    }
}
