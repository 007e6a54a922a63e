package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.console.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The room's hook to other servers ({@link RoomLink}): what it tells the link, what it takes from it. */
class RoomLinkTest {
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final ChatRoom room = new ChatRoom(new Console(new PrintStream(logged, true)), line -> line.length() <= 100,
            "too long for the framing", 5, Backpressure.NONE);
    private final FakeLink link = new FakeLink();

    /** A link that records what it is told, refuses what {@link #refuse} says, and knows one member elsewhere: zoe. */
    private static final class FakeLink implements RoomLink {
        final List<RoomEvent> said = new ArrayList<>();
        final List<ChatCommand> asked = new ArrayList<>();
        String refuse;

        @Override
        public String refusal(ChatCommand command) {
            asked.add(command);
            return refuse;
        }

        @Override
        public void said(RoomEvent event) {
            said.add(event);
        }

        @Override
        public String guest(int n) {
            return "guest" + n + "-ab12";
        }

        @Override
        public String elsewhere(String name) {
            return name.equalsIgnoreCase("zoe") ? "zoe" : null;
        }

        @Override
        public String who(List<String> here) {
            return "-- in the room: " + String.join(", ", here) + " (here); zoe (elsewhere)";
        }
    }

    private RecordingMember join(String name) {
        RecordingMember member = new RecordingMember();
        room.join(member, name);
        return member;
    }

    @Test
    void everyEventSaidHereIsToldToTheLinkInTheRoomsOrder() {
        room.link(link);
        RecordingMember alice = join("alice");
        RecordingMember guest = join(null);
        room.handle(alice, "hello");
        room.handle(alice, "/me waves");
        room.handle(guest, "/nick bob");
        room.handle(alice, "/msg zoe psst");
        room.handle(alice, "/msg bob here");
        room.leave(guest, "");
        assertEquals(List.of(new RoomEvent.Joined("alice"), new RoomEvent.Joined("guest1-ab12"),
                new RoomEvent.Said("alice", "hello"), new RoomEvent.Acted("alice", "waves"),
                new RoomEvent.Renamed("guest1-ab12", "bob"), new RoomEvent.Private("alice", "zoe", "psst"),
                new RoomEvent.Left("bob", "")), link.said, "a private message to a member here stays here");
        assertEquals(List.of("-> *zoe* psst", "-> *bob* here", "-- bob left"),
                alice.received.subList(alice.received.size() - 3, alice.received.size()));
    }

    @Test
    void aJoinAskingForANameAndEveryNickAreAskedOfTheLinkFirst() {
        room.link(link);
        RecordingMember alice = join("alice");
        room.handle(alice, "/nick carol");
        assertEquals(List.of(new ChatCommand.Nick("alice"), new ChatCommand.Nick("carol")), link.asked);
    }

    @Test
    void whatTheLinkRefusesIsToldToTheMemberAndNotDone() {
        room.link(link);
        RecordingMember alice = join("alice");
        RecordingMember bob = join("bob");
        int before = link.said.size();
        link.refuse = "not sent: the bus is down";
        room.handle(alice, "lost?");
        assertEquals("-- not sent: the bus is down", alice.last());
        assertEquals("-- bob joined", alice.received.get(alice.received.size() - 2));
        assertEquals(before, link.said.size());
        assertTrue(bob.received.stream().noneMatch(line -> line.contains("lost?")), bob.received.toString());

        link.refuse = "the name carol is taken on another server";
        RecordingMember third = join("carol");
        assertEquals("guest1-ab12", third.name(), "a join whose name is refused comes in as a guest");
        assertTrue(third.received.contains("-- the name carol is taken on another server"), third.received.toString());
    }

    @Test
    void eventsHeardFromOtherServersReachTheMembersHereAndLinesTheHistory() {
        room.link(link);
        RecordingMember alice = join("alice");
        link.said.clear();
        room.heard(new RoomEvent.Joined("zoe"));
        room.heard(new RoomEvent.Said("zoe", "hi from afar"));
        room.heard(new RoomEvent.Private("zoe", "alice", "just you"));
        room.heard(new RoomEvent.Private("zoe", "nobody", "lost"));
        room.heard(new RoomEvent.Said("zoe", "x".repeat(100)));
        assertEquals(List.of("-- zoe joined", "<zoe> hi from afar", "*zoe* just you"),
                alice.received.subList(alice.received.size() - 3, alice.received.size()));
        assertTrue(logged.toString().contains("does not fit the framing here"), logged.toString());
        assertEquals(List.of(), link.said, "nothing heard is said back to the bus");

        RecordingMember bob = join("bob");
        assertTrue(bob.received.contains("[history] <zoe> hi from afar"), bob.received.toString());
        room.handle(bob, "/who");
        assertEquals("-- in the room: alice, bob (here); zoe (elsewhere)", bob.last());
    }

    @Test
    void aMemberWhoseNameAnotherServerTookBecomesAGuestToldWhy() {
        room.link(link);
        RecordingMember alice = join("Alice");
        RecordingMember carol = join("carol");
        link.said.clear();
        room.nameLost("alice"); // the name's lower-case key, as the bucket holds it
        room.nameLost("nobody"); // a member who left meanwhile: nothing happens
        assertEquals(List.of("-- the name Alice was taken on another server while this one was cut off",
                "-- you are now guest1-ab12"), alice.received.subList(alice.received.size() - 2, alice.received.size()));
        assertEquals("-- Alice is now guest1-ab12", carol.last());
        assertEquals(List.of(new RoomEvent.Renamed("Alice", "guest1-ab12")), link.said, "the other servers are told");
        assertEquals(List.of("carol", "guest1-ab12"), room.names(), "a renamed member counts as come anew");
    }

    @Test
    void withoutALinkWhoListsTheMembersHere() {
        RecordingMember alice = join("alice");
        join("bob");
        room.handle(alice, "/who");
        assertEquals("-- in the room (2): alice, bob", alice.last());
    }
}
