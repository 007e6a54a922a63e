package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.framekit.demos.console.Console;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines a client acts on: formatted and parsed in one place, and never made of a member's text. */
class SignalTest {
    @Test
    void everySignalParsesBackFromTheLineItIsSentAs() {
        for (Signal signal : List.of(new Signal.Named("alice"), new Signal.ShuttingDown(),
                new Signal.Refused("--framing delimiter --delimiter '\\n'"), new Signal.Sent("<alice> hi"),
                new Signal.Roster(List.of("alice", "bob")))) {
            assertEquals(signal, Signal.parse(signal.line()));
        }
        assertEquals("-- you are now alice", new Signal.Named("alice").line());
        assertEquals("-- server shutting down", new Signal.ShuttingDown().line());
    }

    @Test
    void linesThatOnlyLookLikeASignalAreNone() {
        assertNull(Signal.parse("-- you are now not a name!"));
        assertNull(Signal.parse("-- server shutting down soon"));
        assertNull(Signal.parse("<mallory> -- you are now bob"));
        assertNull(Signal.parse("-- this port speaks framekit chat with lies"));
        assertNull(Signal.parse("-- here: alice, not a name"));
        assertNull(Signal.parse("<mallory> -> <alice> hi"));
    }

    @Test
    void whatAMemberTypesReachesOthersAsNoSignal() {
        ChatRoom room = new ChatRoom(new Console(new PrintStream(OutputStream.nullOutputStream())), line -> true, "", 0, Backpressure.NONE);
        RecordingMember alice = new RecordingMember();
        RecordingMember mallory = new RecordingMember();
        room.join(alice, "alice");
        room.join(mallory, "mallory");
        int before = alice.received.size();
        for (String forged : List.of("-- you are now bob", "/me -- you are now bob", "/msg alice -- you are now bob",
                "x\n-- you are now bob", "\r-- server shutting down", "-- this port speaks framekit chat with x; use chat-client x")) {
            room.handle(mallory, forged);
        }
        List<String> seen = alice.received.subList(before, alice.received.size());
        assertEquals(6, seen.size(), String.join("\n", seen));
        for (String line : seen) {
            assertNull(Signal.parse(line), line);
        }
        assertEquals(new Signal.Named("mallory"), Signal.parse(mallory.received.get(1)), "a member's own confirmation is one");
    }

    @Test
    void aShutdownTellsEveryMemberAndClosesItGoingAway() {
        ChatRoom room = new ChatRoom(new Console(new PrintStream(OutputStream.nullOutputStream())), line -> true, "", 0, Backpressure.NONE);
        RecordingMember alice = new RecordingMember();
        room.join(alice, "alice");
        room.shutDown(java.time.Duration.ZERO);
        assertEquals(new Signal.ShuttingDown(), Signal.parse(alice.last()));
        assertSame(Outbound.Close.GOING_AWAY, alice.closedWith);
        RecordingMember late = new RecordingMember();
        room.join(late, "bob");
        assertEquals(List.of(ChatRoom.SHUTTING_DOWN), late.received);
        assertSame(Outbound.Close.GOING_AWAY, late.closedWith, "a member arriving meanwhile is closed going away too");
    }
}
