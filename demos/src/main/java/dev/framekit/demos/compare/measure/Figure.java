package dev.framekit.demos.compare.measure;

import java.util.Arrays;
import java.util.List;

/**
 * A figure measured once per round: the median over the rounds and its spread, the lowest and
 * highest round. For a ratio taken pair by pair within each round, the spread says how far machine
 * noise moved it; a ratio whose spread reaches across 1.0 is no evidence of a difference.
 *
 * @param median the median over the rounds
 * @param low the lowest round
 * @param high the highest round
 */
public record Figure(double median, double low, double high) {
    /** No figure: nothing measured, or nothing to compare with. */
    public static final Figure NONE = new Figure(Double.NaN, Double.NaN, Double.NaN);

    /** The median and range of {@code rounds}, NaN values left out; {@link #NONE} if none is left. */
    public static Figure of(List<Double> rounds) {
        double[] values = rounds.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return NONE;
        }
        int middle = values.length / 2;
        double median = values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return new Figure(median, values[0], values[values.length - 1]);
    }

    /** Ratios {@code a[i] / b[i]}, round by round, as a figure. */
    public static Figure ratios(double[] a, double[] b) {
        Double[] ratios = new Double[Math.min(a.length, b.length)];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = b[i] > 0 && !Double.isNaN(a[i]) ? a[i] / b[i] : Double.NaN;
        }
        return of(Arrays.asList(ratios));
    }

    public boolean isNone() {
        return Double.isNaN(median);
    }

    /**
     * For a ratio: whether it tells its two sides apart, i.e. every round fell on the same side
     * of 1.0. False when the spread reaches across 1.0 (a difference smaller than its spread).
     */
    public boolean significant() {
        return !isNone() && (low > 1.0 || high < 1.0);
    }

    /** This figure times {@code factor}, spread and all. */
    public Figure times(double factor) {
        return new Figure(median * factor, low * factor, high * factor);
    }
}
