package dev.framekit.demos.compare.measure;

import dev.framekit.framing.Framer;
import java.util.function.IntFunction;

/**
 * What every framekit contender has: its name in the table, and its framers, made per message
 * size: one for the end that connects and one for the end that accepts (the same rule for every
 * framing but WebSocket, whose client masks and whose server does not).
 */
abstract class FramekitContender implements Contender {
    private final String name;
    private final IntFunction<Framer> framerForSize;
    private final IntFunction<Framer> serverFramerForSize;

    FramekitContender(String name, IntFunction<Framer> framerForSize) {
        this(name, framerForSize, framerForSize);
    }

    FramekitContender(String name, IntFunction<Framer> framerForSize, IntFunction<Framer> serverFramerForSize) {
        this.name = name;
        this.framerForSize = framerForSize;
        this.serverFramerForSize = serverFramerForSize;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean baseline() {
        return false;
    }

    @Override
    public final Framer framer(int size) {
        return framerForSize.apply(size);
    }

    @Override
    public final Framer serverFramer(int size) {
        return serverFramerForSize.apply(size);
    }
}
