package dev.framekit.framing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The {@link FramedConnection.Connector}: holds the settings, checked as they are set, and opens
 * the socket within the connect timeout. A failure to connect is one line that names the address
 * and the reason (refused, no answer in time, unknown host), with the JDK's exception as its cause.
 */
final class SocketConnector implements FramedConnection.Connector {
    /** The connect timeout used unless another is set: 10 seconds. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String host;
    private final int port;
    private Framer framer = Framers.lengthPrefixed();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = Duration.ZERO;
    private Duration frameDeadline = Duration.ZERO;
    private SSLSocketFactory tls;

    SocketConnector(String host, int port) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
        }
        this.port = port;
    }

    @Override
    public SocketConnector framer(Framer framer) {
        this.framer = Objects.requireNonNull(framer, "framer");
        return this;
    }

    @Override
    public SocketConnector connectTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, got " + timeout);
        }
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public SocketConnector readTimeout(Duration timeout) {
        this.readTimeout = ReadWait.checkTimeout(timeout);
        return this;
    }

    @Override
    public SocketConnector frameDeadline(Duration deadline) {
        this.frameDeadline = FrameDeadline.check(deadline);
        return this;
    }

    @Override
    public SocketConnector tls(SSLSocketFactory factory) {
        this.tls = Objects.requireNonNull(factory, "factory");
        return this;
    }

    @Override
    public FramedConnection connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            Socket wire = tls == null ? socket : handshake(socket);
            return FramedConnection.of(wire, framer).readTimeout(readTimeout).frameDeadline(frameDeadline);
        } catch (SSLException e) {
            socket.close();
            // The JDK starts the message with the alert's name, "(certificate_unknown) ...": the rest says why.
            String why = String.valueOf(e.getMessage()).replaceFirst("^\\([a-z_]+\\) ", "");
            throw withCause(new SSLException(where() + "TLS handshake failed: " + why), e);
        } catch (ConnectException e) {
            socket.close();
            String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("refused")
                    ? "connection refused (is the server running?)"
                    : String.valueOf(e.getMessage());
            throw withCause(new ConnectException(where() + reason), e);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw withCause(new SocketTimeoutException(where() + "no answer within " + connectTimeout.toMillis() + " ms"), e);
        } catch (UnknownHostException e) {
            socket.close();
            throw withCause(new UnknownHostException(where() + "unknown host"), e);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Layers TLS over the connected {@code socket} and shakes hands within the connect timeout. */
    private Socket handshake(Socket socket) throws IOException {
        SSLSocket secure = (SSLSocket) tls.createSocket(socket, host, port, true);
        secure.setUseClientMode(true);
        secure.setSoTimeout(Math.toIntExact(connectTimeout.toMillis()));
        secure.startHandshake();
        secure.setSoTimeout(0);
        return secure;
    }

    private String where() {
        return "cannot connect to " + host + ":" + port + ": ";
    }

    private static <T extends IOException> T withCause(T exception, IOException cause) {
        exception.initCause(cause);
        return exception;
    }

    @Override
    public String toString() {
        return "connector to " + host + ":" + port + " (" + framer + ")";
    }
}
