package dev.framekit.demos.chat.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * chat-client's input when standard input is a terminal: JLine edits the line being typed at a
 * prompt that stays at the bottom, with history (up and down arrows); every line the room says
 * is printed above it, so a half-typed line is never broken by an arrival. Ctrl-D and Ctrl-C
 * leave the room as /quit does.
 */
public final class TerminalInput implements AutoCloseable {
    /** The prompt the line being typed follows. */
    public static final String PROMPT = "> ";

    private final Terminal terminal;
    private final LineReader reader;

    /** Line editing on {@code terminal}. */
    TerminalInput(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder().terminal(terminal).build();
    }

    /** Line editing on the terminal this process runs in. */
    public static TerminalInput system() throws IOException {
        return new TerminalInput(TerminalBuilder.builder().system(true).build());
    }

    /** Whether standard input and output are a terminal (and not a pipe or a file). */
    public static boolean stdinIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22 and later make a Console for pipes too; isTerminal() tells them apart.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a Console exists only for a terminal
        }
    }

    /** The next typed line, or null when the user leaves (Ctrl-D, Ctrl-C). */
    public String readLine() {
        try {
            return reader.readLine(PROMPT);
        } catch (EndOfFileException | UserInterruptException e) {
            return null;
        }
    }

    /** Where the room's lines go: each whole line printed above the prompt and the line being typed. */
    public PrintStream printer() {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                if (b == '\n') {
                    reader.printAbove(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else if (b != '\r') {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
