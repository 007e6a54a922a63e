package dev.framekit.demos.console;

import java.io.PrintWriter;

/**
 * A one-line progress bar on standard error, redrawn in place with a carriage return, for the
 * long runs ({@code compare}, {@code load}). Shown whenever standard error is a terminal
 * ({@link Terminal#stderrIsTerminal()}), even with standard output redirected to a file; silent
 * otherwise, so piped output and logs stay clean.
 *
 * <pre>
 * compare [#########---------------------]  30% length 1 KiB ping-pong
 * </pre>
 */
public final class Progress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean shown;
    private final String label;
    private long total;
    private long done;
    private boolean drawn;

    /**
     * A bar labelled {@code label} of {@code total} steps, drawn on {@code err} only if
     * {@code shown}.
     */
    public Progress(PrintWriter err, boolean shown, String label, long total) {
        this.err = err;
        this.shown = shown;
        this.label = label;
        this.total = Math.max(1, total);
    }

    /** A bar shown only when standard error is a terminal. */
    public static Progress onTerminal(PrintWriter err, String label, long total) {
        return new Progress(err, Terminal.stderrIsTerminal(), label, total);
    }

    /** {@code steps} more steps than the bar was made with: work found to be needed on the way. */
    public void extend(long steps) {
        total += steps;
    }

    /** One step done; {@code what} says what runs next. */
    public void step(String what) {
        show(done + 1, total, what);
    }

    /** {@code done} of {@code total} done; {@code what} says where the run is. */
    public void show(long done, long total, String what) {
        this.total = Math.max(1, total);
        this.done = Math.max(0, Math.min(done, this.total));
        if (!shown) {
            return;
        }
        int filled = (int) (this.done * WIDTH / this.total);
        err.print(String.format("\r%s [%s%s] %3d%% %-48.48s", label, "#".repeat(filled), "-".repeat(WIDTH - filled),
                this.done * 100 / this.total, what));
        err.flush();
        drawn = true;
    }

    /** Clears the bar, if it was drawn. */
    public void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 60) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
