package dev.framekit.framing;

import java.util.Objects;

/**
 * A framer that frames exactly as another one does, for decorators: subclass it and override only
 * what the decorator changes (typically {@link #newDecoder()}, to look at or count what is read).
 *
 * <p>Every abstract method of {@link Framer} is forwarded to the {@linkplain #delegate() delegate},
 * {@link #newEncoder()} included, so the delegate's per-connection rules (send-and-close's one
 * message per connection, a WebSocket client's masking) survive the wrapping. The default methods
 * ({@link Framer#check(ByteBuf)}, {@link Framer#encode(ByteBuf, ByteBuf)}) are not forwarded:
 * they go through {@link #newEncoder()}, so a subclass that changes how messages are encoded
 * overrides that one method.
 *
 * <pre>{@code
 * AtomicInteger connections = new AtomicInteger();
 * Framer counting = new ForwardingFramer(Framers.lengthPrefixed()) {
 *     @Override
 *     public FrameDecoder newDecoder() {
 *         connections.incrementAndGet();
 *         return super.newDecoder();
 *     }
 * };
 * }</pre>
 *
 * <p>A forwarding framer is as immutable and shareable as its delegate.
 */
public abstract class ForwardingFramer implements Framer {
    private final Framer delegate;

    /**
     * Creates a framer that forwards every call to {@code delegate}.
     *
     * @param delegate the framer every call is forwarded to
     */
    protected ForwardingFramer(Framer delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Returns the framer this one forwards to.
     *
     * @return the delegate
     */
    protected final Framer delegate() {
        return delegate;
    }

    @Override
    public FrameEncoder newEncoder() {
        return delegate.newEncoder();
    }

    @Override
    public FrameDecoder newDecoder() {
        return delegate.newDecoder();
    }

    @Override
    public int maxFrameLength() {
        return delegate.maxFrameLength();
    }

    /** The delegate's description: a decorator frames as its delegate does. */
    @Override
    public String toString() {
        return delegate.toString();
    }

    /** Equal to a forwarding framer of the same class around an equal delegate. */
    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && delegate.equals(((ForwardingFramer) other).delegate);
    }

    @Override
    public int hashCode() {
        return 31 * getClass().hashCode() + delegate.hashCode();
    }
}
