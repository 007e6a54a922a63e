package dev.framekit.framing;

import dev.framekit.framing.internal.HexPreview;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How one protocol of the control-line family says where its body ends: a text line whose first
 * or last token is a byte count, then that many bytes, then a trailer. {@link ControlLineFramer}
 * runs the rule; this says how to find the count in a line and how to write a line for a body.
 *
 * <pre>
 * RESP     $5\r\nhello\r\n                       the count after $ (also ! and =); +OK\r\n, :1\r\n, *2\r\n have no body
 * NATS     MSG foo 9 5\r\nhello\r\n              the last token of MSG, PUB, HMSG, HPUB; PING\r\n, +OK\r\n have none
 * syslog   5 hello                               RFC 6587 octet counting: the count, a space, the message
 * </pre>
 */
enum ControlLineRule {
    /** Redis's RESP (2 and 3): each element one frame; bulk strings carry a body, the rest are lines. */
    RESP("resp", true, 2) {
        @Override
        long count(String line, String name) throws FramingException {
            char type = line.isEmpty() ? '?' : line.charAt(0);
            if (type == '$' || type == '!' || type == '=') {
                String digits = line.substring(1);
                return digits.equals("-1") ? NO_BODY : parseCount(digits, line, name);
            }
            if ("*+-:_,#(%~>|".indexOf(type) >= 0) {
                return NO_BODY;
            }
            throw new FramingException(name + ": a line starting with " + describe(line)
                    + " is not a RESP element (bulk $, !, =; lines + - : * _ , # ( % ~ > |)");
        }

        @Override
        String line(String headerFields, int bodyLength) {
            if (headerFields.isEmpty()) {
                return "$" + bodyLength;
            }
            char type = headerFields.charAt(0);
            return (type == '$' || type == '!' || type == '=') && !headerFields.equals("$-1")
                    ? type + Integer.toString(bodyLength) : null;
        }
    },

    /** The NATS client protocol: MSG, HMSG, PUB and HPUB carry a body; INFO, PING, +OK and the rest are lines. */
    NATS("nats", true, 2) {
        @Override
        long count(String line, String name) throws FramingException {
            String[] tokens = line.trim().split("[ \t]+");
            String op = tokens[0].toUpperCase(Locale.ROOT);
            switch (op) {
                case "MSG", "PUB", "HMSG", "HPUB" -> {
                    // MSG subject sid [reply] count; PUB subject [reply] count; H* add a header count
                    int minimum = (op.endsWith("MSG") ? 4 : 3) + (op.startsWith("H") ? 1 : 0);
                    if (tokens.length < minimum) {
                        throw new FramingException(name + ": " + op + " without its byte count (" + (tokens.length - 1)
                                + " arguments, at least " + (minimum - 1) + "): " + describe(line));
                    }
                    long total = parseCount(tokens[tokens.length - 1], line, name);
                    if (op.startsWith("H")) {
                        long headers = parseCount(tokens[tokens.length - 2], line, name);
                        if (headers > total) {
                            throw new FramingException(name + ": " + op + " declares " + headers
                                    + " header bytes, more than its " + total + " total bytes: " + describe(line));
                        }
                    }
                    return total;
                }
                case "INFO", "CONNECT", "SUB", "UNSUB", "PING", "PONG", "+OK", "-ERR" -> {
                    return NO_BODY;
                }
                default -> throw new FramingException(name + ": " + describe(line) + " is not a NATS operation (MSG,"
                        + " HMSG, PUB, HPUB, INFO, CONNECT, SUB, UNSUB, PING, PONG, +OK, -ERR)");
            }
        }

        @Override
        String line(String headerFields, int bodyLength) {
            if (headerFields.isEmpty()) {
                return "PUB framekit " + bodyLength;
            }
            String op = headerFields.split("[ \t]+", 2)[0].toUpperCase(Locale.ROOT);
            if (!op.equals("MSG") && !op.equals("PUB") && !op.equals("HMSG") && !op.equals("HPUB")) {
                return null;
            }
            int last = Math.max(headerFields.lastIndexOf(' '), headerFields.lastIndexOf('\t'));
            return last < 0 ? null : headerFields.substring(0, last + 1) + bodyLength;
        }
    },

    /** Syslog over TCP with octet counting (RFC 6587 section 3.4.1): {@code MSG-LEN SP SYSLOG-MSG}. */
    SYSLOG("syslog", false, 0) {
        @Override
        long count(String line, String name) throws FramingException {
            if (line.startsWith("0")) {
                throw new FramingException(name + ": the octet count " + describe(line)
                        + " starts with 0 (RFC 6587: a nonzero digit first, and no empty message)");
            }
            return parseCount(line, line, name);
        }

        @Override
        String line(String headerFields, int bodyLength) {
            return headerFields.isEmpty() && bodyLength > 0 ? Integer.toString(bodyLength) : null;
        }
    };

    /** {@link #count} of a line that has no body. */
    static final long NO_BODY = -1;

    /** The most digits a count may have: 18, so any count fits a {@code long}. */
    static final int MAX_COUNT_DIGITS = 18;

    /** The longest control line: 4 KiB, NATS's default {@code max_control_line}. */
    static final int MAX_LINE_LENGTH = 4096;

    private final String protocol;
    private final boolean crlf;
    private final int trailerLength;

    ControlLineRule(String protocol, boolean crlf, int trailerLength) {
        this.protocol = protocol;
        this.crlf = crlf;
        this.trailerLength = trailerLength;
    }

    String protocol() {
        return protocol;
    }

    /** The byte that ends the control line: LF (after a CR) for RESP and NATS, a space for syslog. */
    byte terminator() {
        return crlf ? (byte) '\n' : (byte) ' ';
    }

    /** True if the line ends with CR LF; else with the terminator alone. */
    boolean crlf() {
        return crlf;
    }

    /** The bytes after a body: CR LF for RESP and NATS, none for syslog. */
    int trailerLength() {
        return trailerLength;
    }

    /** True if a byte may appear in a control line of this rule (syslog's is digits only). */
    boolean allowedInLine(byte b) {
        return crlf || b >= '0' && b <= '9';
    }

    /**
     * Returns the body length the control line declares, or {@link #NO_BODY}.
     *
     * @param line the line, its terminator excluded
     * @throws FramingException if the line is not of this protocol or has no count where one belongs
     */
    abstract long count(String line, String name) throws FramingException;

    /**
     * Returns the control line for a body of {@code bodyLength} bytes with these header fields (the
     * line a decoder handed out, or "" for the default), or {@code null} if such a line cannot carry a
     * body of that length (a line-only element with a body).
     */
    abstract String line(String headerFields, int bodyLength);

    static long parseCount(String digits, String line, String name) throws FramingException {
        if (digits.isEmpty() || digits.length() > MAX_COUNT_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FramingException(name + ": the byte count " + (digits.length() > MAX_COUNT_DIGITS
                    ? "has " + digits.length() + " digits, more than " + MAX_COUNT_DIGITS
                    : "\"" + digits + "\" is not a decimal number") + ": " + describe(line));
        }
        return Long.parseLong(digits);
    }

    static String describe(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        return HexPreview.of(io.netty.buffer.Unpooled.wrappedBuffer(bytes), 0, bytes.length);
    }

    /** The line's text, read as ISO-8859-1 so every byte is one char. */
    static String text(ByteBuf in, int index, int length) {
        return in.toString(index, length, StandardCharsets.ISO_8859_1);
    }
}
