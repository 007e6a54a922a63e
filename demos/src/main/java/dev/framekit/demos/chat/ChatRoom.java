package dev.framekit.demos.chat;

import dev.framekit.demos.console.Console;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The chat room: who is in it, their unique names, and every line that goes between them.
 *
 * <p>Every line is queued to every recipient under one lock, so all members see the same order.
 * Queuing never blocks; a member whose queue is full is disconnected with a notice to the room,
 * and the others carry on, missing nothing.
 *
 * <p>The room owns each member's time in it: {@link #join} lets it in; it leaves exactly once,
 * by {@code /quit} (the room then {@link Member#finish finishes} it), by falling too far behind
 * (the room {@link Member#disconnect disconnects} it) or by {@link #leave} when its connection
 * ends. Whatever a call does happens under the lock in one {@link Turn}; the members it left
 * behind are dropped after the lock is released, one after another, never by re-entering.
 */
final class ChatRoom {
    static final String[] HELP = {
        "-- commands: /nick NAME (choose a name), /who (who is here), /me ACTION (* you act),",
        "--           /msg NAME TEXT (private message), /quit (leave), /help (this list);",
        "--           any other line is said to everyone else; start it with // to say a line beginning with /;",
        "--           a name is " + Names.RULE + ", unique ignoring case",
        "--           (" + String.join(", ", new java.util.TreeSet<>(Names.RESERVED)) + " are reserved);",
        "--           control characters, escapes and invisible characters are shown as marks such as ␤ and [U+202E]"
    };

    private static final String TOO_FAR_BEHIND = "disconnected: too far behind, its queue of unread messages was full";

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Console log;
    private final Predicate<String> deliverable;
    private final String tooLongHint;
    private final History history;
    private int guests;
    /** Set by {@link #shutDown}: the last thing a member is told is that the server is shutting down. */
    private boolean closing;

    /**
     * @param log where joins, leaves and disconnections are logged
     * @param deliverable whether a server-to-client line can be framed (it may be refused, e.g. too long for a fixed frame)
     * @param tooLongHint what to tell a member whose line could not be framed
     */
    ChatRoom(Console log, Predicate<String> deliverable, String tooLongHint) {
        this(log, deliverable, tooLongHint, 0);
    }

    /**
     * A room that sends a member who joins its last {@code historyLines} messages and actions
     * (at most {@link History#MAX_BYTES} of them), marked as history.
     */
    ChatRoom(Console log, Predicate<String> deliverable, String tooLongHint, int historyLines) {
        this.log = log;
        this.deliverable = deliverable;
        this.tooLongHint = tooLongHint;
        this.history = new History(historyLines, History.MAX_BYTES);
    }

    /** What one call did, settled once the lock is released: lines to log, members to drop. */
    private static final class Turn {
        final List<String> logLines = new ArrayList<>(1);
        final ArrayDeque<Member> laggards = new ArrayDeque<>(0);
    }

    /** Adds a member under a fresh guest name and announces it. */
    void join(Member member) {
        join(member, null);
    }

    /**
     * Adds a member and announces it: under {@code wanted} if that is a valid name nobody has
     * (the room then sees {@code -- alice joined} and the member {@code -- you are now alice}),
     * else under a fresh guest name, telling the member why {@code wanted} was refused.
     *
     * @param wanted the name asked for on joining, or null
     */
    void join(Member member, String wanted) {
        act(turn -> {
            if (closing) {
                tell(member, SHUTTING_DOWN, turn); // arrived while the server says goodbye: nobody is told of it
                return null;
            }
            String refusal = wanted == null ? null : nameRefusal(member, wanted);
            String name = wanted;
            if (wanted == null || refusal != null) {
                do {
                    name = "guest" + (++guests);
                } while (members.containsKey(key(name)));
            }
            member.rename(name);
            members.put(key(name), member);
            sendToOthers(member, "-- " + name + " joined", turn);
            tell(member, "-- welcome, " + name + "; " + (members.size() - 1)
                    + " other(s) here. /nick NAME to choose a name, /help for commands", turn);
            if (wanted != null) {
                tell(member, refusal == null ? "-- you are now " + name : "-- " + refusal, turn);
            }
            for (String line : history.marked()) {
                tell(member, line, turn);
            }
            turn.logLines.add(member.peer() + " joined as " + name);
            return null;
        });
    }

    /** Why {@code member} cannot take {@code name}, or null. Call with the lock held. */
    private String nameRefusal(Member member, String name) {
        String problem = Names.problem(name);
        if (problem != null) {
            return "usage: /nick NAME; " + problem;
        }
        Member holder = members.get(key(name));
        return holder != null && holder != member ? "the name " + name + " is taken; /who lists the names in use" : null;
    }

    /** The member's connection ended: it leaves, with {@code reason} (may be empty), unless it already has. */
    void leave(Member member, String reason) {
        act(turn -> remove(member, reason, turn));
    }

    /**
     * Handles one line from {@code member}. A line from a member that has left (a send-and-close
     * client can post after /quit, until its next poll says it is gone), or any line once the
     * server is {@linkplain #shutDown shutting down}, changes nothing.
     *
     * @return false if the member asked to leave
     */
    boolean handle(Member member, String line) {
        ChatCommand command = ChatCommand.parse(line);
        return act(turn -> closing ? true
                : present(member) ? apply(member, command, turn) : !(command instanceof ChatCommand.Quit));
    }

    /** What every member is told when the server stops. */
    static final String SHUTTING_DOWN = "-- server shutting down";

    /**
     * The server is stopping: every member is told {@link #SHUTTING_DOWN}, then this waits up
     * to {@code flush} for their writers to send it before their connections are closed. It is
     * the last line each is sent: the leaves that follow, as the connections close, are logged
     * but not announced, and a connection that arrives meanwhile is told it and does not join.
     */
    void shutDown(java.time.Duration flush) {
        act(turn -> {
            closing = true;
            for (Member member : members.values()) {
                tell(member, SHUTTING_DOWN, turn);
            }
            turn.logLines.add("telling " + members.size() + " member(s) the server is shutting down");
            return null;
        });
        try {
            Thread.sleep(flush);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tells {@code member} alone. */
    void reply(Member member, String line) {
        act(turn -> {
            tell(member, line, turn);
            return null;
        });
    }

    /** Names of everyone in the room. */
    List<String> names() {
        lock.lock();
        try {
            return members.values().stream().map(Member::name).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} as one turn under the lock, then settles the turn; returns what the action returned. */
    private <T> T act(Function<Turn, T> action) {
        Turn turn = new Turn();
        T result;
        lock.lock();
        try {
            result = action.apply(turn);
        } finally {
            lock.unlock();
        }
        settle(turn);
        return result;
    }

    /** Carries out one command of a member who is present. Call with the lock held. */
    private boolean apply(Member member, ChatCommand command, Turn turn) {
        switch (command) {
            case ChatCommand.Say say -> {
                if (!say.text().isEmpty()) {
                    broadcast(member, "<" + member.name() + "> " + say.text(), turn);
                }
            }
            case ChatCommand.Me me -> broadcast(member, "* " + member.name() + " " + me.action(), turn);
            case ChatCommand.Nick nick -> rename(member, nick.name(), turn);
            case ChatCommand.Who who -> tell(member, "-- in the room (" + members.size() + "): "
                    + String.join(", ", members.values().stream().map(Member::name).toList()), turn);
            case ChatCommand.Msg msg -> privateMessage(member, msg, turn);
            case ChatCommand.Help help -> {
                for (String helpLine : HELP) {
                    tell(member, helpLine, turn);
                }
            }
            case ChatCommand.Invalid invalid -> tell(member, "-- " + invalid.problem(), turn);
            case ChatCommand.Quit quit -> {
                tell(member, "-- bye, " + member.name(), turn);
                remove(member, "quit", turn);
                member.finish();
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code line} can be framed to its recipients: the one place the room asks. When it
     * cannot, the sender is told and nothing is sent. Call with the lock held.
     */
    private boolean fits(Member from, String line, Turn turn) {
        if (deliverable.test(line)) {
            return true;
        }
        tell(from, "-- not sent: " + tooLongHint, turn);
        return false;
    }

    /** Sends a message or action to everyone else and keeps it in the history. */
    private void broadcast(Member from, String line, Turn turn) {
        if (fits(from, line, turn)) {
            sendToOthers(from, line, turn);
            history.add(SafeText.clean(line));
        }
    }

    private void rename(Member member, String name, Turn turn) {
        String old = member.name();
        if (name.equals(old)) {
            tell(member, "-- you are already " + name, turn);
            return;
        }
        String refusal = nameRefusal(member, name);
        if (refusal != null) {
            tell(member, "-- " + refusal, turn);
            return;
        }
        members.remove(key(old));
        member.rename(name);
        members.put(key(name), member);
        sendToOthers(member, "-- " + old + " is now " + name, turn);
        tell(member, "-- you are now " + name, turn);
        turn.logLines.add(member.peer() + " " + old + " is now " + name);
    }

    private void privateMessage(Member from, ChatCommand.Msg msg, Turn turn) {
        String line = "*" + from.name() + "* " + msg.text();
        if (!fits(from, line, turn)) {
            return;
        }
        Member to = members.get(key(msg.name()));
        if (to == null) {
            tell(from, "-- no one here is called " + msg.name() + "; /who lists the names", turn);
            return;
        }
        tell(to, line, turn);
        tell(from, "-> *" + to.name() + "* " + msg.text(), turn);
    }

    /** Whether {@code member} is still in the room: the one identity check. Call with the lock held. */
    private boolean present(Member member) {
        return members.get(key(member.name())) == member;
    }

    /**
     * Takes {@code member} out of the room and tells the others, if it is still in: a member
     * leaves once. Call with the lock held.
     *
     * @return whether it was in the room
     */
    private boolean remove(Member member, String reason, Turn turn) {
        if (!present(member)) {
            return false;
        }
        members.remove(key(member.name()));
        if (!closing) {
            sendToOthers(member, "-- " + member.name() + " left" + (reason.isEmpty() ? "" : " (" + reason + ")"), turn);
        }
        turn.logLines.add(member.peer() + " " + member.name() + " left" + (reason.isEmpty() ? "" : ": " + reason));
        return true;
    }

    /**
     * Queues {@code line}, {@linkplain SafeText#clean made safe to print}, to {@code member}; one
     * that cannot take it is dropped after this turn. Call with the lock held.
     */
    private void tell(Member member, String line, Turn turn) {
        if (!member.deliver(SafeText.clean(line))) {
            turn.laggards.add(member);
        }
    }

    /** Queues {@code line}, made safe to print, to everyone but {@code from}. Call with the lock held. */
    private void sendToOthers(Member from, String line, Turn turn) {
        String safe = SafeText.clean(line);
        for (Member member : members.values()) {
            if (member != from && !member.deliver(safe)) {
                turn.laggards.add(member);
            }
        }
    }

    /**
     * Logs what the turn did and drops the members it left behind, one at a time: each leaves
     * (the notice carries the reason before the closed connection is noticed), then is
     * disconnected; a member that misses that notice is dropped in its turn, by this same loop.
     */
    private void settle(Turn turn) {
        while (!turn.laggards.isEmpty()) {
            Member laggard = turn.laggards.poll();
            lock.lock();
            boolean removed;
            try {
                removed = remove(laggard, TOO_FAR_BEHIND, turn);
            } finally {
                lock.unlock();
            }
            if (removed) {
                laggard.disconnect();
            }
        }
        turn.logLines.forEach(log::log);
    }

    private static String key(String name) {
        return Names.key(name);
    }
}
