package dev.framekit.demos.chat;

import java.util.ArrayList;
import java.util.List;

/** A member for tests: records what it is sent, and can be made to fall behind after a number of lines. */
final class RecordingMember implements Member {
    final List<String> received = new ArrayList<>();
    private final int capacity;
    private String name = "";
    boolean disconnected;
    boolean finished;

    RecordingMember(int capacity) {
        this.capacity = capacity;
    }

    RecordingMember() {
        this(Integer.MAX_VALUE);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void rename(String name) {
        this.name = name;
    }

    @Override
    public String peer() {
        return "test:" + System.identityHashCode(this);
    }

    @Override
    public boolean deliver(String line) {
        if (received.size() >= capacity) {
            return false;
        }
        received.add(line);
        return true;
    }

    @Override
    public void finish() {
        finished = true;
    }

    @Override
    public void disconnect() {
        disconnected = true;
    }

    String last() {
        return received.get(received.size() - 1);
    }
}
