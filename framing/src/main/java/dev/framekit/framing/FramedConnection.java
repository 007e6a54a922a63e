package dev.framekit.framing;

import dev.framekit.framing.internal.Closeables;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A TCP connection that speaks a framing rule: a {@link Socket} with a {@link FrameReader} and a
 * {@link FrameWriter} over it.
 *
 * <pre>{@code
 * try (FramedConnection connection = FramedConnection.connect("localhost", 7342, Framers.lengthPrefixed())) {
 *     connection.send("hello");
 *     String reply = connection.readString();
 * }
 * }</pre>
 *
 * <p>Connecting has a timeout (10 seconds unless set with {@link #connector(String, int)}); reads
 * have none unless one is set, in which case a read that waits longer throws
 * {@link SocketTimeoutException} and loses nothing. A {@link #frameDeadline(Duration) frame
 * deadline} bounds how long one frame may take once its first byte has arrived.
 * {@code TCP_NODELAY} is on: the writer batches frames itself, so Nagle's algorithm would only
 * add latency.
 *
 * <p><b>Writing.</b> {@code send} writes a message and flushes it, on every framer; on
 * send-and-close, whose message the end of the stream ends, it also half-closes the output.
 * Callers do not branch on the framer. To batch several messages into one write call, use the
 * {@link #writer() writer}: {@code writer().write(a).write(b).flush()}. A connection that carries one
 * message each way uses {@link #exchange(byte[])} on the client and {@link #sendLast(byte[])} on
 * the server:
 *
 * <pre>{@code
 * try (FramedConnection connection = FramedConnection.connect("localhost", 7342, Framers.sendAndClose())) {
 *     String reply = connection.exchange("hello");     // "hello", FIN  ->  reply, FIN
 * }
 * }</pre>
 *
 * <p>One thread may read while another writes; neither side is safe for concurrent use by several threads.
 */
public final class FramedConnection implements AutoCloseable {
    private final Socket socket;
    private final FrameReader reader;
    private final FrameWriter writer;

    private FramedConnection(Socket socket, Framer framer) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.reader = FrameReader.over(socket, framer);
        this.writer = new FrameWriter(socket.getOutputStream(), framer);
    }

    /**
     * Connects to {@code host:port} with the default connect timeout and no read timeout.
     *
     * @param host a host name or address
     * @param port the TCP port
     * @param framer the framing rule both directions use
     * @return the open connection
     * @throws IOException if the connection cannot be made; the message says why in one line
     */
    public static FramedConnection connect(String host, int port, Framer framer) throws IOException {
        return connector(host, port).framer(framer).connect();
    }

    /**
     * Starts configuring a connection to {@code host:port}: set the framer and timeouts on the
     * result, then call {@link Connector#connect()}.
     *
     * @param host a host name or address
     * @param port the TCP port, 1 to 65535
     * @return a connector to set the framer and timeouts on
     * @throws IllegalArgumentException if {@code port} is out of range
     */
    public static Connector connector(String host, int port) {
        return new SocketConnector(host, port);
    }

    /**
     * Wraps a socket that is already connected, typically one returned by
     * {@link java.net.ServerSocket#accept()}. Closing the connection closes the socket.
     *
     * @param socket the connected socket
     * @param framer the framing rule both directions use
     * @return the connection
     * @throws IOException if the socket's streams cannot be opened
     */
    public static FramedConnection of(Socket socket, Framer framer) throws IOException {
        return new FramedConnection(Objects.requireNonNull(socket, "socket"), Objects.requireNonNull(framer, "framer"));
    }

    /**
     * Switches both directions to another framing rule, keeping buffered inbound bytes; see
     * {@link FrameReader#framer(Framer)}.
     *
     * @param framer the framing rule for the next frames both ways
     * @return this connection
     */
    public FramedConnection framer(Framer framer) {
        reader.framer(framer);
        writer.framer(framer);
        return this;
    }

    /**
     * Sets the read timeout: a read that waits longer for the peer's next bytes throws
     * {@link SocketTimeoutException}, and a later read can carry on (the reader owns the socket's
     * timeout: {@link FrameReader#readTimeout(Duration)}).
     *
     * @param timeout the timeout, or {@link Duration#ZERO} to wait forever
     * @return this connection
     */
    public FramedConnection readTimeout(Duration timeout) {
        reader.readTimeout(timeout);
        return this;
    }

    /**
     * Sets the frame deadline: a frame not complete this long after its first byte arrived fails
     * with {@link FrameTimeoutException}; see {@link FrameReader#frameDeadline(Duration)}.
     *
     * @param deadline the time a frame may take, or {@link Duration#ZERO} for none
     * @return this connection
     */
    public FramedConnection frameDeadline(Duration deadline) {
        reader.frameDeadline(deadline);
        return this;
    }

    /**
     * Reads the next frame as a byte array; see {@link FrameReader#readByteArray()}.
     *
     * @return the payload, or {@code null} if the peer ended cleanly
     * @throws IOException if the stream fails or the bytes do not fit the framing rule
     */
    public byte[] readByteArray() throws IOException {
        return reader.readByteArray();
    }

    /**
     * Reads the next frame as UTF-8 text; see {@link FrameReader#readString()}.
     *
     * @return the text, or {@code null} if the peer ended cleanly
     * @throws IOException if the stream fails or the bytes do not fit the framing rule
     */
    public String readString() throws IOException {
        return reader.readString();
    }

    /**
     * Reads the next frame with what its header said; see {@link FrameReader#read()}.
     *
     * @return the next frame, which the caller must release, or {@code null} if the peer ended
     *     the stream cleanly
     * @throws FramingException if the bytes do not fit the framing rule
     * @throws IOException if the connection fails or the read timeout expires
     */
    public Frame read() throws IOException {
        return reader.read();
    }

    /**
     * Writes and flushes a message, on every framer. If the connection's encoder is then
     * {@link FrameEncoder#isFinished() finished} (send-and-close, after its one message), the
     * output is also half-closed, which is what ends that message for the peer.
     *
     * @param message the payload
     * @throws IOException if the framer refuses the message or the stream fails
     */
    public void send(byte[] message) throws IOException {
        send(Unpooled.wrappedBuffer(message));
    }

    /**
     * Writes and flushes a message as UTF-8; see {@link #send(byte[])}.
     *
     * @param message the text
     * @throws IOException if the framer refuses the message or the stream fails
     */
    public void send(String message) throws IOException {
        send(message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes and flushes a message; see {@link #send(byte[])}. The caller keeps ownership of
     * {@code message}.
     *
     * @param message the payload
     * @throws IOException if the framer refuses the message or the stream fails
     */
    public void send(ByteBuf message) throws IOException {
        writer.writeAndFlush(message);
        if (writer.isFinished()) {
            shutdownOutput(); // the encoder's frame is ended by the end of the stream
        }
    }

    /**
     * Sends the last message this side will send: writes, flushes and half-closes the output. The
     * server side of a one-shot exchange answers with it; it works on every framer.
     *
     * @param message the payload
     * @throws IOException if the framer refuses the message (nothing is written and the output
     *     stays open) or the stream fails
     */
    public void sendLast(byte[] message) throws IOException {
        writer.writeAndFlush(message);
        shutdownOutput();
    }

    /**
     * Sends the last message this side will send, as UTF-8; see {@link #sendLast(byte[])}.
     *
     * @param message the text
     * @throws IOException if the framer refuses the message or the stream fails
     */
    public void sendLast(String message) throws IOException {
        sendLast(message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A one-shot exchange: sends {@code request}, half-closes the output, and reads the reply.
     * With send-and-close the reply is everything the peer sends up to the end of its stream;
     * with another framer it is the peer's first frame. The connection is then spent: close it.
     *
     * @param request the request payload
     * @return the reply, or {@code null} if the peer ended its stream without one
     * @throws IOException if the framer refuses the request, the stream fails, or the reply does
     *     not fit the framing rule
     */
    public byte[] exchange(byte[] request) throws IOException {
        sendLast(request);
        return reader.readByteArray();
    }

    /**
     * A one-shot exchange in UTF-8 text; see {@link #exchange(byte[])}.
     *
     * @param request the request text
     * @return the reply text, or {@code null} if the peer ended its stream without one
     * @throws IOException if the framer refuses the request, the stream fails, or the reply does
     *     not fit the framing rule
     */
    public String exchange(String request) throws IOException {
        sendLast(request);
        return reader.readString();
    }

    /**
     * Flushes, then half-closes: the peer reads the end of the stream, and this side can still
     * read its reply.
     *
     * @throws IOException if the stream fails
     */
    public void shutdownOutput() throws IOException {
        writer.flush();
        if (!socket.isOutputShutdown()) {
            socket.shutdownOutput();
        }
    }

    /** {@return the reader, for its finer controls} */
    public FrameReader reader() {
        return reader;
    }

    /** {@return the writer, for its finer controls} */
    public FrameWriter writer() {
        return writer;
    }

    /** {@return the underlying socket} */
    public Socket socket() {
        return socket;
    }

    /**
     * Closes the socket and releases both buffers. Batched but unflushed messages are discarded;
     * flush the {@link #writer() writer} first to send them.
     */
    @Override
    public void close() throws IOException {
        try {
            socket.close();
        } finally {
            Closeables.closeQuietly(reader, writer);
        }
    }

    /**
     * Configures and opens a {@link FramedConnection}; made by {@link #connector(String, int)}.
     * Not thread-safe.
     */
    public sealed interface Connector permits SocketConnector {
        /**
         * Sets the framing rule (default: {@link Framers#lengthPrefixed()}).
         *
         * @param framer the framing rule both directions use
         * @return this connector
         */
        Connector framer(Framer framer);

        /**
         * Sets how long connecting may take (default 10 seconds).
         *
         * @param timeout the connect timeout, positive
         * @return this connector
         */
        Connector connectTimeout(Duration timeout);

        /**
         * Sets how long a read may wait (default: forever).
         *
         * @param timeout the read timeout, or {@link Duration#ZERO} for none
         * @return this connector
         */
        Connector readTimeout(Duration timeout);

        /**
         * Sets the frame deadline (default: none); see {@link FrameReader#frameDeadline(Duration)}.
         *
         * @param deadline the time a frame may take from its first byte, or {@link Duration#ZERO}
         * @return this connector
         */
        Connector frameDeadline(Duration deadline);

        /**
         * Speaks TLS over the connection: {@link #connect()} shakes hands with sockets from
         * {@code factory} (its trust managers decide which servers are trusted) within the connect
         * timeout, and the frames travel inside TLS records.
         *
         * @param factory the TLS socket factory, e.g. {@code SSLContext.getSocketFactory()}
         * @return this connector
         */
        Connector tls(javax.net.ssl.SSLSocketFactory factory);

        /**
         * Opens the connection.
         *
         * @return the open connection
         * @throws IOException if it cannot be made; the message names the address and the reason
         */
        FramedConnection connect() throws IOException;
    }
}
