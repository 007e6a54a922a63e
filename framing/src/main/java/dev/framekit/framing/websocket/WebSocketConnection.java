package dev.framekit.framing.websocket;

import dev.framekit.framing.Frame;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.TruncatedFrameException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A WebSocket connection after the opening handshake, over a {@link FramedConnection}: it reads
 * data messages, <b>answers every ping with a pong</b>, and carries out the <b>closing
 * handshake</b> (RFC 6455 section 7) whichever side begins it.
 *
 * <pre>{@code
 * try (WebSocketConnection ws = WebSocketConnection.connect("192.168.1.20", 8080, "/chat")) {
 *     ws.sendText("hello");
 *     WebSocketMessage reply = ws.read();              // null once the connection has closed
 *     ws.close(WebSocketCloseCodes.NORMAL, "bye");    // close frame, the peer's answer, then the socket
 * }
 * }</pre>
 *
 * <p><b>Closing.</b> When the peer sends a close frame, the connection answers with a close frame
 * carrying the same code (a server then ends its output, since the server closes TCP first), and
 * {@link #read()} returns {@code null} once the stream has ended; {@link #peerCloseCode()} tells
 * the peer's code. When a frame breaks the protocol, {@link #read()} sends a close frame with the
 * code the error carries (1002, 1007, 1009; see {@link WebSocketCloseCodes#forFailure}), ends its
 * output, drops what the peer still sends until it closes (so the close frame is not lost to a
 * TCP reset), and then throws the error. {@link #close(int, String)} begins the handshake from this side.
 *
 * <p><b>Threads.</b> One thread reads ({@link #read()}); any thread may send. Sends, and the pongs
 * and close answers the reading thread writes, are serialized by a lock that is never held by a
 * monitor ({@code synchronized}), so the connection is safe on virtual threads. The reading
 * thread writes each pong itself, so a peer that sends pings but never reads the pongs fills the
 * socket's buffers and, by TCP's flow control, stalls that thread's reading too: a server bounds
 * such a peer as it bounds any slow reader (a write timeout, a memory budget).
 */
public final class WebSocketConnection implements AutoCloseable {
    /** How long {@link #close(int, String)} waits for the peer's close frame and end of stream. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** After a protocol error, at most this many bytes the peer still sends are read and dropped. */
    static final long DRAIN_LIMIT = 1 << 20;

    private final FramedConnection connection;
    private final WebSocketFramer framer;
    private final WebSocketSender sender;
    private volatile int peerCloseCode = WebSocketCloseCodes.ABNORMAL;
    private volatile String peerCloseReason = "";
    private volatile boolean reading;

    private WebSocketConnection(FramedConnection connection, WebSocketFramer framer) {
        this.connection = connection;
        this.framer = framer;
        connection.framer(framer);
        this.sender = new WebSocketSender(connection.writer(), framer);
    }

    /**
     * Speaks WebSocket on a connection whose opening handshake is done. Bytes the connection's
     * reader already holds (frames that arrived with the handshake) are kept.
     *
     * @param connection the connection, now carrying WebSocket frames
     * @param framer the framer for this end ({@code WebSocketFramer.server()} on a server,
     *     {@code WebSocketFramer.client()} on a client), with its limits
     * @return the WebSocket connection, which owns {@code connection}
     */
    public static WebSocketConnection over(FramedConnection connection, WebSocketFramer framer) {
        return new WebSocketConnection(connection, framer);
    }

    /**
     * Connects to {@code ws://host:port/path}: opens the socket, performs the opening handshake
     * and returns the client end.
     *
     * @param host the server's host
     * @param port the server's port
     * @param path the resource, e.g. {@code /chat}
     * @return the connection
     * @throws HandshakeException if the server refuses the handshake (the message has its reason)
     * @throws IOException if the connection fails
     */
    public static WebSocketConnection connect(String host, int port, String path) throws IOException {
        return connect(WebSocketClientHandshake.of(host, port, path), host, port);
    }

    /**
     * Connects with a given handshake (for example one with an {@code Origin}).
     *
     * @param handshake the client handshake to send
     * @param host the server's host
     * @param port the server's port
     * @return the connection
     * @throws HandshakeException if the server refuses the handshake
     * @throws IOException if the connection fails
     */
    public static WebSocketConnection connect(WebSocketClientHandshake handshake, String host, int port)
            throws IOException {
        return over(handshake.open(host, port), WebSocketFramer.client());
    }

    /**
     * Reads the next data message, answering pings and the peer's close on the way.
     *
     * @return the message, or {@code null} once the connection has closed cleanly (the peer's
     *     code is then {@link #peerCloseCode()})
     * @throws FramingException if the peer broke the protocol; a close frame with the matching
     *     code was sent first
     * @throws IOException if the connection fails
     */
    public WebSocketMessage read() throws IOException {
        reading = true;
        try {
            while (true) {
                Frame frame = connection.read();
                if (frame == null) {
                    return null;
                }
                WebSocketFrame typed = (WebSocketFrame) frame;
                try {
                    if (!typed.isControl()) {
                        return new WebSocketMessage(typed.opcode(), ByteBufUtil.getBytes(typed.payload()));
                    }
                    answer(typed);
                } finally {
                    typed.release();
                }
            }
        } catch (FramingException e) {
            if (!(e instanceof TruncatedFrameException)) {
                failWith(WebSocketCloseCodes.forFailure(e), e);
            }
            throw e;
        } finally {
            reading = false;
        }
    }

    /**
     * Answers a control frame on the read path: a ping with a pong of the same payload, a close
     * with a close (the closing handshake; a server then ends TCP first, RFC 6455 7.1.1).
     */
    private void answer(WebSocketFrame control) {
        switch (control.opcode()) {
            case PING -> sender.pong(ByteBufUtil.getBytes(control.payload()));
            case CLOSE -> {
                peerCloseCode = control.closeCode();
                peerCloseReason = control.closeReason();
                try {
                    sender.sendClose(peerCloseCode, peerCloseReason); // echo the code (RFC 6455 5.5.1); nothing if we began
                    if (!framer.isClient()) {
                        connection.shutdownOutput();
                    }
                } catch (IOException ignored) {
                    // the peer may already be gone; the read sees the end
                }
            }
            default -> {
                // a pong needs no answer
            }
        }
    }

    /**
     * Reads the next message, which must be text: a binary message is closed with 1003
     * (unsupported data), for endpoints that speak text only.
     *
     * @return the text, or {@code null} once the connection has closed cleanly
     * @throws WebSocketProtocolException (1003) for a binary message
     * @throws IOException if the connection fails or the peer broke the protocol
     */
    public String readText() throws IOException {
        WebSocketMessage message = read();
        if (message == null) {
            return null;
        }
        if (!message.isText()) {
            WebSocketProtocolException binary = new WebSocketProtocolException("websocket: a binary message of "
                    + message.bytes().length + " bytes, and this endpoint takes text only (close code 1003)",
                    WebSocketCloseCodes.UNSUPPORTED_DATA);
            failWith(binary.closeCode(), binary);
            throw binary;
        }
        return message.text();
    }

    /**
     * Sends a text message.
     *
     * @param text the message
     * @throws IOException if the connection is closing or fails, or the message is over the limit
     */
    public void sendText(String text) throws IOException {
        sender.send(WebSocketOpcode.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a binary message.
     *
     * @param bytes the message
     * @throws IOException if the connection is closing or fails, or the message is over the limit
     */
    public void sendBinary(byte[] bytes) throws IOException {
        sender.send(WebSocketOpcode.BINARY, bytes);
    }

    /**
     * Sends a ping; the peer's pong is not waited for.
     *
     * @param payload at most 125 bytes
     * @throws IOException if the connection is closing or fails, or the payload is over 125 bytes
     */
    public void ping(byte[] payload) throws IOException {
        sender.send(WebSocketOpcode.PING, payload);
    }

    /**
     * Begins (or completes) the closing handshake: sends a close frame with {@code code} and
     * {@code reason}, and, unless another thread is reading, waits up to {@link #CLOSE_TIMEOUT}
     * for the peer's close frame and end of stream, then closes the socket. When another thread
     * reads, that thread's {@link #read()} sees the peer's answer and returns {@code null}; the
     * socket's read timeout is set to {@link #CLOSE_TIMEOUT} so it cannot wait forever.
     *
     * @param code a status code allowed on the wire, e.g. {@link WebSocketCloseCodes#NORMAL}
     * @param reason a short reason (cut to fit the 125-byte control frame)
     * @throws IOException if the connection fails
     */
    public void close(int code, String reason) throws IOException {
        sender.sendClose(code, reason);
        connection.readTimeout(CLOSE_TIMEOUT);
        if (reading) {
            return;
        }
        try {
            while (read() != null) {
                // data the peer sent before it saw our close: dropped
            }
        } catch (SocketTimeoutException e) {
            // the peer never answered: close anyway
        } finally {
            connection.close();
        }
    }

    /**
     * Returns the status code of the peer's close frame.
     *
     * @return the code, {@link WebSocketCloseCodes#NO_STATUS} if its close frame had none, or
     *     {@link WebSocketCloseCodes#ABNORMAL} if no close frame has arrived
     */
    public int peerCloseCode() {
        return peerCloseCode;
    }

    /**
     * Returns the reason in the peer's close frame.
     *
     * @return the reason, empty if there was none
     */
    public String peerCloseReason() {
        return peerCloseReason;
    }

    /**
     * Returns the underlying connection (for its socket, address and timeouts).
     *
     * @return the framed connection
     */
    public FramedConnection connection() {
        return connection;
    }

    /** Closes the socket at once, without a closing handshake. */
    @Override
    public void close() throws IOException {
        connection.close();
    }

    /**
     * After a protocol error: the close frame with its code, the end of this side's output, then
     * what the peer still sends is read and dropped until its end of stream (at most
     * {@link #DRAIN_LIMIT} bytes, {@link #CLOSE_TIMEOUT}), so that closing the socket with unread
     * bytes does not reset the connection before the peer has read the close frame.
     */
    private void failWith(int code, IOException error) {
        try {
            sender.sendClose(code, error.getMessage());
            connection.shutdownOutput();
            connection.reader().drain(DRAIN_LIMIT, CLOSE_TIMEOUT);
        } catch (IOException ignored) {
            // the connection is going anyway; the caller has the error itself
        }
    }
}
