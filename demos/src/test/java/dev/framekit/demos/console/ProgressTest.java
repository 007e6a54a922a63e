package dev.framekit.demos.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress bar draws in place on a terminal and prints nothing at all otherwise. */
class ProgressTest {
    private final StringWriter err = new StringWriter();

    @Test
    void printsNothingWhenStderrIsNotATerminal() {
        Progress progress = new Progress(new PrintWriter(err), false, "load", 10);
        progress.step("one");
        progress.show(5, 10, "half");
        progress.finish();

        assertEquals("", err.toString());
    }

    @Test
    void drawsInPlaceOnATerminalAndClearsAtTheEnd() {
        Progress progress = new Progress(new PrintWriter(err), true, "compare", 4);
        progress.step("length 16 B streaming");
        progress.show(3, 4, "length 16 B ping-pong");

        String drawn = err.toString();
        assertTrue(drawn.startsWith("\rcompare [#######-----------------------]  25% length 16 B streaming"), drawn);
        assertTrue(drawn.contains("\rcompare [######################--------]  75% length 16 B ping-pong"), drawn);
        progress.finish();
        assertTrue(err.toString().endsWith("\r"), "the bar is cleared");
    }

    @Test
    void staysWithinItsBoundsAndClearsOnlyWhatItDrew() {
        Progress progress = new Progress(new PrintWriter(err), true, "load", 0);
        progress.finish();
        assertEquals("", err.toString(), "nothing drawn, nothing to clear");

        progress.show(12, 10, "over");
        assertTrue(err.toString().contains("100% over"), err.toString());
    }
}
