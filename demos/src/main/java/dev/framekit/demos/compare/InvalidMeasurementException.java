package dev.framekit.demos.compare;

import java.util.List;

/**
 * A contender beat the raw pump's ceiling (or the raw ping-pong's floor) by more than its spread
 * in every round: the measurement is wrong (a contender skipped work, or the baseline is not the
 * fastest honest way), so compare reports no figures and exits non-zero.
 */
final class InvalidMeasurementException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidMeasurementException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
