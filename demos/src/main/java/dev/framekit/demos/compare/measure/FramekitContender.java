package dev.framekit.demos.compare.measure;

import dev.framekit.framing.Framer;
import java.util.function.IntFunction;

/** What every framekit contender has: its name in the table, and its framer, made per message size. */
abstract class FramekitContender implements Contender {
    private final String name;
    private final IntFunction<Framer> framerForSize;

    FramekitContender(String name, IntFunction<Framer> framerForSize) {
        this.name = name;
        this.framerForSize = framerForSize;
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
}
