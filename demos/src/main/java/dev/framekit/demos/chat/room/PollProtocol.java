package dev.framekit.demos.chat.room;

/**
 * Chat over send-and-close framing, where a connection carries one request and one reply. Every
 * request and reply is UTF-8 text; its first line is a verb and arguments:
 *
 * <pre>
 * JOIN [NAME]                   -&gt; OK TOKEN         (joins as NAME if it is free)
 * SAY TOKEN \n LINE             -&gt; OK                  | GONE REASON
 * POLL TOKEN LAST \n            -&gt; OK LAST \n LINES... | GONE REASON
 * </pre>
 *
 * <p>{@code LAST} is the number of the last line the client has printed; the server answers a
 * poll when lines after it exist, or after a timeout with none.
 */
public final class PollProtocol {
    public static final String JOIN = "JOIN";
    public static final String SAY = "SAY";
    public static final String POLL = "POLL";
    public static final String OK = "OK";
    public static final String GONE = "GONE";
    public static final String ERROR = "ERR";

    private PollProtocol() {}

    /** The first line of a message. */
    public static String head(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Everything after the first line, or "". */
    public static String body(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? "" : message.substring(newline + 1);
    }
}
