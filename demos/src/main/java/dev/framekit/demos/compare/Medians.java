package dev.framekit.demos.compare;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The median of several trials: the figure least moved by one noisy trial. */
final class Medians {
    private Medians() {}

    static <T> double of(List<T> trials, ToDoubleFunction<T> figure) {
        double[] values = trials.stream().mapToDouble(figure).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    static double ratio(double value, double base) {
        return base > 0 && !Double.isNaN(value) ? value / base : Double.NaN;
    }
}
