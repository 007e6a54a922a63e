package dev.framekit.demos.chat.room;

import java.util.List;

/**
 * What joins a {@link ChatRoom} to the same room on other servers (a bus): the room tells it each
 * event said here, in the room's order, and asks it about the members elsewhere. Events said
 * elsewhere come back through {@link ChatRoom#heard}. {@link #NONE}, a room on one server, is the default.
 */
public interface RoomLink {
    /** A room on this server alone. */
    RoomLink NONE = new RoomLink() {};

    /**
     * Why {@code command} cannot be carried out now, told to the member as {@code -- WHY}; or null.
     * A link refuses a line for other servers while its bus is down, and claims a name ({@code /nick},
     * or a join asking for one) room-wide before a member here takes it: null if it is free or already
     * this server's. Called without the room's lock: it may wait for the bus.
     */
    default String refusal(ChatCommand command) {
        return null;
    }

    /** {@code event} was said here. Called with the room's lock held, in the order the room saw them: it must not block. */
    default void said(RoomEvent event) {}

    /** The {@code n}th guest's name: unique room-wide without a claim. */
    default String guest(int n) {
        return "guest" + n;
    }

    /** The exact name of a member on another server called {@code name} (ignoring case), or null. */
    default String elsewhere(String name) {
        return null;
    }

    /** The answer to {@code /who}, given the names of the members here. */
    default String who(List<String> here) {
        return "-- in the room (" + here.size() + "): " + String.join(", ", here);
    }
}
