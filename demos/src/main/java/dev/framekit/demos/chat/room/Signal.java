package dev.framekit.demos.chat.room;

/**
 * The server's lines that a client acts on, formatted and parsed here only: the server sends
 * {@link #line()}, the client reads {@link #parse}. Each reads as a notice to a person on
 * {@code nc}. A signal is a whole line the server wrote: no member's text can be one, since
 * everything a member says reaches others behind its name ({@code <mallory> -- you are now bob}).
 *
 * <pre>
 * -- you are now NAME                                  the name the server confirmed
 * -- server shutting down                              the last line before the server closes
 * -- this port speaks framekit chat with ARGS; use chat-client ARGS    a peer on another framing
 * </pre>
 */
public sealed interface Signal {
    /** The server confirmed the member's name: the one a reconnecting client asks for. */
    record Named(String name) implements Signal {
        @Override
        public String line() {
            return NAMED + name;
        }
    }

    /** The server is stopping; the connection closes next. */
    record ShuttingDown() implements Signal {
        @Override
        public String line() {
            return SHUTTING_DOWN;
        }
    }

    /** The peer speaks another framing or protocol; {@code arguments} are the server's framing options. */
    record Refused(String arguments) implements Signal {
        @Override
        public String line() {
            return REFUSED + arguments + USE + arguments;
        }
    }

    /** The line as sent. */
    String line();

    String NAMED = "-- you are now ";
    String SHUTTING_DOWN = "-- server shutting down";
    /** How a refusal begins; a client may get only its start (cut by its own framing). */
    String REFUSED = "-- this port speaks framekit chat with ";
    String USE = "; use chat-client ";

    /** The signal {@code line} is, or null if it is none. */
    static Signal parse(String line) {
        if (line.equals(SHUTTING_DOWN)) {
            return new ShuttingDown();
        }
        if (line.startsWith(NAMED) && Names.isValid(line.substring(NAMED.length()))) {
            return new Named(line.substring(NAMED.length()));
        }
        int use = line.indexOf(USE);
        if (line.startsWith(REFUSED) && use > 0) {
            return new Refused(line.substring(REFUSED.length(), use));
        }
        return null;
    }
}
