package dev.framekit.demos.chat.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.framekit.demos.console.Console;
import dev.framekit.demos.server.MemoryBudget;
import dev.framekit.framing.Framer;
import dev.framekit.framing.Framers;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Jazzer fuzz tests of the chat server's logic: the command parser, and a room driven by fake
 * members through joins, lines, leaves and slow reads, all chosen by the fuzz data. A line may
 * also come from a member that has already left: on send-and-close framing a client can still
 * post ({@code SAY}) after its {@code /quit} or after being dropped, until it polls and learns
 * it is gone.
 *
 * <p>The members' lines go into the server's real queues ({@link QueuedMember.Outbox} on the stream
 * framings, {@link PollingMember} on send-and-close), counted against a small
 * {@link MemoryBudget}, so that the budget sheds members along the way. After every step the
 * budget holds exactly what the queues hold and never more than its limit; once every member
 * has gone it holds nothing: no path through the room leaks an account's bytes.
 *
 * <p>Seeds are in {@code src/test/resources/dev/framekit/demos/chat/ChatFuzzTestInputs/<method>/}.
 * To fuzz one for real: {@code JAZZER_FUZZ=1 ./mvnw -o -pl framing,demos test
 * -Dtest='ChatFuzzTest#<method>' -Dsurefire.failIfNoSpecifiedTests=false};
 * {@code JAZZER_MAX_DURATION=5m} overrides the annotation's duration.
 */
class ChatFuzzTest {
    private static final List<String> COMMANDS =
            List.of("/nick ", "/NICK ", "/who", "/me ", "/msg ", "/MSG ", "/quit", "/help", "//", "/", "");

    @FuzzTest(maxDuration = "30s")
    void parsingAnyLineGivesAWellFormedCommand(FuzzedDataProvider data) {
        String line = data.pickValue(COMMANDS) + data.consumeRemainingAsString();
        ChatCommand command = ChatCommand.parse(line);
        assertNotNull(command);
        assertEquals(command, ChatCommand.parse(line), "parsing is deterministic");

        String stripped = SafeText.clean(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        if (!stripped.startsWith("/") || stripped.startsWith("//")) {
            String said = stripped.startsWith("//") ? stripped.substring(1) : stripped;
            assertEquals(new ChatCommand.Say(said), command, "a line that is not a command is said as it is");
            return;
        }
        int space = stripped.indexOf(' ');
        String word = (space < 0 ? stripped : stripped.substring(0, space)).toLowerCase(Locale.ROOT);
        switch (command) {
            case ChatCommand.Nick nick -> {
                assertEquals("/nick", word);
                assertTrue(Names.isValid(nick.name()), nick.name());
            }
            case ChatCommand.Who who -> assertEquals("/who", word);
            case ChatCommand.Me me -> {
                assertEquals("/me", word);
                assertFalse(me.action().isEmpty());
                assertEquals(me.action().strip(), me.action());
            }
            case ChatCommand.Msg msg -> {
                assertEquals("/msg", word);
                assertFalse(msg.name().isEmpty(), "a private message names its recipient");
                assertFalse(msg.name().contains(" "), msg.name());
                assertFalse(msg.text().isBlank(), "a private message says something");
                assertEquals(msg.text().strip(), msg.text());
            }
            case ChatCommand.Quit quit -> assertEquals("/quit", word);
            case ChatCommand.Help help -> assertEquals("/help", word);
            case ChatCommand.File file -> {
                assertEquals(word, file.command());
                assertTrue(List.of("/send", "/accept", "/decline", "/file-offer", "/file-accept", "/file-decline")
                        .contains(word), word);
            }
            case ChatCommand.Invalid invalid -> assertTrue(
                    invalid.problem().startsWith("usage: " + word) || invalid.problem().startsWith("unknown command " + word),
                    invalid.problem());
            case ChatCommand.Say say -> fail("a command was said: " + line);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void aChatRoomStaysConsistentWhateverItsMembersDo(FuzzedDataProvider data) {
        // A budget that never sheds: the steps are the seeds' own; the accounting is checked all the same.
        runRoom(data, unused -> Long.MAX_VALUE / 4);
    }

    @FuzzTest(maxDuration = "60s")
    void aChatRoomUnderATightMemoryBudgetShedsMembersAndLeaksNothing(FuzzedDataProvider data) {
        // Room for a few members' fixed charges and a few KiB of queued lines among them: past that, members are shed.
        runRoom(data, fuzzed -> fuzzed.consumeInt(2, 12) * (long) MemoryBudget.PER_PEER_BYTES + fuzzed.consumeInt(0, 4_000));
    }

    /** Drives a room through the steps the data chooses, with a memory budget of the limit {@code budgetLimit} picks. */
    private static void runRoom(FuzzedDataProvider data, java.util.function.ToLongFunction<FuzzedDataProvider> budgetLimit) {
        int framing = data.consumeInt(0, 3);
        Framer framer = switch (framing) {
            case 0 -> Framers.delimiter("\n").withMaxFrameLength(data.consumeInt(8, 120));
            case 1 -> Framers.fixedLength(data.consumeInt(8, 120)).pad('#');
            case 2 -> Framers.lengthPrefixed().withMaxFrameLength(data.consumeInt(8, 120));
            default -> Framers.sendAndClose(data.consumeInt(72, 200));
        };
        Predicate<String> deliverable = FrameSplitter.deliverable(framer, framing == 3);
        ChatRoom room = new ChatRoom(new Console(new PrintStream(OutputStream.nullOutputStream())), deliverable, "too long", 0, Backpressure.NONE);
        MemoryBudget budget = MemoryBudget.of(budgetLimit.applyAsLong(data));
        Room model = new Room(room, deliverable, budget, framing == 3);

        int steps = data.consumeInt(1, 40);
        for (int step = 0; step < steps && data.remainingBytes() > 0; step++) {
            int action = data.consumeInt(0, 9);
            if (action == 0 || model.all.isEmpty()) {
                model.join(data.consumeBoolean() ? Integer.MAX_VALUE : data.consumeInt(1, 12));
                continue;
            }
            FakeMember member = model.all.get(data.consumeInt(0, model.all.size() - 1));
            switch (action) {
                case 1 -> model.leave(member);
                case 2 -> {
                    member.read();
                    model.check(model.marks(), "read by " + member.name());
                }
                default -> model.handle(member, line(data, model));
            }
            model.leaveShed();
        }
        model.leaveAll();
        assertEquals(0, budget.used(), "every member has gone: the budget must hold nothing (a leak refuses new peers)");
    }

    /** A line as members type them: a command word, a name in the room (or not), some text. */
    private static String line(FuzzedDataProvider data, Room model) {
        String command = data.pickValue(COMMANDS);
        String name = switch (data.consumeInt(0, 2)) {
            case 0 -> data.pickValue(model.all).name();
            case 1 -> data.pickValue(model.all).name().toUpperCase(Locale.ROOT);
            default -> data.consumeString(24);
        };
        String text = data.consumeString(48);
        return switch (data.consumeInt(0, 3)) {
            case 0 -> command + name;
            case 1 -> command + name + " " + text;
            case 2 -> command + text;
            default -> command + text + "\r";
        };
    }

    /** The room under test, and who should be in it. */
    private static final class Room {
        private final ChatRoom room;
        private final Predicate<String> deliverable;
        private final MemoryBudget budget;
        private final boolean polling;
        private final List<FakeMember> all = new ArrayList<>();

        Room(ChatRoom room, Predicate<String> deliverable, MemoryBudget budget, boolean polling) {
            this.room = room;
            this.deliverable = deliverable;
            this.budget = budget;
            this.polling = polling;
        }

        void join(int capacity) {
            FakeMember member = new FakeMember(capacity, budget, polling);
            Map<FakeMember, Integer> before = marks();
            room.join(member, null);
            member.present = !member.disconnected;
            all.add(member);
            check(before, "join of " + member.name());
        }

        void leave(FakeMember member) {
            Map<FakeMember, Integer> before = marks();
            boolean wasPresent = member.present;
            String name = member.name();
            room.leave(member, "");
            member.present = false;
            member.connectionEnded();
            for (FakeMember other : all) {
                List<String> lines = other.since(before.get(other));
                if (other == member || !other.present) {
                    continue;
                }
                if (wasPresent) {
                    assertTrue(other.disconnected || !lines.isEmpty() && lines.get(0).equals("-- " + name + " left"),
                            () -> name + " left and " + other.name() + " was told " + lines);
                } else {
                    assertTrue(lines.isEmpty(), () -> "departed " + name + " left again and " + other.name() + " was told " + lines);
                }
            }
            check(before, "leave of " + name);
        }

        void handle(FakeMember member, String line) {
            Map<FakeMember, Integer> before = marks();
            String name = member.name();
            boolean wasPresent = member.present;
            Set<FakeMember> othersPresent = new HashSet<>();
            for (FakeMember other : all) {
                if (other != member && other.present) {
                    othersPresent.add(other);
                }
            }
            boolean staying = room.handle(member, line);
            ChatCommand command = ChatCommand.parse(line);
            assertEquals(!(command instanceof ChatCommand.Quit), staying, "handle says false exactly for /quit");
            if (!staying) {
                member.present = false;
            }
            String what = (wasPresent ? "" : "departed ") + name + " sending " + show(line);
            if (!wasPresent) {
                for (FakeMember other : all) {
                    if (other != member) {
                        assertTrue(other.since(before.get(other)).isEmpty(),
                                () -> what + " reached " + other.name() + ": " + other.since(before.get(other)));
                    }
                }
            }
            if (wasPresent && command instanceof ChatCommand.Say say && !say.text().isEmpty()) {
                String relayed = "<" + name + "> " + say.text();
                boolean sent = deliverable.test(relayed);
                for (FakeMember other : othersPresent) {
                    List<String> lines = other.since(before.get(other));
                    if (!other.disconnected) {
                        // The line itself, if it fits the framing, then only news of members dropped for falling behind.
                        assertTrue(!sent || !lines.isEmpty() && lines.get(0).equals(relayed),
                                () -> what + ": " + other.name() + " got " + lines);
                        lines.stream().skip(sent ? 1 : 0).forEach(notice -> assertTrue(
                                notice.startsWith("-- ") && notice.contains(" left (disconnected"), what + ": " + notice));
                    } else {
                        assertTrue(other.disconnected, () -> what + ": " + other.name() + " missed it yet is connected");
                    }
                }
            }
            check(before, what);
        }

        /** Members the budget shed leave, as their connections end (the server closes each shed one). */
        void leaveShed() {
            for (FakeMember member : List.copyOf(all)) {
                if (member.shed && !member.ended) {
                    leave(member);
                }
            }
        }

        /** Every member's connection ends. */
        void leaveAll() {
            for (FakeMember member : all) {
                if (!member.ended) {
                    leave(member);
                }
            }
        }

        /** What every member had received before a step. */
        private Map<FakeMember, Integer> marks() {
            Map<FakeMember, Integer> marks = new HashMap<>();
            for (FakeMember member : all) {
                marks.put(member, member.received.size());
            }
            return marks;
        }

        /**
         * After every step: the room holds exactly who should be there, under unique names, and
         * sent well-formed lines; the budget holds what the members' queues hold, within its limit.
         */
        private void check(Map<FakeMember, Integer> before, String step) {
            long counted = 0;
            for (FakeMember member : all) {
                if (!member.ended && !member.shed) {
                    assertEquals(member.queuedCost, member.account.held(),
                            () -> "after " + step + ", " + member.name() + "'s account and queue disagree");
                    counted += member.queuedCost + MemoryBudget.PER_PEER_BYTES;
                }
            }
            assertEquals(counted, budget.used(), () -> "after " + step + ", the budget holds other than its accounts");
            assertTrue(budget.used() <= budget.limit(), () -> "after " + step + ", over the budget: " + budget.used());
            List<String> expected = new ArrayList<>();
            for (FakeMember member : all) {
                if (member.disconnected) {
                    member.present = false;
                }
                if (member.present) {
                    expected.add(member.name());
                }
            }
            List<String> names = room.names();
            assertEquals(new HashSet<>(expected), new HashSet<>(names), () -> "after " + step + ", the room holds " + names);
            assertEquals(expected.size(), names.size(), () -> "after " + step + ", the room holds " + names);
            Set<String> keys = new HashSet<>();
            for (String name : names) {
                assertTrue(keys.add(name.toLowerCase(Locale.ROOT)), () -> "after " + step + ", two members are called " + name);
            }
            for (FakeMember member : all) {
                for (String line : member.since(before.getOrDefault(member, 0))) {
                    boolean notice = line.startsWith("-- ") || line.startsWith("-> *");
                    boolean relayed = line.startsWith("<") || line.startsWith("* ") || line.startsWith("*");
                    assertTrue(notice || relayed, () -> "after " + step + ", " + member.name() + " got " + show(line));
                    assertTrue(notice || deliverable.test(line),
                            () -> "after " + step + ", a line that does not fit the framing was relayed: " + show(line));
                }
            }
        }
    }

    /**
     * A member whose queue holds {@code capacity} unread lines; reading empties it. The lines go
     * into a real queue, as the server's members do: a stream member's {@link QueuedMember.Outbox}, or on
     * send-and-close a {@link PollingMember}, counted against the budget in an account of its own.
     * A member the budget sheds is marked, and leaves after the step, as its closed connection would.
     */
    private static final class FakeMember extends Member {
        final List<String> received = new ArrayList<>();
        final MemoryBudget.Account account;
        private final int capacity;
        private final QueuedMember.Outbox queue;
        private final PollingMember poller;
        private int unread;
        private long acknowledged;
        long queuedCost;
        boolean present;
        boolean disconnected;
        boolean shed;
        boolean ended;

        FakeMember(int capacity, MemoryBudget budget, boolean polling) {
            super("fuzz");
            this.capacity = capacity;
            this.account = budget.open(reason -> shed = true);
            this.queue = polling ? null : new QueuedMember.Outbox(account::add);
            this.poller = polling ? new PollingMember("token", "fuzz", FloodControl.Limits.NONE.start()) : null;
            if (poller != null) {
                poller.account(account::add);
            }
        }

        @Override
        protected long backlog() {
            return 0; // never behind: the fuzzed room drops members only when they can hold no more
        }

        @Override
        protected boolean deliver(String line) {
            if (disconnected || unread >= capacity) {
                return false;
            }
            boolean queued = queue != null ? queue.offer(line) : poller.deliver(line);
            if (queued) {
                unread++;
                received.add(line);
                queuedCost += cost(line);
            }
            return queued;
        }

        @Override
        protected void close(Outbound.Close how) {
            if (poller != null) {
                poller.close(how);
            }
        }

        @Override
        protected void disconnect(String reason) {
            disconnected = true;
            drop();
        }

        /** Drops what is queued, giving it back to the budget. */
        private void drop() {
            if (queue != null) {
                queue.clear();
            } else {
                poller.disconnect("disconnected: too far behind");
            }
            queuedCost = 0;
        }

        /** Takes every queued line, as the member's writer (or its client's polls) would. */
        void read() {
            if (queue != null) {
                while (queue.poll() != null) {
                    // Written to the peer.
                }
            } else {
                try {
                    acknowledged = poller.poll(acknowledged, java.time.Duration.ZERO, Integer.MAX_VALUE).last();
                    poller.poll(acknowledged, java.time.Duration.ZERO, Integer.MAX_VALUE); // acknowledges them
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            unread = 0;
            queuedCost = 0;
        }

        /** The member's connection has ended: what it held is dropped and its account closed, as the server does. */
        void connectionEnded() {
            if (ended) {
                return;
            }
            ended = true;
            drop();
            account.close();
        }

        List<String> since(int mark) {
            return received.subList(mark, received.size());
        }
    }

    private static String show(String line) {
        return "\"" + (line.length() > 80 ? line.substring(0, 80) + "…" : line).replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
