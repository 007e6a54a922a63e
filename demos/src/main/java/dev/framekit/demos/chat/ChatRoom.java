package dev.framekit.demos.chat;

import dev.framekit.demos.console.Console;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The chat room: who is in it, their unique names, and every line that goes between them.
 *
 * <p>Every line is queued to every recipient under one lock, so all members see the same order.
 * Queuing never blocks; a member whose queue is full is disconnected with a notice to the room,
 * and the others carry on, missing nothing.
 */
final class ChatRoom {
    static final String[] HELP = {
        "-- commands: /nick NAME (choose a name), /who (who is here), /me ACTION (* you act),",
        "--           /msg NAME TEXT (private message), /quit (leave), /help (this list);",
        "--           any other line is said to everyone else; start it with // to say a line beginning with /"
    };

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Console log;
    private final Predicate<String> deliverable;
    private final String tooLongHint;
    private int guests;

    /**
     * @param log where joins, leaves and disconnections are logged
     * @param deliverable whether a server-to-client line can be framed (it may be refused, e.g. too long for a fixed frame)
     * @param tooLongHint what to tell a member whose line could not be framed
     */
    ChatRoom(Console log, Predicate<String> deliverable, String tooLongHint) {
        this.log = log;
        this.deliverable = deliverable;
        this.tooLongHint = tooLongHint;
    }

    /** Adds a member under a fresh guest name and announces it. */
    void join(Member member) {
        List<Member> laggards;
        lock.lock();
        try {
            String name;
            do {
                name = "guest" + (++guests);
            } while (members.containsKey(key(name)));
            member.rename(name);
            members.put(key(name), member);
            laggards = sendToOthers(member, "-- " + name + " joined");
            member.deliver("-- welcome, " + name + "; " + (members.size() - 1) + " other(s) here. /nick NAME to choose a name, /help for commands");
        } finally {
            lock.unlock();
        }
        log.log(member.peer() + " joined as " + member.name());
        drop(laggards);
    }

    /** Removes a member, if still present, and announces why. */
    void leave(Member member, String reason) {
        List<Member> laggards;
        lock.lock();
        try {
            if (members.get(key(member.name())) != member) {
                return;
            }
            members.remove(key(member.name()));
            laggards = sendToOthers(member, "-- " + member.name() + " left" + (reason.isEmpty() ? "" : " (" + reason + ")"));
        } finally {
            lock.unlock();
        }
        log.log(member.peer() + " " + member.name() + " left" + (reason.isEmpty() ? "" : ": " + reason));
        drop(laggards);
    }

    /**
     * Handles one line from {@code member}.
     *
     * @return false if the member asked to leave
     */
    boolean handle(Member member, String line) {
        ChatCommand command = ChatCommand.parse(line);
        switch (command) {
            case ChatCommand.Say say -> {
                if (!say.text().isEmpty()) {
                    broadcast(member, "<" + member.name() + "> " + say.text());
                }
            }
            case ChatCommand.Me me -> broadcast(member, "* " + member.name() + " " + me.action());
            case ChatCommand.Nick nick -> rename(member, nick.name());
            case ChatCommand.Who who -> reply(member, who());
            case ChatCommand.Msg msg -> privateMessage(member, msg);
            case ChatCommand.Help help -> {
                for (String helpLine : HELP) {
                    reply(member, helpLine);
                }
            }
            case ChatCommand.Invalid invalid -> reply(member, "-- " + invalid.problem());
            case ChatCommand.Quit quit -> {
                reply(member, "-- bye, " + member.name());
                leave(member, "quit");
                return false;
            }
        }
        return true;
    }

    /** Tells {@code member} alone. */
    void reply(Member member, String line) {
        if (!member.deliver(line)) {
            drop(List.of(member));
        }
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

    private String who() {
        List<String> names = names();
        return "-- in the room (" + names.size() + "): " + String.join(", ", names);
    }

    private void broadcast(Member from, String line) {
        if (!deliverable.test(line)) {
            reply(from, "-- not sent: " + tooLongHint);
            return;
        }
        List<Member> laggards;
        lock.lock();
        try {
            if (members.get(key(from.name())) != from) {
                return;
            }
            laggards = sendToOthers(from, line);
        } finally {
            lock.unlock();
        }
        drop(laggards);
    }

    private void rename(Member member, String name) {
        List<Member> laggards;
        String old = member.name();
        lock.lock();
        try {
            if (members.get(key(old)) != member) {
                // Gone (quit, dropped, timed out) but a line of its was still handled, as a
                // send-and-close client's can be: it must not come back, nor unseat the holder of its old name.
                return;
            }
            if (name.equals(old)) {
                reply(member, "-- you are already " + name);
                return;
            }
            Member holder = members.get(key(name));
            if (holder != null && holder != member) {
                reply(member, "-- the name " + name + " is taken; /who lists the names in use");
                return;
            }
            members.remove(key(old));
            member.rename(name);
            members.put(key(name), member);
            laggards = sendToOthers(member, "-- " + old + " is now " + name);
            member.deliver("-- you are now " + name);
        } finally {
            lock.unlock();
        }
        log.log(member.peer() + " " + old + " is now " + name);
        drop(laggards);
    }

    private void privateMessage(Member from, ChatCommand.Msg msg) {
        String line = "*" + from.name() + "* " + msg.text();
        if (!deliverable.test(line)) {
            reply(from, "-- not sent: " + tooLongHint);
            return;
        }
        Member to;
        lock.lock();
        try {
            if (members.get(key(from.name())) != from) {
                return;
            }
            to = members.get(key(msg.name()));
        } finally {
            lock.unlock();
        }
        if (to == null) {
            reply(from, "-- no one here is called " + msg.name() + "; /who lists the names");
            return;
        }
        reply(to, line);
        reply(from, "-> *" + to.name() + "* " + msg.text());
    }

    /** Queues {@code line} to everyone but {@code from}; returns who could not take it. Call with the lock held. */
    private List<Member> sendToOthers(Member from, String line) {
        List<Member> laggards = new ArrayList<>(0);
        for (Member member : members.values()) {
            if (member != from && !member.deliver(line)) {
                laggards.add(member);
            }
        }
        return laggards;
    }

    /** Disconnects members that fell too far behind, telling the room. */
    private void drop(List<Member> laggards) {
        for (Member laggard : laggards) {
            // Leave first, so the notice carries the reason before the closed connection is noticed.
            leave(laggard, "disconnected: too far behind, its queue of unread messages was full");
            laggard.disconnect();
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
