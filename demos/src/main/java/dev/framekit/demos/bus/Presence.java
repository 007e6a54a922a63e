package dev.framekit.demos.bus;

import dev.framekit.demos.chat.room.RoomEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Who is on the other servers, as heard on the bus, and which of their messages are new. Each
 * origin's messages are taken in its sequence order, once: one at or below the last taken is a
 * duplicate (a reconnect may replay), one past the next says how many were missed. A heartbeat
 * ({@link BusMessage.Here}) says the whole truth about its server: members it lists that were not
 * known are announced as joined, members it no longer lists as left; so a join or leave lost on
 * the bus is put right by the next heartbeat; a rename of a member not known here is a join. Not
 * thread-safe: {@link NatsBus} holds its lock.
 */
final class Presence {
    /** One other server. */
    private static final class Server {
        String label;
        long lastSequence;
        long heardNanos;
        /** Its members, by {@link #key}. */
        final Map<String, String> names = new LinkedHashMap<>();

        Server(String origin) {
            this.label = origin;
        }
    }

    private final Map<String, Server> servers = new HashMap<>();
    private final Consumer<String> log;

    Presence(Consumer<String> log) {
        this.log = log;
    }

    /**
     * Takes a message heard at {@code nanos} (not one of this server's): what the room here must be
     * told of, in order; nothing for a duplicate or a heartbeat that changes nobody.
     */
    List<RoomEvent> heard(BusMessage message, long nanos) {
        Server server = servers.computeIfAbsent(message.origin(), Server::new);
        if (message.sequence() <= server.lastSequence) {
            return List.of(); // already taken: a duplicate
        }
        if (server.lastSequence > 0 && message.sequence() > server.lastSequence + 1) {
            log.accept("bus: missed " + (message.sequence() - server.lastSequence - 1) + " message(s) from "
                    + server.label + "; its next heartbeat puts its members right");
        }
        server.lastSequence = message.sequence();
        server.heardNanos = nanos;
        List<RoomEvent> events = new ArrayList<>(1);
        switch (message.content()) {
            case BusMessage.Event event -> events.add(switch (event.event()) {
                case RoomEvent.Joined joined -> {
                    server.names.put(key(joined.name()), joined.name());
                    yield joined;
                }
                case RoomEvent.Left left -> {
                    server.names.remove(key(left.name()));
                    yield left;
                }
                case RoomEvent.Renamed renamed -> { // of a member not known here (its server was counted gone): a join
                    boolean known = server.names.remove(key(renamed.old())) != null;
                    server.names.put(key(renamed.name()), renamed.name());
                    yield known ? renamed : new RoomEvent.Joined(renamed.name());
                }
                default -> event.event();
            });
            case BusMessage.Here here -> {
                server.label = here.server();
                Map<String, String> listed = new LinkedHashMap<>();
                here.names().forEach(name -> listed.put(key(name), name));
                for (String gone : List.copyOf(server.names.keySet())) {
                    if (!listed.containsKey(gone)) {
                        events.add(new RoomEvent.Left(server.names.remove(gone), ""));
                    }
                }
                listed.forEach((key, name) -> {
                    if (server.names.putIfAbsent(key, name) == null) {
                        events.add(new RoomEvent.Joined(name));
                    }
                });
            }
            case BusMessage.Bye bye -> {
                servers.remove(message.origin());
                server.names.values().forEach(name -> events.add(new RoomEvent.Left(name, "server " + bye.server() + " shut down")));
                // a later message from that origin (none is expected) starts it afresh
            }
        }
        return events;
    }

    /**
     * Forgets the servers last heard from before {@code deadline} (they died without a goodbye, or
     * the bus cut them off): their members leave, and the room here must be told of it.
     */
    List<RoomEvent> expire(long deadline) {
        List<RoomEvent> events = new ArrayList<>();
        servers.values().removeIf(server -> {
            if (server.heardNanos - deadline >= 0) {
                return false;
            }
            log.accept("bus: nothing from " + server.label + " for three heartbeats: its " + server.names.size()
                    + " member(s) have left");
            server.names.values().forEach(name -> events.add(new RoomEvent.Left(name, "server " + server.label + " unreachable")));
            return true;
        });
        return events;
    }

    /** Counts every server as heard at {@code nanos}: after this server's own bus connection was back, a grace time. */
    void heardAll(long nanos) {
        servers.values().forEach(server -> server.heardNanos = nanos);
    }

    /** The origins of the servers known. */
    Set<String> origins() {
        return Set.copyOf(servers.keySet());
    }

    /** Whether {@code origin} is a server known. */
    boolean knows(String origin) {
        return servers.containsKey(origin);
    }

    /** The exact name of the member on another server called {@code name}, ignoring case, or null. */
    String find(String name) {
        for (Server server : servers.values()) {
            String found = server.names.get(key(name));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Each other server's label and its members' names, for {@code /who}. */
    Map<String, List<String>> members() {
        Map<String, List<String>> members = new LinkedHashMap<>();
        servers.values().stream().filter(server -> !server.names.isEmpty())
                .forEach(server -> members.put(server.label, List.copyOf(server.names.values())));
        return members;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
