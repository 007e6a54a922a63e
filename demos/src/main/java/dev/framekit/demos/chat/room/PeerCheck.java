package dev.framekit.demos.chat.room;

import dev.framekit.demos.options.Escapes;
import dev.framekit.demos.options.Framing;
import dev.framekit.framing.ForwardingFramer;
import dev.framekit.framing.FrameDecoder;
import dev.framekit.framing.FrameTooLongException;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.Framer;
import dev.framekit.framing.FramingException;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Refuses, before it joins, a peer whose first bytes show it speaks another protocol or framing:
 * it is sent one reply in what it speaks; the server logs one line. Looking consumes nothing.
 *
 * <pre>
 * first bytes                                     peer speaks      it is sent
 * GET / HTTP/1.1 (any method, a whole line)       HTTP             400: this port speaks framekit chat (+ the page's URL)
 * 16 03 ..                                        TLS              a TLS alert (handshake failure)
 * ff 'FKFILE' 01 ({@link #TRANSFER_PREAMBLE})        a file transfer  nothing: {@link Handoff} to the files
 * a header the length framer reads as text        lines            one \n line naming the server's framing
 * 00 in the first 4 bytes, on delimiter/fixed/close  length prefix  one length-prefixed frame naming it
 * not JOIN/SAY/POLL, on close                     lines            one \n line naming it
 * JOIN/SAY/POLL then the end, on delimiter/fixed  send-and-close   the line, then the close
 * part of a frame ending in # * | ... then
 *   nothing for {@link Intake#GRACE} ({@link Guard#stalled()}), on delimiter/fixed
 *                                                 another delimiter  one \n line naming it
 * </pre>
 *
 * A person typing in a telnet that sends each key stops after a letter, a space or punctuation,
 * not after a delimiter-like byte ({@link #DELIMITER_LIKE}, or a control character but tab).
 *
 * @param webPort the room's web page port once bound, else 0: an HTTP request is told its URL
 */
public record PeerCheck(Framing framing, Framer framer, String arguments, IntSupplier webPort) {
    /**
     * The first bytes of a file transfer's own connection (chat-client's {@code /send}): no chat
     * peer starts so on any framing (0xff is never UTF-8, and no length field can say it).
     */
    public static final byte[] TRANSFER_PREAMBLE = {(byte) 0xff, 'F', 'K', 'F', 'I', 'L', 'E', 1};
    private static final String TRANSFER = new String(TRANSFER_PREAMBLE, StandardCharsets.ISO_8859_1);
    private static final int LOOK_AHEAD = 1024;
    private static final List<String> HTTP_METHODS =
            List.of("GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ", "PATCH ", "CONNECT ", "TRACE ");
    private static final List<String> POLL_VERBS =
            List.of(PollProtocol.JOIN, PollProtocol.SAY + " ", PollProtocol.POLL + " ");
    private static final byte[] TLS_HANDSHAKE_FAILURE = {0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x28};
    static final String DELIMITER_LIKE = "#*|~$^&@=+%<>`{}[]";
    private static final int LONGEST_DELIMITER = 8;

    /** One connection's checked framer; {@code onPartialFirstFrame} runs (reading) once part of a first frame came. */
    public Guard guard(Runnable onPartialFirstFrame) {
        return new Guard(onPartialFirstFrame);
    }

    /** One connection's framer and decoder: the check until a first frame passes, then the server's framer alone. */
    public final class Guard extends ForwardingFramer implements FrameDecoder {
        private final FrameDecoder real = framer.newDecoder();
        private final Runnable onPartial;
        private boolean passed;
        private boolean stalled;

        private Guard(Runnable onPartial) {
            super(framer);
            this.onPartial = onPartial;
        }

        /** Part of a first frame, then silence for the grace: the next read judges those bytes. */
        public void stalled() {
            stalled = true;
        }

        @Override
        public FrameDecoder newDecoder() {
            return this;
        }

        @Override
        public ByteBuf decode(ByteBuf in, boolean endOfStream) throws FramingException {
            if (passed) {
                return real.decode(in, endOfStream);
            } else if (stalled) {
                stalled = false;
                refuseStalled(in);
            }
            if (undecided(in, endOfStream)) {
                return null;
            }
            ByteBuf frame;
            try {
                frame = real.decode(in, endOfStream);
            } catch (FrameTooLongException e) { // the length framer's own hint: "the header reads as text"
                throw e.getMessage().contains("reads as text") ? wrong("lines of text", lineReply()) : e;
            }
            passed = frame != null;
            if (!passed && in.isReadable()) {
                onPartial.run(); // Intake.heard() acts on the first call only
            }
            return frame;
        }
    }

    /** Throws if the first bytes are foreign; true if they cannot be judged yet and no frame is to be read. */
    private boolean undecided(ByteBuf in, boolean endOfStream) throws Refusal {
        byte[] first = new byte[Math.min(in.readableBytes(), LOOK_AHEAD)];
        in.getBytes(in.readerIndex(), first);
        String text = new String(first, StandardCharsets.ISO_8859_1);
        if (text.startsWith(TRANSFER)) {
            throw new Handoff();
        } else if (!text.isEmpty() && TRANSFER.startsWith(text) && !endOfStream) {
            return true;
        }
        if (text.startsWith("\u0016\u0003")) {
            throw new Refusal("spoke TLS, not framekit chat; closed before joining", at -> TLS_HANDSHAKE_FAILURE.clone());
        }
        if (!text.isEmpty() && HTTP_METHODS.stream().anyMatch(m -> text.startsWith(m) || m.startsWith(text))) {
            int newline = text.indexOf('\n');
            if (newline < 0 && !endOfStream && first.length < LOOK_AHEAD) {
                return true;
            }
            String requestLine = newline < 0 ? "" : text.substring(0, newline).strip();
            if (requestLine.matches("[A-Z]+ \\S+ HTTP/1\\.[01]")) {
                throw new Refusal("spoke HTTP (" + requestLine.substring(0, requestLine.indexOf(' '))
                        + "), not framekit chat; answered 400 and closed before joining", this::httpReply);
            }
        }
        boolean zero = text.substring(0, Math.min(4, text.length())).indexOf('\0') >= 0;
        switch (framing) {
            case CLOSE -> {
                if (POLL_VERBS.stream().noneMatch(v -> text.startsWith(v) || v.startsWith(text))) {
                    throw zero ? wrong("a length prefix", lengthReply()) : wrong("lines of text", lineReply());
                }
                return first.length < 5 && !endOfStream;
            }
            case DELIMITER, FIXED -> {
                if (zero) {
                    throw wrong("a length prefix", lengthReply());
                }
                if (endOfStream && POLL_VERBS.stream().anyMatch(text::startsWith)) {
                    throw wrong("send-and-close", message());
                }
            }
            default -> { } // a length header that reads as text: the length framer says so (see Guard)
        }
        return false;
    }

    /** Throws if, on a delimiter or fixed framing, stalled bytes end like a message on another delimiter. */
    private void refuseStalled(ByteBuf in) throws Refusal {
        if (framing != Framing.DELIMITER && framing != Framing.FIXED) {
            return;
        }
        int end = in.writerIndex();
        int start = Math.max(in.readerIndex(), end - LONGEST_DELIMITER);
        int run = 0;
        while (end - run > start && delimiterLike(in.getByte(end - run - 1))) {
            run++;
        }
        if (run > 0) {
            byte[] tail = new byte[run];
            in.getBytes(end - run, tail);
            throw wrong(in.readableBytes() + " bytes ending in " + Escapes.quoted(tail) + " and nothing more for "
                    + Intake.GRACE.toSeconds() + " s", lineReply());
        }
    }

    private static boolean delimiterLike(byte b) {
        return b >= 0 && b < 0x20 && b != '\t' || b == 0x7f || DELIMITER_LIKE.indexOf(b) >= 0;
    }

    private Refusal wrong(String what, byte[] reply) {
        return new Refusal("spoke another framing (" + what + "), not " + arguments + "; closed before joining",
                at -> reply.clone());
    }

    /** What a peer on the wrong framing is told: {@link Signal.Refused}. */
    private byte[] message() {
        return new Signal.Refused(arguments).line().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] lineReply() {
        return ByteBuffer.allocate(message().length + 1).put(message()).put((byte) '\n').array();
    }

    private byte[] lengthReply() {
        return ByteBuffer.allocate(4 + message().length).putInt(message().length).put(message()).array();
    }

    /** The 400 for an HTTP request; with a web port, the chat page's URL on the address the request came in on. */
    private byte[] httpReply(InetAddress arrivedOn) {
        int web = webPort.getAsInt();
        String host = arrivedOn instanceof Inet6Address
                ? "[" + arrivedOn.getHostAddress().replace("%", "%25") + "]" : arrivedOn.getHostAddress();
        String page = web <= 0 ? "" : "The chat page for browsers is at http://" + host + ":" + web + "/\n";
        byte[] body = ("This port speaks framekit chat (" + arguments + "), not HTTP.\n" + page
                + "Join with: chat-client " + arguments + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(headBytes.length + body.length).put(headBytes).put(body).array();
    }

    /**
     * The peer opened a file transfer's connection ({@link #TRANSFER_PREAMBLE}), not a member's:
     * the handler leaves the connection open for whoever serves transfers. Nothing was consumed,
     * and the stream is in step: unchecked, not a {@link FramingException}, so the reader does not
     * keep it as the connection's failure and the next read, on the transfer's framing, goes on.
     */
    public static final class Handoff extends RuntimeException {
        Handoff() {
            super("a file transfer's connection", null, false, false);
        }
    }

    /** A peer refused before joining: the message is the log line; {@link #reply} what the peer is sent. */
    public static final class Refusal extends FramingException {
        private final transient Function<InetAddress, byte[]> reply;

        Refusal(String message, Function<InetAddress, byte[]> reply) {
            super(message);
            this.reply = reply;
        }

        /** The bytes to send, given the local address the peer reached (for a URL). */
        public byte[] reply(InetAddress arrivedOn) {
            return reply.apply(arrivedOn);
        }

        /** Sends the reply to the peer, unframed, ends the output and drains what it still sends. */
        void sendTo(FramedConnection connection) throws IOException {
            Socket socket = connection.socket();
            socket.getOutputStream().write(reply(socket.getLocalAddress()));
            socket.shutdownOutput();
            connection.reader().drain(Long.MAX_VALUE, Duration.ofSeconds(1)); // closing on unread bytes would reset the reply
        }

        /** As {@link #sendTo}, for a peer that may be gone already. */
        void sendQuietly(FramedConnection connection) {
            try {
                sendTo(connection);
            } catch (IOException e) {
                // The peer is gone already.
            }
        }
    }
}
