package dev.framekit.demos.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Whether standard error is a terminal, decided from where descriptor 2 points: no real terminal needed. */
class TerminalTest {
    @Test
    void stderrOnAPseudoTerminalIsATerminalEvenWithStdoutRedirected() {
        // System.console() is null when stdout goes to a file; descriptor 2 still says terminal.
        assertTrue(Terminal.isTerminal("/dev/pts/3", () -> false));
        assertTrue(Terminal.isTerminal("/dev/tty1", () -> false));
        assertTrue(Terminal.isTerminal("/dev/console", () -> false));
    }

    @Test
    void stderrToAFileAPipeOrNullIsNotATerminalEvenWithAConsole() {
        assertFalse(Terminal.isTerminal("/tmp/compare.log", () -> true));
        assertFalse(Terminal.isTerminal("pipe:[81233]", () -> true));
        assertFalse(Terminal.isTerminal("/dev/null", () -> true));
        assertFalse(Terminal.isTerminal("socket:[4410]", () -> true));
    }

    @Test
    void withoutProcTheConsoleDecides() {
        assertTrue(Terminal.isTerminal(null, () -> true));
        assertFalse(Terminal.isTerminal(null, () -> false));
    }

    @Test
    void whatTheLauncherSaysWinsOverItsOwnPipe() {
        // demos/framekit filters stderr through a pipe and says what stderr was before it.
        assertTrue(Terminal.isTerminal("true", "pipe:[81233]", () -> false));
        assertFalse(Terminal.isTerminal("false", "/dev/pts/3", () -> true));
        assertTrue(Terminal.isTerminal(null, "/dev/pts/3", () -> false), "without the launcher, descriptor 2 decides");
    }
}
