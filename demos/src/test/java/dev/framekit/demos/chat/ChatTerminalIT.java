package dev.framekit.demos.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.support.Framekit;
import dev.framekit.demos.support.FramekitProcess;
import dev.framekit.demos.chat.ChatIT.LineClient;
import dev.framekit.demos.chat.client.TerminalInput;
import dev.framekit.framing.support.Capability;
import dev.framekit.framing.support.Needs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real chat-client in a real pseudo-terminal ({@link PtyProcess}), against the real server,
 * with an nc-style member beside it: JLine's prompt keeps a half-typed line whole while lines
 * arrive, and Ctrl-D or Ctrl-C leave the room the way /quit does.
 */
@Needs(Capability.PYTHON3)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatTerminalIT {
    @RegisterExtension
    final Framekit framekit = new Framekit();
    private PtyProcess alice;

    @AfterEach
    void stopProcesses() {
        if (alice != null) {
            alice.close();
        }
    }

    private PtyProcess aliceInATerminal(FramekitProcess server) throws Exception {
        alice = PtyProcess.start("chat-client", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--framing", "delimiter", "--name", "alice");
        alice.awaitDrawn(0, "-- you are now alice");
        alice.awaitDrawn(0, TerminalInput.PROMPT);
        return alice;
    }

    @Test
    void aHalfTypedLineStaysWholeWhileLinesArriveAndIsSentWhole() throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter");
        try (LineClient bob = joined(new LineClient(server.port()), "bob")) {
            PtyProcess terminal = aliceInATerminal(server);
            bob.awaitLineStartingWith("-- alice joined");
            terminal.typeSlowly("I am typing a long sentence");
            terminal.awaitDrawn(0, "I am typing a long sentence");

            int beforeArrivals = terminal.mark();
            bob.send("interrupting message 1\n");
            bob.send("interrupting message 2\n");
            String drawn = terminal.awaitDrawn(beforeArrivals, "<bob> interrupting message 2");
            String afterArrivals = terminal.awaitDrawn(beforeArrivals,
                    "<bob> interrupting message 2\n" + TerminalInput.PROMPT + "I am typing a long sentence");
            assertTrue(afterArrivals.contains("<bob> interrupting message 1\n"), terminal.screen());
            assertFalse(drawn.contains("sentence<bob>"), terminal.screen());

            terminal.typeSlowly(" and finish it\r");
            assertEquals("<alice> I am typing a long sentence and finish it", bob.awaitLineStartingWith("<alice>"));
            assertFalse(PtyProcess.visible(terminal.raw()).contains("sentence<bob>"), terminal.screen());
        }
    }

    /** Ctrl-D on an empty line (end of input) and Ctrl-C: each leaves as /quit does, exit status 0, no stack trace. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ctrl-D", "Ctrl-C"})
    void ctrlDAndCtrlCLeaveTheRoomCleanly(String key) throws Exception {
        FramekitProcess server = framekit.startServer("chat-server", "--framing", "delimiter");
        try (LineClient bob = joined(new LineClient(server.port()), "bob")) {
            PtyProcess terminal = aliceInATerminal(server);
            bob.awaitLineStartingWith("-- alice joined");
            if (key.equals("Ctrl-C")) {
                terminal.typeSlowly("a line never sent");
                terminal.awaitDrawn(0, "a line never sent");
            }
            terminal.type(key.equals("Ctrl-D") ? "\u0004" : "\u0003");

            assertEquals("-- alice left (quit)", bob.readLine(), "bob's next line: nothing half-typed was sent");
            assertEquals(0, terminal.awaitExit(Duration.ofSeconds(20)), terminal.screen());
            String screen = PtyProcess.visible(terminal.raw());
            assertTrue(screen.contains("-- bye, alice"), terminal.screen());
            for (String trouble : new String[] {"Exception", "\tat ", "WARNING", "Unable to create a system terminal"}) {
                assertFalse(screen.contains(trouble), "drew " + trouble + ":\n" + terminal.screen());
            }
        }
        server.awaitLine("alice left: quit$");
    }

    private static LineClient joined(LineClient client, String name) throws Exception {
        client.send("/nick " + name + "\n");
        client.awaitLineStartingWith("-- you are now " + name);
        return client;
    }
}
