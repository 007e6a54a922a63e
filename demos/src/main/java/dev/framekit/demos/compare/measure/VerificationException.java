package dev.framekit.demos.compare.measure;

/**
 * A run delivered something other than what was sent: a message lost, duplicated, reordered or
 * altered. compare prints no figures after one; it says what differed and exits non-zero.
 */
public final class VerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VerificationException(String message) {
        super(message);
    }

    /** Throws unless {@code received} matches {@code expected}. */
    public static void check(String what, Tally expected, Tally received) {
        if (!received.sameAs(expected)) {
            throw new VerificationException(what + ": received " + received + ", but sent " + expected
                    + " (a message was lost, duplicated, reordered or altered)");
        }
    }
}
