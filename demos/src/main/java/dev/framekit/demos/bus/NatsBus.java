package dev.framekit.demos.bus;

import dev.framekit.demos.chat.room.ChatCommand;
import dev.framekit.demos.chat.room.RoomEvent;
import dev.framekit.demos.chat.room.RoomLink;
import dev.framekit.demos.console.Console;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A chat room's link to the same room on other servers, over NATS: every event said here is
 * published on the room's subject with this server's origin and next sequence number, and every
 * message heard there from another server goes through {@link Presence} to the room.
 *
 * <p>Every {@link #HEARTBEAT} this server says who is on it; one not heard from for
 * {@link #PRESENCE_TIMEOUT} (three heartbeats) is gone and its members leave. While the bus
 * connection is down, and after it is back until every server known before has been heard again
 * (or the presence timeout has passed), a line for the other servers is refused to its sender
 * with a notice: never taken and then lost. Names are claimed through {@link NameClaims}; when the
 * connection is back, this server sweeps them first (claiming again what the others freed while it
 * was cut off) and only then says who is on it, so that no name is in the room twice.
 */
public final class NatsBus implements RoomLink, AutoCloseable {
    /** How often this server says who is on it. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(1);

    /** How long a server may go unheard before its members are announced as left: three heartbeats. */
    public static final Duration PRESENCE_TIMEOUT = HEARTBEAT.multipliedBy(3);

    /** The most messages heard and not yet taken; past it (or {@link #PENDING_BYTES}) the client drops what comes. */
    static final long PENDING_MESSAGES = 10_000;

    /** The most bytes of messages heard and not yet taken: 4 MiB, whatever the heap. */
    static final long PENDING_BYTES = 4L << 20;

    static final String DOWN = "the bus to the other servers is down (reconnecting); say it again in a moment";

    private final ReentrantLock lock = new ReentrantLock();
    private final String origin;
    private final String subject;
    private final Console log;
    private final Consumer<RoomEvent> room;
    private final Consumer<String> nameLost;
    private final Presence presence;
    /** This server's members, lower case to name, as the room said them. */
    private final Map<String, String> here = new LinkedHashMap<>();
    private Connection connection;
    private NameClaims names;
    private volatile String label;
    private long sequence;
    private volatile boolean connected = true;
    /** Whether the first connection is made: before, the client's complaints end in one line from {@link #start}. */
    private volatile boolean started;
    /** Servers known before the connection was lost and not yet heard since it is back. */
    private final Set<String> awaited = new HashSet<>();
    /** From a reconnect until its sweep has claimed this server's names again: who is here is not said meanwhile. */
    private volatile boolean reclaiming;
    private long awaitedUntil;
    private final long startNanos = System.nanoTime();
    private Thread beat;
    private long lastDropLog;
    private long droppedUnlogged;

    /**
     * @param heard takes each event said on another server
     * @param nameLost takes the name (lower case) of a member here that another server took while
     *     this one was cut off from the bus: the member must take another
     */
    NatsBus(String origin, String room, String label, Console log, Consumer<RoomEvent> heard, Consumer<String> nameLost) {
        this.origin = origin;
        this.subject = "framekit.chat." + room;
        this.label = label;
        this.log = log;
        this.room = heard;
        this.nameLost = nameLost;
        this.presence = new Presence(log::log);
    }

    /** Connects with {@code options}, subscribes, opens the names bucket and starts the heartbeats. */
    void start(io.nats.client.Options.Builder options, String bucket) throws IOException, InterruptedException {
        connection = io.nats.client.Nats.connect(options.connectionListener(this::changed).errorListener(errors()).build());
        names = NameClaims.open(connection, bucket, origin, log::log);
        Dispatcher dispatcher = connection.createDispatcher(this::received);
        dispatcher.setPendingLimits(PENDING_MESSAGES, PENDING_BYTES);
        dispatcher.subscribe(subject);
        try {
            connection.flush(Duration.ofSeconds(5));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("the NATS server did not confirm the subscription within 5 s", e);
        }
        started = true;
        beat = Thread.ofPlatform().daemon().name("bus-heartbeat").start(this::beat);
    }

    /** The server's name in {@code /who} on every server, HOST:PORT once it listens: said on the bus at once. */
    void label(String label) {
        this.label = label;
        locked(() -> publish(new BusMessage.Here(label, List.copyOf(here.values()))));
    }

    private void changed(Connection conn, ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED -> {
                if (connected && started) {
                    connected = false;
                    log.log("bus: lost the connection to the NATS server; reconnecting (lines for the other servers are refused meanwhile)");
                }
            }
            case RECONNECTED -> locked(() -> {
                long now = System.nanoTime();
                awaited.clear();
                awaited.addAll(presence.origins());
                awaitedUntil = now + PRESENCE_TIMEOUT.toNanos();
                presence.heardAll(now);
                connected = true;
                reclaiming = true;
                log.log("bus: reconnected to " + BusOptions.redacted(String.valueOf(conn.getConnectedUrl())));
                sweep(() -> {
                    reclaiming = false;
                    locked(() -> publish(new BusMessage.Here(label, List.copyOf(here.values()))));
                });
            });
            default -> { }
        }
    }

    /** The client's errors, one log line each; none for each failed attempt while reconnecting (one line said it is down). */
    private ErrorListener errors() {
        return new ErrorListener() {
            @Override
            public void errorOccurred(Connection conn, String error) {
                if (started) {
                    log.log("bus: the NATS server says: " + error);
                }
            }

            @Override
            public void slowConsumerDetected(Connection conn, io.nats.client.Consumer consumer) {
                log.log("bus: messages arrive faster than this server takes them; past " + PENDING_MESSAGES
                        + " messages or " + (PENDING_BYTES >> 20) + " MiB waiting, they are dropped (the gap is logged)");
            }

            @Override
            public void exceptionOccurred(Connection conn, Exception exception) {
                if (started && connected && !(exception instanceof IOException)) { // a lost connection is said once, by changed()
                    log.log("bus: " + exception);
                }
            }
        };
    }

    private void received(Message message) {
        BusMessage decoded;
        try {
            decoded = BusCodec.decode(message.getData());
        } catch (MalformedBusMessageException e) {
            dropped(message.getSubject() + ": " + e.getMessage());
            return;
        }
        if (decoded.origin().equals(origin)) {
            return; // never our own (the connection asks the NATS server not to echo them either)
        }
        List<RoomEvent> events = new ArrayList<>();
        locked(() -> {
            events.addAll(presence.heard(decoded, System.nanoTime()));
            awaited.remove(decoded.origin());
        });
        events.forEach(room);
    }

    /** Logs a malformed message: one line a second at most, the next saying how many more there were. On the dispatcher's thread. */
    private void dropped(String why) {
        long now = System.nanoTime();
        if (lastDropLog != 0 && now - lastDropLog < HEARTBEAT.toNanos()) {
            droppedUnlogged++;
            return;
        }
        log.log("bus: dropped a malformed message on " + why
                + (droppedUnlogged == 0 ? "" : " (and " + droppedUnlogged + " more since the last such line)"));
        lastDropLog = now;
        droppedUnlogged = 0;
    }

    /** Every heartbeat: say who is here, forget servers gone quiet, now and then sweep the names. */
    private void beat() {
        long beats = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(HEARTBEAT);
            } catch (InterruptedException e) {
                return;
            }
            List<RoomEvent> left = new ArrayList<>();
            locked(() -> {
                if (connected && !reclaiming) {
                    publish(new BusMessage.Here(label, List.copyOf(here.values())));
                    left.addAll(presence.expire(System.nanoTime() - PRESENCE_TIMEOUT.toNanos()));
                }
            });
            left.forEach(room);
            boolean upLongEnough = System.nanoTime() - startNanos > PRESENCE_TIMEOUT.toNanos();
            if (connected && !reclaiming && upLongEnough && (++beats % 5 == 0 || !left.isEmpty() || names.suspecting())) {
                sweep(() -> { });
            }
        }
    }

    /** Sweeps the names ({@link NameClaims#sweep}), then runs {@code then}. */
    private void sweep(Runnable then) {
        names.sweep(this::alive, () -> {
            Set<String> held = new HashSet<>();
            locked(() -> held.addAll(here.keySet()));
            return held;
        }, PRESENCE_TIMEOUT, nameLost, then);
    }

    private boolean alive(String other) {
        boolean[] known = new boolean[1];
        locked(() -> known[0] = presence.knows(other));
        return known[0];
    }

    /** Whether lines can go to the other servers now. */
    private boolean ready() {
        if (!connected) {
            return false;
        }
        boolean[] ready = new boolean[1];
        locked(() -> {
            if (!awaited.isEmpty() && System.nanoTime() - awaitedUntil >= 0) {
                awaited.clear();
            }
            ready[0] = awaited.isEmpty();
        });
        return ready[0];
    }

    @Override
    public String refusal(ChatCommand command) {
        return switch (command) {
            case ChatCommand.Say say -> say.text().isEmpty() || ready() ? null : "not sent: " + DOWN;
            case ChatCommand.Me me -> ready() ? null : "not sent: " + DOWN;
            case ChatCommand.Msg msg -> elsewhere(msg.name()) == null || ready() ? null : "not sent: " + DOWN;
            case ChatCommand.Nick nick -> ready() ? names.claim(nick.name()) : "names cannot be claimed while " + DOWN;
            default -> null;
        };
    }

    @Override
    public void said(RoomEvent event) {
        locked(() -> {
            switch (event) {
                case RoomEvent.Joined joined -> here.put(key(joined.name()), joined.name());
                case RoomEvent.Left left -> {
                    here.remove(key(left.name()));
                    names.release(left.name());
                }
                case RoomEvent.Renamed renamed -> {
                    here.remove(key(renamed.old()));
                    here.put(key(renamed.name()), renamed.name());
                    if (!key(renamed.old()).equals(key(renamed.name()))) {
                        names.release(renamed.old());
                    }
                }
                default -> { }
            }
            publish(new BusMessage.Event(event));
        });
    }

    /** Publishes with the next sequence number. Call with the lock held. */
    private void publish(BusMessage.Content content) {
        try {
            connection.publish(subject, BusCodec.encode(new BusMessage(origin, ++sequence, content)));
        } catch (RuntimeException e) { // the reconnect buffer is full, or the connection closed
            log.log("bus: not published (" + e.getMessage() + "); the next heartbeat puts the others right");
        }
    }

    @Override
    public String guest(int n) {
        return "guest" + n + "-" + origin.substring(0, 4);
    }

    @Override
    public String elsewhere(String name) {
        String[] found = new String[1];
        locked(() -> found[0] = presence.find(name));
        return found[0];
    }

    @Override
    public String who(List<String> members) {
        StringBuilder who = new StringBuilder();
        int[] count = {members.size()};
        if (!members.isEmpty()) {
            who.append(String.join(", ", members)).append(" (here, ").append(label).append(")");
        }
        locked(() -> presence.members().forEach((server, names) -> {
            count[0] += names.size();
            who.append(who.isEmpty() ? "" : "; ").append(String.join(", ", names)).append(" (").append(server).append(")");
        }));
        return "-- in the room (" + count[0] + "): " + who;
    }

    /**
     * Releases this server's names, then says goodbye on the bus (the others announce its members
     * as left, and may give their names at once), and disconnects. Cut off from the bus, it leaves
     * its names to the others' sweep.
     */
    @Override
    public void close() {
        if (beat != null) {
            beat.interrupt();
        }
        if (connected) {
            locked(() -> here.values().forEach(names::release));
        }
        names.close(); // waits for the releases
        locked(() -> publish(new BusMessage.Bye(label)));
        try {
            connection.flush(Duration.ofSeconds(2));
        } catch (Exception e) {
            // the goodbye is best effort: the others' presence timeout covers it
        }
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
