package dev.framekit.demos.chat.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Who is in a {@link ChatRoom} on this server, by name (unique ignoring case), first come first.
 * Not thread-safe: the room holds its lock.
 */
final class Roster {
    private final Map<String, Member> members = new LinkedHashMap<>();
    private int guests;

    /** The member called {@code name} (ignoring case), or null. */
    Member get(String name) {
        return members.get(Names.key(name));
    }

    /** Whether {@code member} is in: the one identity check. */
    boolean present(Member member) {
        return get(member.name()) == member;
    }

    void add(Member member) {
        members.put(Names.key(member.name()), member);
    }

    void remove(Member member) {
        members.remove(Names.key(member.name()));
    }

    int size() {
        return members.size();
    }

    Collection<Member> all() {
        return members.values();
    }

    List<String> names() {
        return members.values().stream().map(Member::name).toList();
    }

    /** A fresh guest's name, as {@code link} makes them, that nobody here has. */
    String guest(RoomLink link) {
        String name;
        do {
            name = link.guest(++guests);
        } while (members.containsKey(Names.key(name)));
        return name;
    }

    /** Why {@code member} cannot take {@code name}, or null. */
    String nameRefusal(Member member, String name) {
        String problem = Names.problem(name);
        if (problem != null) {
            return "usage: /nick NAME; " + problem;
        }
        Member holder = get(name);
        return holder != null && holder != member ? "the name " + name + " is taken; /who lists the names in use" : null;
    }

    /** Who is here as a web page is told ({@link Signal.Roster}): as many names, first come first, as can be framed. */
    String signal(Predicate<String> deliverable) {
        List<String> names = new ArrayList<>(names());
        String line;
        while (!deliverable.test(line = new Signal.Roster(names).line()) && names.size() > 1) {
            names.removeLast();
        }
        return line;
    }
}
