package dev.framekit.demos.chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** JLine on a virtual terminal: what a person sees while typing when lines arrive. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TerminalInputTest {
    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private TerminalInput terminal() throws Exception {
        Terminal terminal = TerminalBuilder.builder().system(false).type("xterm").size(new org.jline.terminal.Size(120, 40))
                .streams(new PipedInputStream(keys), screen).encoding(StandardCharsets.UTF_8).build();
        return new TerminalInput(terminal);
    }

    private String screenText() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aHalfTypedLineIsIntactAfterMessagesArriveAndIsSentWhole() throws Exception {
        try (TerminalInput input = terminal()) {
            CompletableFuture<String> typed = CompletableFuture.supplyAsync(input::readLine);
            waitFor(TerminalInput.PROMPT);
            for (byte key : "I am typing a long sentence".getBytes(StandardCharsets.UTF_8)) {
                keys.write(key);
                keys.flush();
            }
            waitFor("I am typing a long sentence");
            PrintStream room = input.printer();
            room.println("<bob> interrupting message 1");
            room.println("<bob> interrupting message 2");
            waitFor("interrupting message 2");
            String afterArrivals = screenText().substring(screenText().lastIndexOf("interrupting message 2"));
            assertTrue(afterArrivals.contains(TerminalInput.PROMPT + "I am typing a long sentence"),
                    "the prompt and the half-typed line are drawn again below the arrivals: " + afterArrivals);
            keys.write(" and finish it\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertEquals("I am typing a long sentence and finish it", typed.get(10, TimeUnit.SECONDS));
            assertTrue(!screenText().contains("sentence<bob>"), screenText());
        }
    }

    private void waitFor(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!screenText().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(screenText().contains(text), screenText());
    }
}
