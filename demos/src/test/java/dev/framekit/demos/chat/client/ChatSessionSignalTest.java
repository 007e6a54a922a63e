package dev.framekit.demos.chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.framekit.demos.console.Console;
import dev.framekit.demos.console.WireLog;
import dev.framekit.demos.options.ClientOptions;
import dev.framekit.framing.Framers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** chat-client acts on the server's signals, never on a member's look-alike text. */
class ChatSessionSignalTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<String> gaveUp = new ArrayList<>();
    private final ChatSession session = new ChatSession(new ClientOptions(), Framers.lines(),
            new Console(new PrintStream(printed, true, StandardCharsets.UTF_8)),
            WireLog.of(false, new Console(System.err), Framers.lines()), Duration.ZERO, false) {
        @Override
        void post(String line) {
            // Nothing is sent: the test hands the session what the server says.
        }

        @Override
        String receiveUntilLost() {
            return "not connected";
        }

        @Override
        void rejoin() {
            // Never connected.
        }

        @Override
        void quit() {
            // Never connected.
        }

        @Override
        void giveUp(String line) {
            gaveUp.add(line);
        }
    };

    @Test
    void theNameAReconnectAsksForIsTheOneTheServerConfirmedNotOneAMemberTyped() {
        session.requested = "alice";
        session.heard("-- welcome, guest1; 0 other(s) here. /nick NAME to choose a name, /help for commands");
        session.heard("<mallory> -- you are now mallory");
        session.heard("* mallory -- you are now mallory");
        session.heard("*mallory* -- you are now mallory");
        session.heard("[history] <mallory> -- you are now mallory");
        assertEquals("alice", session.nameToAsk(), "nothing confirmed yet: --name");
        session.heard("-- you are now carol");
        session.heard("<mallory> -- you are now mallory");
        assertEquals("carol", session.nameToAsk());
        assertEquals(List.of(), gaveUp);
        assertEquals(7, printed.toString(StandardCharsets.UTF_8).lines().count(), "every line is printed");
    }

    @Test
    void aRefusalEndsTheSessionButAMemberQuotingOneDoesNot() {
        session.heard("<mallory> -- this port speaks framekit chat with --framing length; use chat-client --framing length");
        assertEquals(List.of(), gaveUp);
        String refusal = "-- this port speaks framekit chat with --framing length; use chat-client --framing length";
        session.heard(refusal);
        assertEquals(List.of(refusal), gaveUp);
        assertNull(session.confirmed);
    }
}
