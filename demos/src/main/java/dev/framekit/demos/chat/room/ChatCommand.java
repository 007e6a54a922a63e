package dev.framekit.demos.chat.room;

import java.util.Locale;
import java.util.TreeSet;

/**
 * One line from a chat member, parsed: plain text to say, or a command ({@code /nick NAME},
 * {@code /who}, {@code /me ACTION}, {@code /msg NAME TEXT}, {@code /quit}, {@code /help}; the file commands go to a {@link FileHook}).
 */
public sealed interface ChatCommand {
    /** Text for everyone else. */
    record Say(String text) implements ChatCommand {}

    /** Take another name. */
    record Nick(String name) implements ChatCommand {}

    /** List who is in the room. */
    record Who() implements ChatCommand {}

    /** An action, shown as {@code * alice waves}. */
    record Me(String action) implements ChatCommand {}

    /** A private message to one member. */
    record Msg(String name, String text) implements ChatCommand {}

    /** Leave the room. */
    record Quit() implements ChatCommand {}

    /** List the commands: the room answers with {@link #LINES}. */
    record Help() implements ChatCommand {
        static final String[] LINES = {
            "-- commands: /nick NAME (choose a name), /who (who is here), /me ACTION (* you act),",
            "--           /msg NAME TEXT (private message), /quit (leave), /help (this list);",
            "--           in chat-client: /send NAME PATH (offer a file), /accept or /decline (the latest offer);",
            "--           any other line is said to everyone else; start it with // to say a line beginning with /;",
            "--           a name is " + Names.RULE + ", unique ignoring case",
            "--           (" + String.join(", ", new TreeSet<>(Names.RESERVED)) + " are reserved);",
            "--           control characters, escapes and invisible characters are shown as marks such as ␤ and [U+202E]"
        };
    }

    /**
     * A file command, handed to the room's {@link FileHook}: {@code /send}, {@code /accept},
     * {@code /decline} as a person types them, or chat-client's {@code /file-offer},
     * {@code /file-accept}, {@code /file-decline}; {@code rest} is what follows the command.
     */
    record File(String command, String rest) implements ChatCommand {}

    /** A command used wrongly, or not known; {@code problem} says what to type instead. */
    record Invalid(String problem) implements ChatCommand {}

    /**
     * Parses one line. A trailing {@code \r} (telnet, Windows) is dropped; what is left is made
     * {@linkplain SafeText#clean safe to print}, so no part of a command carries a control
     * character. A line starting with {@code //} says the rest literally, starting with {@code /}.
     */
    static ChatCommand parse(String rawLine) {
        String line = SafeText.clean(rawLine.endsWith("\r") ? rawLine.substring(0, rawLine.length() - 1) : rawLine);
        if (!line.startsWith("/")) {
            return new Say(line);
        }
        if (line.startsWith("//")) {
            return new Say(line.substring(1));
        }
        int space = line.indexOf(' ');
        String command = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        return switch (command) {
            case "/nick" -> nick(rest);
            case "/who" -> new Who();
            case "/me" -> rest.isEmpty() ? new Invalid("usage: /me ACTION") : new Me(rest);
            case "/msg" -> parseMsg(rest);
            case "/quit" -> new Quit();
            case "/help" -> new Help();
            case "/send", "/accept", "/decline", "/file-offer", "/file-accept", "/file-decline" -> new File(command, rest);
            default -> new Invalid("unknown command " + command + "; /help lists the commands");
        };
    }

    private static ChatCommand nick(String name) {
        String problem = Names.problem(name);
        return problem == null ? new Nick(name) : new Invalid("usage: /nick NAME; " + problem);
    }

    private static ChatCommand parseMsg(String rest) {
        int space = rest.indexOf(' ');
        if (space < 0 || rest.substring(space + 1).isBlank()) {
            return new Invalid("usage: /msg NAME TEXT");
        }
        return new Msg(rest.substring(0, space), rest.substring(space + 1).strip());
    }
}
