package dev.framekit.demos.chat;

import dev.framekit.demos.options.Framing;
import dev.framekit.framing.ForwardingFramer;
import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Reads a chat connection with the server's framer, but first looks at the bytes the peer sends
 * before its first frame, and throws {@link ForeignPeerException} when they show it speaks
 * something else. Nothing is consumed by looking; once the first frame is read, every call goes
 * straight to the real decoder.
 *
 * <pre>
 * first bytes                                 peer speaks      it is sent
 * GET / HTTP/1.1 (any method, a whole line)   HTTP             400 Bad Request: this port speaks framekit chat
 *                                                              (and the web page's URL, with --web-port)
 * 16 03 ..                                    TLS              a TLS alert (handshake failure)
 * 4 printable bytes, on length framing        lines            one \n line naming the server's framing
 * 00 in the first 4 bytes, on a text framing  length prefix    one length-prefixed frame naming it
 * \n in a first fixed frame                   lines            one \n line naming it
 * 8 pad bytes at the end, on a delimiter      fixed frames     one \n line naming it
 * JOIN/SAY/POLL then the end, not on close    send-and-close   the line, then the close
 * not JOIN/SAY/POLL, on close                 lines or length  one line or frame naming it
 * </pre>
 *
 * <p>A peer that sends part of a first frame and then nothing for {@link Arrival#GRACE} is
 * judged once more, by {@link #afterSilence()}: on a delimiter or fixed framing, bytes that stop
 * right after a delimiter-like byte ({@code #}, {@code *}, {@code |}, a control character; see
 * {@link #DELIMITER_LIKE}), say {@code /nick bob#*#}, are a message on another delimiter, and it
 * is sent one {@code \n} line naming the server's framing. Bytes that stop anywhere else (a
 * person typing in a telnet that sends each key) wait for the rest of their frame.
 */
final class PeerCheck extends ForwardingFramer {
    /** How many first bytes are looked at for an HTTP request line. */
    static final int LOOK_AHEAD = 1024;

    private static final List<String> HTTP_METHODS =
            List.of("GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ", "PATCH ", "CONNECT ", "TRACE ");
    private static final List<String> POLL_VERBS =
            List.of(PollProtocol.JOIN, PollProtocol.SAY + " ", PollProtocol.POLL + " ");
    private static final byte[] TLS_HANDSHAKE_FAILURE = {0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x28};

    /**
     * The bytes that, ending a first frame that stalled, mark a message on another delimiter:
     * ASCII symbols a delimiter is made of, besides every control character but tab. Letters,
     * digits, spaces, sentence punctuation and UTF-8 are what a person typing stops after.
     */
    static final String DELIMITER_LIKE = "#*|~$^&@=+%<>`{}[]";

    /** The most trailing delimiter-like bytes looked at: a delimiter is short. */
    private static final int LONGEST_DELIMITER = 8;

    private final Framing framing;
    private final String arguments;
    private final IntSupplier webPort;
    private final boolean afterSilence;
    private final Runnable onPartialFirstFrame;

    /**
     * @param framing the server's framing
     * @param framer the server's framer, which reads every frame
     * @param arguments the server's framing as client options, for the replies
     * @param webPort the port of the room's web page once bound, 0 if there is none: an HTTP
     *     request is told its URL
     */
    PeerCheck(Framing framing, Framer framer, String arguments, IntSupplier webPort) {
        this(framing, framer, arguments, webPort, false, () -> {});
    }

    private PeerCheck(Framing framing, Framer framer, String arguments, IntSupplier webPort, boolean afterSilence,
            Runnable onPartialFirstFrame) {
        super(framer);
        this.framing = framing;
        this.arguments = arguments;
        this.webPort = webPort;
        this.afterSilence = afterSilence;
        this.onPartialFirstFrame = onPartialFirstFrame;
    }

    /**
     * The same check for one connection, that also runs {@code onPartialFirstFrame} (on the
     * reading thread) the first time bytes have arrived that do not make a first frame yet.
     */
    PeerCheck reportingPartialFirstFrame(Runnable onPartialFirstFrame) {
        return new PeerCheck(framing, delegate(), arguments, webPort, afterSilence, onPartialFirstFrame);
    }

    /**
     * The same check for a connection whose peer sent part of a first frame and then nothing for
     * the grace time: its first look at the bytes waiting also refuses a message on another
     * delimiter; after that it reads as this check does.
     */
    PeerCheck afterSilence() {
        return new PeerCheck(framing, delegate(), arguments, webPort, true, () -> {});
    }

    @Override
    public FrameDecoder newDecoder() {
        FrameDecoder real = delegate().newDecoder();
        return new FrameDecoder() {
            private boolean passed;
            private boolean silenceJudged = !afterSilence;
            private boolean partialReported;

            @Override
            public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
                if (passed) {
                    return real.decode(in, endOfStream);
                }
                if (!silenceJudged) {
                    silenceJudged = true;
                    examineStalled(in);
                }
                boolean undecided = examine(in, endOfStream) == Verdict.UNDECIDED && !endOfStream;
                ByteBuf frame = undecided ? null : real.decode(in, endOfStream);
                passed = frame != null;
                if (!passed && in.isReadable() && !partialReported) {
                    partialReported = true;
                    onPartialFirstFrame.run();
                }
                return frame;
            }
        };
    }

    private enum Verdict { UNDECIDED, CHAT }

    /** Looks at the first bytes; throws if they are foreign. */
    private Verdict examine(ByteBuf in, boolean endOfStream) throws ForeignPeerException {
        int readable = Math.min(in.readableBytes(), LOOK_AHEAD);
        byte[] first = new byte[readable];
        in.getBytes(in.readerIndex(), first);
        if (readable >= 2 && first[0] == 0x16 && first[1] == 0x03) {
            throw new ForeignPeerException("spoke TLS, not framekit chat; closed before joining", TLS_HANDSHAKE_FAILURE);
        }
        Verdict http = examineHttp(first, endOfStream);
        if (http == Verdict.UNDECIDED && readable < LOOK_AHEAD) {
            return endOfStream ? examineFraming(first, true) : Verdict.UNDECIDED;
        }
        return examineFraming(first, endOfStream);
    }

    private Verdict examineHttp(byte[] first, boolean endOfStream) throws ForeignPeerException {
        String text = new String(first, StandardCharsets.ISO_8859_1);
        boolean method = HTTP_METHODS.stream().anyMatch(m -> text.startsWith(m) || m.startsWith(text));
        if (!method) {
            return Verdict.CHAT;
        }
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return endOfStream ? Verdict.CHAT : Verdict.UNDECIDED;
        }
        String requestLine = text.substring(0, newline).strip();
        if (requestLine.matches("[A-Z]+ \\S+ HTTP/1\\.[01]")) {
            throw new ForeignPeerException("spoke HTTP (" + requestLine.substring(0, requestLine.indexOf(' '))
                    + "), not framekit chat; answered 400 and closed before joining", this::httpReply);
        }
        return Verdict.CHAT;
    }

    private Verdict examineFraming(byte[] first, boolean endOfStream) throws ForeignPeerException {
        int head = Math.min(first.length, 4);
        switch (framing) {
            case LENGTH -> {
                if (first.length < 4) {
                    return endOfStream ? Verdict.CHAT : Verdict.UNDECIDED;
                }
                if (printable(first, 4)) {
                    throw wrong("lines of text", lineReply());
                }
            }
            case CLOSE -> {
                String text = new String(first, StandardCharsets.ISO_8859_1);
                boolean verb = POLL_VERBS.stream().anyMatch(v -> text.startsWith(v) || v.startsWith(text));
                if (!verb) {
                    throw hasZero(first, head) ? wrong("a length prefix", lengthReply()) : wrong("lines of text", lineReply());
                }
                if (first.length < 5 && !endOfStream) {
                    return Verdict.UNDECIDED;
                }
            }
            case DELIMITER, FIXED -> {
                if (hasZero(first, head)) {
                    throw wrong("a length prefix", lengthReply());
                }
                if (framing == Framing.FIXED && first.length < delegate().maxFrameLength()
                        && new String(first, StandardCharsets.ISO_8859_1).indexOf('\n') >= 0) {
                    throw wrong("lines of text", lineReply());
                }
                if (framing == Framing.DELIMITER && padded(first)) {
                    throw wrong("fixed-size frames", lineReply());
                }
                if (endOfStream) {
                    String text = new String(first, StandardCharsets.ISO_8859_1);
                    if (POLL_VERBS.stream().anyMatch(text::startsWith) || text.equals(PollProtocol.JOIN)) {
                        throw wrong("send-and-close", message().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return Verdict.CHAT;
    }

    /**
     * Looks at the bytes of a first frame that stopped for the grace time; throws if, on a
     * delimiter or fixed framing, they end like a message on another delimiter.
     */
    private void examineStalled(ByteBuf in) throws ForeignPeerException {
        if (framing != Framing.DELIMITER && framing != Framing.FIXED) {
            return; // a length header with part of its payload: only the frame timeout tells
        }
        int end = in.writerIndex();
        int start = Math.max(in.readerIndex(), end - LONGEST_DELIMITER);
        int run = 0;
        while (end - run > start && delimiterLike(in.getByte(end - run - 1))) {
            run++;
        }
        if (run == 0) {
            return;
        }
        byte[] tail = new byte[run];
        in.getBytes(end - run, tail);
        throw wrong(in.readableBytes() + " bytes ending in " + Escapes.quoted(tail) + " and nothing more for "
                + Arrival.GRACE.toSeconds() + " s", lineReply());
    }

    private static boolean delimiterLike(byte b) {
        return (b >= 0 && b < 0x20 && b != '\t') || b == 0x7f || DELIMITER_LIKE.indexOf(b) >= 0;
    }

    private ForeignPeerException wrong(String what, byte[] reply) {
        return new ForeignPeerException("spoke another framing (" + what + "), not " + arguments
                + "; closed before joining", reply);
    }

    /** What a peer on the wrong framing or protocol is told. */
    String message() {
        return "-- this port speaks framekit chat with " + arguments + "; use chat-client " + arguments;
    }

    private byte[] lineReply() {
        return (message() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] lengthReply() {
        byte[] text = message().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + text.length).putInt(text.length).put(text).array();
    }

    /**
     * The 400 an HTTP request is answered with: this port speaks framekit chat; with a web port,
     * the URL of the chat page on the address the request came in on.
     */
    private byte[] httpReply(InetAddress arrivedOn) {
        int web = webPort.getAsInt();
        String page = web <= 0 ? "" : "The chat page for browsers is at " + pageUrl(arrivedOn, web) + "\n";
        byte[] body = ("This port speaks framekit chat (" + arguments + "), not HTTP.\n" + page
                + "Join with: chat-client " + arguments + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(headBytes.length + body.length).put(headBytes).put(body).array();
    }

    /** {@code http://ADDRESS:PORT/}, an IPv6 address in brackets. */
    static String pageUrl(InetAddress address, int port) {
        String host = address.getHostAddress();
        if (address instanceof Inet6Address) {
            host = "[" + host.replace("%", "%25") + "]";
        }
        return "http://" + host + ":" + port + "/";
    }

    private static boolean printable(byte[] bytes, int count) {
        for (int i = 0; i < count; i++) {
            int b = bytes[i] & 0xff;
            if ((b < 0x20 && b != '\r' && b != '\n' && b != '\t') || b >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code bytes} end in a run of 8 or more of one byte that is no letter, digit or space: padding. */
    private static boolean padded(byte[] bytes) {
        int n = bytes.length;
        if (n < 8) {
            return false;
        }
        byte last = bytes[n - 1];
        if (Character.isLetterOrDigit(last) || last == ' ' || last == '.' || last == '!' || last == '?') {
            return false;
        }
        for (int i = n - 8; i < n; i++) {
            if (bytes[i] != last) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasZero(byte[] bytes, int count) {
        for (int i = 0; i < count; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads and drops what the peer still sends, for at most a second, before the socket is
     * closed: closing with unread bytes would reset the connection, and the peer might lose the
     * reply it was just sent.
     */
    static void drain(Socket socket) throws IOException {
        socket.setSoTimeout(1000);
        byte[] sink = new byte[8192];
        long deadline = System.nanoTime() + 1_000_000_000L;
        try {
            InputStream in = socket.getInputStream();
            while (System.nanoTime() < deadline && in.read(sink) >= 0) {
                // Dropped.
            }
        } catch (SocketTimeoutException e) {
            // The peer kept the connection open; it is closed now.
        }
    }
}
