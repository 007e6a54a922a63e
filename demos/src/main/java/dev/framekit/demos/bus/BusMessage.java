package dev.framekit.demos.bus;

import dev.framekit.demos.chat.room.RoomEvent;
import java.util.List;

/**
 * One message on the bus: which server sent it ({@code origin}, a random id per run), that
 * server's {@code sequence} number for it (1, 2, 3 ... in the order it said them), and what it says.
 */
public record BusMessage(String origin, long sequence, Content content) {
    /** What a bus message says. */
    public sealed interface Content {}

    /** Something said in the room on the origin server. */
    public record Event(RoomEvent event) implements Content {}

    /** A heartbeat: the origin server, called {@code server} in {@code /who}, is up with these members. */
    public record Here(String server, List<String> names) implements Content {
        /** Copies {@code names}. */
        public Here {
            names = List.copyOf(names);
        }
    }

    /** The origin server is shutting down: its members have left. */
    public record Bye(String server) implements Content {}
}
