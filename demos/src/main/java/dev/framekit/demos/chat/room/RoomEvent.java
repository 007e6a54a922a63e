package dev.framekit.demos.chat.room;

/**
 * Something said in the room that every member hears of: what a room tells its {@link RoomLink}
 * as it happens, and what it is told by one when it happened on another server. Every text in it
 * is already {@linkplain SafeText#clean safe}, every name {@linkplain Names#isValid valid}.
 */
public sealed interface RoomEvent {
    /** A line of chat: {@code <alice> hello}. */
    record Said(String name, String text) implements RoomEvent {}

    /** An action: {@code * alice waves}. */
    record Acted(String name, String action) implements RoomEvent {}

    /** {@code -- alice joined}. */
    record Joined(String name) implements RoomEvent {}

    /** {@code -- alice left (reason)}; {@code reason} may be empty. */
    record Left(String name, String reason) implements RoomEvent {}

    /** {@code -- alice is now bob}. */
    record Renamed(String old, String name) implements RoomEvent {}

    /** A private message, {@code *alice* hi}, for {@code to} alone. */
    record Private(String from, String to, String text) implements RoomEvent {}

    /** The line its recipients are sent. */
    default String line() {
        return switch (this) {
            case Said said -> "<" + said.name() + "> " + said.text();
            case Acted acted -> "* " + acted.name() + " " + acted.action();
            case Joined joined -> "-- " + joined.name() + " joined";
            case Left left -> "-- " + left.name() + " left" + (left.reason().isEmpty() ? "" : " (" + left.reason() + ")");
            case Renamed renamed -> "-- " + renamed.old() + " is now " + renamed.name();
            case Private message -> "*" + message.from() + "* " + message.text();
        };
    }

    /** Whether the room keeps it in its history: lines and actions. */
    default boolean kept() {
        return this instanceof Said || this instanceof Acted;
    }
}
