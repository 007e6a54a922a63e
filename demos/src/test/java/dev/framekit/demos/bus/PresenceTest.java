package dev.framekit.demos.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.chat.room.RoomEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresenceTest {
    private static final String A = "aaaaaaaaaaaa";
    private static final String B = "bbbbbbbbbbbb";

    private final List<String> logged = new ArrayList<>();
    private final Presence presence = new Presence(logged::add);

    private static BusMessage event(String origin, long sequence, RoomEvent event) {
        return new BusMessage(origin, sequence, new BusMessage.Event(event));
    }

    private static BusMessage here(String origin, long sequence, String server, String... names) {
        return new BusMessage(origin, sequence, new BusMessage.Here(server, List.of(names)));
    }

    @Test
    void takesEachMessageOnceInItsOriginsOrder() {
        RoomEvent hi = new RoomEvent.Said("alice", "hi");
        assertEquals(List.of(hi), presence.heard(event(A, 1, hi), 0));
        assertEquals(List.of(), presence.heard(event(A, 1, hi), 0), "a duplicate");
        RoomEvent again = new RoomEvent.Said("alice", "again");
        assertEquals(List.of(again), presence.heard(event(A, 2, again), 0));
        assertEquals(List.of(hi), presence.heard(event(B, 1, hi), 0), "each origin counts its own");
        assertEquals(List.of(), logged);
    }

    @Test
    void saysHowManyMessagesWereMissed() {
        presence.heard(here(A, 1, "vm:7001"), 0);
        presence.heard(here(A, 5, "vm:7001"), 0);
        assertEquals(List.of("bus: missed 3 message(s) from vm:7001; its next heartbeat puts its members right"), logged);
    }

    @Test
    void aHeartbeatAnnouncesTheMembersItListsAndThoseItNoLongerLists() {
        assertEquals(List.of(new RoomEvent.Joined("alice"), new RoomEvent.Joined("bob")),
                presence.heard(here(A, 1, "vm:7001", "alice", "bob"), 0));
        assertEquals(List.of(), presence.heard(here(A, 2, "vm:7001", "alice", "bob"), 0));
        assertEquals(List.of(new RoomEvent.Left("alice", ""), new RoomEvent.Joined("carol")),
                presence.heard(here(A, 3, "vm:7001", "bob", "carol"), 0));
        assertEquals(Map.of("vm:7001", List.of("bob", "carol")), presence.members());
    }

    @Test
    void followsJoinsRenamesAndLeavesBetweenHeartbeats() {
        presence.heard(event(A, 1, new RoomEvent.Joined("alice")), 0);
        assertEquals("alice", presence.find("ALICE"));
        presence.heard(event(A, 2, new RoomEvent.Renamed("alice", "Alicia")), 0);
        assertNull(presence.find("alice"));
        assertEquals("Alicia", presence.find("alicia"));
        assertEquals(List.of(), presence.heard(here(A, 3, "vm:7001", "Alicia"), 0), "the heartbeat agrees");
        presence.heard(event(A, 4, new RoomEvent.Left("Alicia", "quit")), 0);
        assertNull(presence.find("alicia"));
    }

    @Test
    void aRenameOfAMemberNotKnownHereIsAJoin() {
        presence.heard(here(A, 1, "vm:7001", "alice"), 0);
        assertEquals(List.of(new RoomEvent.Renamed("alice", "Alicia")),
                presence.heard(event(A, 2, new RoomEvent.Renamed("alice", "Alicia")), 0));
        // its server was counted gone here, and on its return renames a member that lost its name meanwhile
        assertEquals(List.of(new RoomEvent.Joined("guest1-bbbb")),
                presence.heard(event(B, 7, new RoomEvent.Renamed("bob", "guest1-bbbb")), 0));
        assertEquals(List.of(), presence.heard(here(B, 8, "vm:7002", "guest1-bbbb"), 0), "the heartbeat agrees");
        assertNull(presence.find("bob"));
    }

    @Test
    void aServerThatSaysGoodbyeTakesItsMembersWithIt() {
        presence.heard(here(A, 1, "vm:7001", "alice", "bob"), 0);
        assertEquals(List.of(new RoomEvent.Left("alice", "server vm:7001 shut down"), new RoomEvent.Left("bob", "server vm:7001 shut down")),
                presence.heard(new BusMessage(A, 2, new BusMessage.Bye("vm:7001")), 0));
        assertEquals(Map.of(), presence.members());
    }

    @Test
    void aServerNotHeardSinceTheDeadlineIsGoneWithItsMembers() {
        presence.heard(here(A, 1, "vm:7001", "alice"), 100);
        presence.heard(here(B, 1, "vm:7002", "bob"), 200);
        assertEquals(List.of(), presence.expire(100), "heard at the deadline: still here");
        assertEquals(List.of(new RoomEvent.Left("alice", "server vm:7001 unreachable")), presence.expire(150));
        assertEquals(List.of(B), List.copyOf(presence.origins()));
        assertTrue(logged.contains("bus: nothing from vm:7001 for three heartbeats: its 1 member(s) have left"), logged.toString());
        presence.heardAll(1000);
        assertEquals(List.of(), presence.expire(999), "a grace time once this server's own connection is back");
    }
}
