package dev.framekit.demos.compare;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn in place with a carriage return; silent when stderr
 * is not a terminal (piped output and logs stay clean).
 */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean shown;
    private final int total;
    private int done;

    Progress(PrintWriter err, boolean shown, int total) {
        this.err = err;
        this.shown = shown;
        this.total = Math.max(1, total);
    }

    /** A bar shown only when this process has a terminal. */
    static Progress onTerminal(PrintWriter err, int total) {
        return new Progress(err, System.console() != null, total);
    }

    /** One step done; {@code what} says what runs next. */
    void step(String what) {
        done = Math.min(done + 1, total);
        if (!shown) {
            return;
        }
        int filled = done * WIDTH / total;
        String line = String.format("\rcompare [%s%s] %3d%% %-48.48s", "#".repeat(filled), "-".repeat(WIDTH - filled),
                done * 100 / total, what);
        err.print(line);
        err.flush();
    }

    /** Clears the bar. */
    void finish() {
        if (shown) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            err.flush();
        }
    }
}
