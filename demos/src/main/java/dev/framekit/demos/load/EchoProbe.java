package dev.framekit.demos.load;

import dev.framekit.demos.console.NetworkErrors;
import dev.framekit.framing.FramedConnection;
import dev.framekit.framing.FramingException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Before a run: one message on one connection, so that a server that does not echo on this
 * framing (an echo-server on another framing, a chat-server, something else) is told in one line,
 * instead of a thousand connections each failing with "corrupt" or "closed early".
 */
final class EchoProbe {
    /** How long the probe waits for its echo: a loopback echo comes back in well under a millisecond. */
    static final Duration WAIT = Duration.ofSeconds(3);

    private static final int PREVIEW = 100;

    private EchoProbe() {
    }

    /**
     * Sends message 0 of connection 0 and reads the reply with {@code connector} (made with a read
     * timeout of at most {@link #WAIT}). Returns null when it came back intact, or when the server
     * could not be reached (the run reports that, connection by connection); else the one line
     * that says what the server did instead, naming {@code where} and {@code framing}.
     */
    static String check(FramedConnection.Connector connector, boolean connectionPerExchange, Payloads payloads, String where,
            String framing) {
        FramedConnection connection;
        try {
            connection = connector.connect();
        } catch (IOException e) {
            return null;
        }
        String notEcho = "load: " + where + " is not an echo server on " + framing + ": ";
        byte[] message = payloads.make(0, 0);
        try (connection) {
            byte[] reply;
            if (connectionPerExchange) {
                reply = connection.exchange(message);
            } else {
                connection.send(message);
                reply = connection.readByteArray();
            }
            if (reply == null) {
                return closedAtTheFirstMessage(notEcho, "closed");
            }
            if (payloads.check(reply, 0, 0) == null) {
                return null;
            }
            return notEcho + "it answered the first message with " + preview(reply) + chatHint(reply);
        } catch (SocketTimeoutException e) {
            return notEcho + "no reply to the first message in " + WAIT.toSeconds() + " s (an echo-server on another framing"
                    + " waits for the rest of its frame; give the server's --framing and its settings)";
        } catch (FramingException e) {
            return notEcho + "its reply is not a frame of that framing (" + e.getMessage() + ")";
        } catch (SocketException e) {
            // A framekit server resets a peer whose bytes break its framing (SO_LINGER 0).
            return isReset(e) ? closedAtTheFirstMessage(notEcho, "reset")
                    : notEcho + "at the first message: " + NetworkErrors.describe(e);
        } catch (IOException e) {
            return notEcho + "at the first message: " + NetworkErrors.describe(e);
        }
    }

    private static String closedAtTheFirstMessage(String notEcho, String how) {
        return notEcho + "it " + how + " the connection at the first message without a reply"
                + " (it speaks another framing or protocol; give the server's --framing and its settings)";
    }

    private static boolean isReset(SocketException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("reset") || message.contains("broken pipe");
    }

    /** The reply as quoted text when it is printable UTF-8, else its first bytes in hex. */
    static String preview(byte[] reply) {
        if (reply.length == 0) {
            return "an empty message";
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(reply)).toString().strip();
            if (text.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f || c == '\t')) {
                return "\"" + (text.length() > PREVIEW ? text.substring(0, PREVIEW) + "..." : text) + "\"";
            }
        } catch (CharacterCodingException e) {
            // not text
        }
        int shown = Math.min(reply.length, 16);
        return reply.length + " bytes " + HexFormat.ofDelimiter(" ").formatHex(reply, 0, shown) + (shown < reply.length ? " ..." : "");
    }

    private static String chatHint(byte[] reply) {
        String text = new String(reply, StandardCharsets.UTF_8);
        return text.startsWith("-- ") || text.contains("welcome") ? " (a chat-server?)" : "";
    }
}
