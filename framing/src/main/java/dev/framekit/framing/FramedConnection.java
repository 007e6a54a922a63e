package dev.framekit.framing;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
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
 * <p>Connecting has a timeout (10 seconds unless set with {@link #to(String, int)}); reads have
 * none unless one is set, in which case a read that waits longer throws
 * {@link SocketTimeoutException} and loses nothing. {@code TCP_NODELAY} is on: the writer batches
 * frames itself, so Nagle's algorithm would only add latency.
 *
 * <p><b>Send-and-close.</b> With a framer whose {@link Framer#oneMessagePerConnection()} is true,
 * {@code send} half-closes the socket's output after the message, which is what ends the message
 * for the peer; the reply is then read to the end of the stream.
 *
 * <p>One thread may read while another writes; neither side is safe for concurrent use by
 * several threads.
 */
public final class FramedConnection implements AutoCloseable {
    /** The connect timeout used unless another is set: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final FrameReader reader;
    private final FrameWriter writer;

    private FramedConnection(Socket socket, Framer framer) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.reader = new FrameReader(socket.getInputStream(), framer);
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
        return to(host, port).framer(framer).connect();
    }

    /**
     * Starts configuring a connection to {@code host:port}.
     *
     * @param host a host name or address
     * @param port the TCP port
     * @return a connector to set the framer and timeouts on
     */
    public static Connector to(String host, int port) {
        return new Connector(host, port);
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
     */
    public void framer(Framer framer) {
        reader.framer(framer);
        writer.framer(framer);
    }

    /**
     * Sets the read timeout: a read that waits longer throws {@link SocketTimeoutException}.
     *
     * @param timeout the timeout, or {@link Duration#ZERO} to wait forever
     * @throws IOException if the socket refuses the option
     */
    public void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
    }

    /**
     * Reads the next frame as a byte array; see {@link FrameReader#read()}.
     *
     * @return the payload, or {@code null} if the peer ended cleanly
     * @throws IOException if the stream fails or the bytes do not fit the framing rule
     */
    public byte[] read() throws IOException {
        return reader.read();
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
     * Reads the next frame as a buffer <b>that the caller must release</b>; see
     * {@link FrameReader#readFrame()}.
     *
     * @return the payload, or {@code null} if the peer ended cleanly
     * @throws IOException if the stream fails or the bytes do not fit the framing rule
     */
    public ByteBuf readFrame() throws IOException {
        return reader.readFrame();
    }

    /**
     * Batches a message; see {@link FrameWriter#write(byte[])}.
     *
     * @param message the payload
     * @return this connection
     * @throws IOException if the framer refuses the message or the stream fails
     */
    public FramedConnection write(byte[] message) throws IOException {
        writer.write(message);
        return this;
    }

    /**
     * Batches a message as UTF-8; see {@link FrameWriter#write(String)}.
     *
     * @param message the text
     * @return this connection
     * @throws IOException if the framer refuses the message or the stream fails
     */
    public FramedConnection write(String message) throws IOException {
        writer.write(message);
        return this;
    }

    /**
     * Batches a message; see {@link FrameWriter#write(ByteBuf)}. The caller keeps ownership.
     *
     * @param message the payload
     * @return this connection
     * @throws IOException if the framer refuses the message or the stream fails
     */
    public FramedConnection write(ByteBuf message) throws IOException {
        writer.write(message);
        return this;
    }

    /**
     * Sends batched messages now.
     *
     * @throws IOException if the stream fails
     */
    public void flush() throws IOException {
        writer.flush();
    }

    /**
     * Writes and flushes a message; on a send-and-close framer also half-closes the output.
     *
     * @param message the payload
     * @throws IOException if the framer refuses the message or the stream fails
     */
    public void send(byte[] message) throws IOException {
        writer.write(message);
        finishSend();
    }

    /**
     * Writes and flushes a message as UTF-8; on a send-and-close framer also half-closes.
     *
     * @param message the text
     * @throws IOException if the framer refuses the message or the stream fails
     */
    public void send(String message) throws IOException {
        writer.write(message);
        finishSend();
    }

    /**
     * Writes and flushes a message; on a send-and-close framer also half-closes. The caller keeps
     * ownership of {@code message}.
     *
     * @param message the payload
     * @throws IOException if the framer refuses the message or the stream fails
     */
    public void send(ByteBuf message) throws IOException {
        writer.write(message);
        finishSend();
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

    /**
     * Returns the reader, for its finer controls.
     *
     * @return this connection's frame reader
     */
    public FrameReader reader() {
        return reader;
    }

    /**
     * Returns the writer, for its finer controls.
     *
     * @return this connection's frame writer
     */
    public FrameWriter writer() {
        return writer;
    }

    /**
     * Returns the underlying socket.
     *
     * @return the socket
     */
    public Socket socket() {
        return socket;
    }

    /**
     * Returns the peer's address.
     *
     * @return the remote socket address
     */
    public SocketAddress remoteAddress() {
        return socket.getRemoteSocketAddress();
    }

    /**
     * Closes the socket and releases both buffers. Batched but unflushed messages are discarded;
     * call {@link #flush()} first to send them.
     */
    @Override
    public void close() throws IOException {
        try {
            socket.close();
        } finally {
            closeQuietly(reader);
            closeQuietly(writer);
        }
    }

    private void finishSend() throws IOException {
        if (writer.framer().oneMessagePerConnection()) {
            shutdownOutput();
        } else {
            writer.flush();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // The socket is already closed; the streams have nothing left to say.
        }
    }

    /** Configures and opens a {@link FramedConnection}. */
    public static final class Connector {
        private final String host;
        private final int port;
        private Framer framer = Framers.lengthPrefixed();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = Duration.ZERO;

        private Connector(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
            }
            this.port = port;
        }

        /**
         * Sets the framing rule (default: {@link Framers#lengthPrefixed()}).
         *
         * @param framer the framing rule both directions use
         * @return this connector
         */
        public Connector framer(Framer framer) {
            this.framer = Objects.requireNonNull(framer, "framer");
            return this;
        }

        /**
         * Sets how long connecting may take (default 10 seconds).
         *
         * @param timeout the connect timeout, positive
         * @return this connector
         */
        public Connector connectTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, got " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * Sets how long a read may wait (default: forever).
         *
         * @param timeout the read timeout, or {@link Duration#ZERO} for none
         * @return this connector
         */
        public Connector readTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("readTimeout must not be negative, got " + timeout);
            }
            this.readTimeout = timeout;
            return this;
        }

        /**
         * Opens the connection.
         *
         * @return the open connection
         * @throws IOException if it cannot be made; the message names the address and the reason
         */
        public FramedConnection connect() throws IOException {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
                socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
                return new FramedConnection(socket, framer);
            } catch (ConnectException e) {
                socket.close();
                String reason = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("refused")
                        ? "connection refused (is the server running?)"
                        : String.valueOf(e.getMessage());
                throw withCause(new ConnectException("cannot connect to " + host + ":" + port + ": " + reason), e);
            } catch (SocketTimeoutException e) {
                socket.close();
                throw withCause(new SocketTimeoutException("cannot connect to " + host + ":" + port + ": no answer within "
                        + connectTimeout.toMillis() + " ms"), e);
            } catch (UnknownHostException e) {
                socket.close();
                throw withCause(new UnknownHostException("cannot connect to " + host + ":" + port + ": unknown host"), e);
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        private static <T extends IOException> T withCause(T exception, IOException cause) {
            exception.initCause(cause);
            return exception;
        }
    }
}
