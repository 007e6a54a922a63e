package dev.framekit.demos.compare.measure;

import java.util.Arrays;
import java.util.List;

/**
 * A figure measured once per round: the median over the rounds and its spread, the interquartile
 * range (the middle half of the rounds: from the 25th to the 75th percentile), and beside it the
 * lowest and highest round. For a ratio taken pair by pair within each round, the spread says how
 * far machine noise moved it; a ratio whose middle half of rounds reaches across 1.0 is no
 * evidence of a difference. The interquartile range, not the extremes, is the reported spread:
 * the extremes of 45 rounds say more about the one noisiest round than about the figure, and
 * they widen with every round added, while the quartiles settle.
 *
 * @param median the median over the rounds
 * @param low the lower quartile (25th percentile) of the rounds
 * @param high the upper quartile (75th percentile) of the rounds
 * @param lowest the lowest round
 * @param highest the highest round
 */
public record Figure(double median, double low, double high, double lowest, double highest) {
    /** No figure: nothing measured, or nothing to compare with. */
    public static final Figure NONE = new Figure(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The median, quartiles and range of {@code rounds}, NaN values left out; {@link #NONE} if none is left. */
    public static Figure of(List<Double> rounds) {
        double[] values = rounds.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return NONE;
        }
        return new Figure(percentile(values, 0.50), percentile(values, 0.25), percentile(values, 0.75), values[0],
                values[values.length - 1]);
    }

    /**
     * The {@code p} quantile of sorted {@code values}, interpolated between the two nearest ranks
     * (as spreadsheets and NumPy do by default), so the 0.5 quantile is the usual median.
     */
    static double percentile(double[] values, double p) {
        double rank = p * (values.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, values.length - 1);
        return values[below] + (rank - below) * (values[above] - values[below]);
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
     * For a ratio: whether it tells its two sides apart, i.e. the middle half of the rounds fell
     * on one side of 1.0. False when the interquartile range reaches across 1.0 (a difference
     * smaller than its spread: a quarter of the rounds or more went the other way).
     */
    public boolean significant() {
        return !isNone() && (low > 1.0 || high < 1.0);
    }

    /** This figure times {@code factor}, spread and all. */
    public Figure times(double factor) {
        return new Figure(median * factor, low * factor, high * factor, lowest * factor, highest * factor);
    }
}
