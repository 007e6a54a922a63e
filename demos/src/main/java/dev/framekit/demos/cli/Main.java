package dev.framekit.demos.cli;

/** The {@code framekit} command line. */
public final class Main {
    private Main() {}

    /** Runs the CLI. */
    public static void main(String[] args) {
        System.err.println("framekit: no commands yet");
        System.exit(2);
    }
}
