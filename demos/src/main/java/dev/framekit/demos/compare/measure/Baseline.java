package dev.framekit.demos.compare.measure;

/** What every baseline has: its name in the table, and that it is a baseline (no framekit framer). */
abstract class Baseline implements Contender {
    private final String name;

    Baseline(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean baseline() {
        return true;
    }
}
