package dev.framekit.demos.chat.room;

import java.util.Arrays;
import java.util.List;

/**
 * The server's lines that a client acts on, formatted ({@link #line()}) and parsed ({@link #parse})
 * here only. Each reads as a notice to a person on {@code nc}. A signal is a whole line the server
 * wrote: no member's text can be one, as all a member says reaches others behind its name
 * ({@code <mallory> -- you are now bob}).
 *
 * <pre>
 * -- you are now NAME                                  the name the server confirmed
 * -- server shutting down                              the last line before the server closes
 * -- this port speaks framekit chat with ARGS; use chat-client ARGS    a peer on another framing
 * -> LINE                                              the member's own line, as the room passed it on
 * -- here: NAME, NAME                                  who is in the room (web members only)
 * </pre>
 */
public sealed interface Signal {
    String NAMED = "-- you are now ";
    String SHUTTING_DOWN = "-- server shutting down";
    /** How a refusal begins; a client may get only its start (cut by its own framing). */
    String REFUSED = "-- this port speaks framekit chat with ";
    String USE = "; use chat-client ";
    String SENT = "-> ";
    String ROSTER = "-- here: ";

    /** The server confirmed the member's name: the one a reconnecting client asks for. */
    record Named(String name) implements Signal {}

    /** The server is stopping; the connection closes next. */
    record ShuttingDown() implements Signal {}

    /** The peer speaks another framing or protocol; {@code arguments} are the server's framing options. */
    record Refused(String arguments) implements Signal {}

    /**
     * The member's own line ({@code text}) as the others got it ({@code <alice> hi}, {@code * alice waves}),
     * sent back to a web member only; or the copy of a private message ({@code *bob* hi}), to anyone.
     */
    record Sent(String text) implements Signal {}

    /** Who is in the room: sent to every web member on each join, leave and change of name. */
    record Roster(List<String> names) implements Signal {}

    /** The line as sent. */
    default String line() {
        return switch (this) {
            case Named named -> NAMED + named.name();
            case ShuttingDown shuttingDown -> SHUTTING_DOWN;
            case Refused refused -> REFUSED + refused.arguments() + USE + refused.arguments();
            case Sent sent -> SENT + sent.text();
            case Roster roster -> ROSTER + String.join(", ", roster.names());
        };
    }

    /** The signal {@code line} is, or null if it is none. */
    static Signal parse(String line) {
        int use = line.indexOf(USE);
        if (line.equals(SHUTTING_DOWN)) {
            return new ShuttingDown();
        } else if (line.startsWith(NAMED) && Names.isValid(line.substring(NAMED.length()))) {
            return new Named(line.substring(NAMED.length()));
        } else if (line.startsWith(REFUSED) && use > 0) {
            return new Refused(line.substring(REFUSED.length(), use));
        } else if (line.startsWith(SENT)) {
            return new Sent(line.substring(SENT.length()));
        } else if (line.startsWith(ROSTER)) {
            List<String> names = Arrays.asList(line.substring(ROSTER.length()).split(", ", -1));
            return names.stream().allMatch(Names::isValid) ? new Roster(List.copyOf(names)) : null;
        }
        return null;
    }
}
