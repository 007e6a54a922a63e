package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Reads frames from a blocking {@link InputStream} with a {@link Framer}.
 *
 * <p>It pulls large chunks (up to 64 KiB per read call) into the connection's buffer and hands out
 * every complete frame that buffer holds before it reads again: many small messages cost one read
 * call. The buffer belongs to the reader, not the framer, so {@link #framer(Framer)} can switch
 * rules mid-stream without losing a byte (a header block by delimiter, then a body by length).
 *
 * <pre>{@code
 * try (FrameReader reader = new FrameReader(socket.getInputStream(), Framers.lengthPrefixed())) {
 *     String message;
 *     while ((message = reader.readString()) != null) {    // null: the peer ended cleanly
 *         System.out.println(message);
 *     }
 * }
 * }</pre>
 *
 * <p><b>Payloads or typed frames.</b> {@link #readFrame()}, {@link #readString()} and
 * {@link #readByteArray()} hand out payloads and allocate nothing per frame besides the slice;
 * {@link #readEach(FrameVisitor)} lends a visitor every buffered payload without even that;
 * {@link #read()} hands out {@link Frame}s with what each header said besides the length (a
 * WebSocket opcode, a type byte), and oversized frames the framing skipped as outcomes.
 *
 * <p><b>End of stream.</b> Every read returns {@code null} when the stream ended cleanly between
 * frames, and throws {@link TruncatedFrameException} when it ended inside one. It also returns
 * {@code null}, reading no further, when the framer's section has ended (a chunked body's last
 * chunk, {@link FrameDecoder#isFinished()}); the bytes after it stay buffered for the next framer.
 *
 * <p><b>Errors.</b> A {@link FramingException} leaves the stream out of step with the rule: every
 * later read throws it again; close the connection. Except for a frame the framing skips (an
 * over-long line, a length prefix under {@link OversizePolicy#SKIP}): {@link #read()} returns it
 * as a {@link Frame#isSkipped() skipped} frame, the other reads throw its
 * {@link FrameTooLongException}, and the next read goes on after it; and a framing that resyncs
 * after damage (COBS, SLIP, JSON text sequences) throws a damaged frame's exception once, then
 * goes on. Other {@link IOException}s (a timeout, a reset) lose nothing: after a
 * {@link java.net.SocketTimeoutException} a later read carries on with the bytes buffered.
 *
 * <p><b>Time.</b> Over a socket ({@link #over(Socket, Framer)}, {@link FramedConnection}) the
 * reader sets the socket's read timeout itself, from {@link #readTimeout(Duration)} and the
 * {@link #frameDeadline(Duration) frame deadline}, which bounds a frame from its first byte to
 * its last (a peer that trickles, or goes silent mid-frame, fails with
 * {@link FrameTimeoutException}). Nothing else should set it.
 *
 * <p><b>Memory.</b> The buffer grows with the bytes that arrived, never with a declared length,
 * and shrinks to 512 bytes while the connection waits idle between frames;
 * {@link #onBufferResized(IntConsumer)} tells whoever counts the connection's memory.
 *
 * <p>Not thread-safe: one thread reads, never holding a monitor while blocked (safe on virtual
 * threads). Another thread may {@link #close()} it: that ends a blocked read with an
 * {@link IOException}, and the reading thread releases the buffer on its way out.
 */
public final class FrameReader implements AutoCloseable {
    /** The most bytes requested from the stream per read call: 64 KiB. */
    static final int DEFAULT_CHUNK_SIZE = 64 * 1024;

    private final InboundBuffer inbound;
    private final FrameDeadline deadline;
    private final ReadLoop loop;

    /**
     * Creates a reader that requests up to 64 KiB per read call.
     *
     * @param in the stream to read; closed by {@link #close()}
     * @param framer the framing rule to start with
     */
    public FrameReader(InputStream in, Framer framer) {
        this(in, framer, DEFAULT_CHUNK_SIZE);
    }

    /**
     * Creates a reader that requests up to {@code chunkSize} bytes per read call.
     *
     * @param in the stream to read; closed by {@link #close()}
     * @param framer the framing rule to start with
     * @param chunkSize the most bytes requested per read call, at least 1
     */
    public FrameReader(InputStream in, Framer framer, int chunkSize) {
        this(in, null, framer, chunkSize);
    }

    private FrameReader(InputStream in, Socket socket, Framer framer, int chunkSize) {
        this.inbound = new InboundBuffer(Objects.requireNonNull(in, "in"), socket, chunkSize);
        this.deadline = new FrameDeadline(inbound);
        this.loop = new ReadLoop(inbound, deadline, framer);
    }

    /**
     * Creates a reader of a socket's input stream that owns the socket's read timeout: it starts
     * from the socket's own ({@link #readTimeout(Duration)} changes it), and inside a frame a read
     * waits no longer than the frame deadline's time left.
     *
     * @param socket the connected socket; its input stream is closed by {@link #close()}
     * @param framer the framing rule to start with
     * @return the reader
     * @throws IOException if the socket's input stream cannot be opened
     */
    public static FrameReader over(Socket socket, Framer framer) throws IOException {
        return over(socket, socket.getInputStream(), framer);
    }

    /**
     * Creates a reader of {@code in}, a stream over {@code socket}'s input (one that counts the
     * bytes it passes on, say), owning the socket's read timeout as {@link #over(Socket, Framer)}.
     *
     * @param socket the connected socket {@code in} reads from
     * @param in the stream to read; closed by {@link #close()}
     * @param framer the framing rule to start with
     * @return the reader
     */
    public static FrameReader over(Socket socket, InputStream in, Framer framer) {
        return new FrameReader(in, Objects.requireNonNull(socket, "socket"), framer, DEFAULT_CHUNK_SIZE);
    }

    /**
     * Sets how long each read waits for the peer's next bytes before it fails with
     * {@link java.net.SocketTimeoutException} (a later read carries on: nothing is lost). Over a
     * socket only: a plain stream's read cannot be cut short.
     *
     * @param timeout the wait, or {@link Duration#ZERO} to wait as long as it takes
     * @return this reader
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalStateException if the reader is not over a socket
     */
    public FrameReader readTimeout(Duration timeout) {
        inbound.readWait().timeout(timeout);
        return this;
    }

    /**
     * Returns how long each read waits for the peer's next bytes.
     *
     * @return the wait, or {@link Duration#ZERO} for as long as it takes
     */
    public Duration readTimeout() {
        return Duration.ofMillis(inbound.readWait().timeoutMillis());
    }

    /**
     * Sets the frame deadline: a frame not complete this long after its first byte arrived fails
     * with {@link FrameTimeoutException}; the wait between frames is the read timeout's. Applies
     * from the next read; a frame already partly buffered counts from when its first byte arrived.
     *
     * @param deadline the time a frame may take, or {@link Duration#ZERO} for none
     * @return this reader
     * @throws IllegalArgumentException if {@code deadline} is negative
     */
    public FrameReader frameDeadline(Duration deadline) {
        this.deadline.set(deadline);
        return this;
    }

    /**
     * Returns the frame deadline.
     *
     * @return the time a frame may take from its first byte, or {@link Duration#ZERO} for none
     */
    public Duration frameDeadline() {
        return deadline.get();
    }

    /**
     * Tells {@code listener} the capacity of the reader's buffer, plus what its decoder holds of its
     * own ({@link FrameDecoder#heldCapacity()}), now and at every change (0 once released): the
     * memory this connection's inbound side takes, for a server's accounting. Called on the reading thread.
     *
     * @param listener receives the capacity in bytes
     * @return this reader
     */
    public FrameReader onBufferResized(IntConsumer listener) {
        inbound.capacityListener(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Switches to another framing rule. Bytes already buffered are kept and are read with the new
     * rule; a frame partly decoded with the old rule is not resumed.
     *
     * @param framer the framing rule for the next frames
     * @return this reader
     */
    public FrameReader framer(Framer framer) {
        loop.framer(framer);
        return this;
    }

    /**
     * Returns the current framing rule.
     *
     * @return the framer the next frame is read with
     */
    public Framer framer() {
        return loop.framer();
    }

    /**
     * Reads the next frame's payload as a buffer that the caller owns.
     *
     * <p><b>The caller must {@link ByteBuf#release() release} the result.</b> It is a slice of the
     * reader's buffer, not a copy; reading further frames does not disturb it, but while it is
     * unreleased it keeps that buffer's memory alive.
     *
     * @return the next frame's payload, or {@code null} if the stream ended cleanly
     * @throws FrameTooLongException for a frame over the limit; if the framing skips such
     *     frames, the next read goes on after it
     * @throws FramingException if the bytes do not fit the framing rule
     * @throws IOException if the stream fails
     */
    public ByteBuf readFrame() throws IOException {
        return loop.next(false, ByteBuf.class);
    }

    /**
     * Reads the next frame with what its header said besides the length; an oversized frame the
     * framing skips is returned as a {@link Frame#isSkipped() skipped} frame, not thrown.
     *
     * <p><b>The caller must {@link Frame#release() release} the result.</b>
     *
     * @return the next frame, or {@code null} if the stream ended cleanly
     * @throws FramingException if the bytes do not fit the framing rule
     * @throws IOException if the stream fails
     */
    public Frame read() throws IOException {
        return loop.next(true, Frame.class);
    }

    /**
     * Reads the next frame as a new byte array.
     *
     * @return the next frame's payload, or {@code null} if the stream ended cleanly
     * @throws FramingException if the bytes do not fit the framing rule
     * @throws IOException if the stream fails
     */
    public byte[] readByteArray() throws IOException {
        return readAs(ByteBufUtil::getBytes);
    }

    /**
     * Reads the next frame as UTF-8 text. Only whole frames are decoded, so a character is never
     * split across reads; malformed UTF-8 becomes U+FFFD.
     *
     * @return the next frame's payload as text, or {@code null} if the stream ended cleanly
     * @throws FramingException if the bytes do not fit the framing rule
     * @throws IOException if the stream fails
     */
    public String readString() throws IOException {
        return readAs(frame -> frame.toString(StandardCharsets.UTF_8));
    }

    private <T> T readAs(Function<ByteBuf, T> convert) throws IOException {
        ByteBuf frame = readFrame();
        try {
            return frame == null ? null : convert.apply(frame);
        } finally {
            if (frame != null) {
                frame.release();
            }
        }
    }

    /**
     * Reads until a frame is complete, then lends {@code visitor} the payload of every complete
     * frame buffered, one call each, with no object made per frame; it reads no further once a
     * frame was handed. <b>Each payload is valid only during its call</b> ({@link FrameVisitor}).
     * The end of the stream and errors are as for {@link #readFrame()}; frames handed before an
     * exception count as read.
     *
     * @param visitor takes each payload; returning false stops after that frame
     * @return how many frames were handed: at least 1, or 0 if the stream ended cleanly (or the
     *     framer's section ended)
     * @throws FramingException if the bytes do not fit the framing rule
     * @throws IllegalStateException if the visitor retained or released its payload
     * @throws IOException if the stream fails, or as the visitor threw it
     */
    public int readEach(FrameVisitor visitor) throws IOException {
        return loop.each(Objects.requireNonNull(visitor, "visitor"));
    }

    /**
     * Returns how many bytes are buffered but not yet handed out as frames.
     *
     * @return the buffered byte count
     */
    public int buffered() {
        return inbound.isClosed() ? 0 : inbound.bytes().readableBytes();
    }

    /**
     * Returns the bytes of memory the reader's buffer takes now: at most the frame being read plus
     * one read chunk, 512 bytes while the connection waits idle between frames (over a socket,
     * from 10 ms into the wait). A server is better told each change: {@link #onBufferResized}.
     *
     * @return the buffer's capacity in bytes; 0 once closed
     */
    public int bufferCapacity() {
        return inbound.isClosed() ? 0 : inbound.bytes().capacity();
    }

    /**
     * Returns whether the stream has reported its end (further frames may still be buffered).
     *
     * @return true once the stream's end has been read
     */
    public boolean isEndOfStream() {
        return inbound.isEndOfStream();
    }

    /**
     * Reads and drops what the peer still sends, buffered bytes included, until the peer ends
     * the stream, {@code limit} bytes have been dropped, or {@code wait} has passed: before
     * closing a connection whose peer may still be sending, so that the close is not a reset
     * and the peer gets what it was last sent.
     *
     * @param limit the most bytes to drop
     * @param wait the longest time to wait for them
     * @return the bytes dropped
     * @throws IOException if the stream fails
     */
    public long drain(long limit, Duration wait) throws IOException {
        return inbound.drainAll(limit, wait.toMillis());
    }

    /**
     * Releases the buffer and closes the stream. Frames already handed out stay valid until they
     * are released. Safe to call from another thread while a read is in progress: the stream is closed, and
     * the reading thread releases the buffer when its read returns or fails.
     *
     * @throws IOException if closing the stream fails
     */
    @Override
    public void close() throws IOException {
        inbound.close();
    }
}
