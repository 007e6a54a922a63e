package dev.framekit.demos.chat.room;

import java.util.ArrayList;
import java.util.List;

/** A member for tests: records what it is sent, and can be made to fall behind after a number of lines. */
final class RecordingMember extends Member {
    final List<String> received = new ArrayList<>();
    private final int capacity;
    boolean disconnected;
    boolean finished;
    Outbound.Close closedWith;
    /** Stands for a web member ({@link Member#isPage}). */
    boolean page;
    /** Stands for a member that stopped reading: what it receives stays queued, counted in {@link #backlog}. */
    boolean holds;
    private long held;

    RecordingMember(int capacity) {
        super("test");
        this.capacity = capacity;
    }

    RecordingMember() {
        this(Integer.MAX_VALUE);
    }

    @Override
    protected boolean isPage() {
        return page;
    }

    @Override
    protected long backlog() {
        return held;
    }

    @Override
    protected boolean deliver(String line) {
        if (received.size() >= capacity) {
            return false;
        }
        received.add(line);
        held += holds ? cost(line) : 0;
        return true;
    }

    @Override
    protected void close(Outbound.Close how) {
        closedWith = how;
        finished |= how == Outbound.Close.BYE;
    }

    @Override
    protected void disconnect(String reason) {
        disconnected = true;
    }

    String last() {
        return received.get(received.size() - 1);
    }
}
