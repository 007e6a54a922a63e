package dev.framekit.demos.compare.report;

import dev.framekit.demos.compare.measure.Figure;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How figures are written in tables: grouped counts, fixed decimals, ratios with an x, "-" for none. */
public final class Formats {
    private Formats() {}

    public static String count(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    public static String decimal(double value, int places) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,." + places + "f", value);
    }

    public static String ratio(double value) {
        return Double.isNaN(value) ? "-" : twoPlaces(value) + "x";
    }

    /**
     * Two decimal places, or for a value under 0.1 (a send-and-close rate beside the raw pump's is
     * about 0.0002) two significant digits, so no ratio prints as 0.00.
     */
    private static String twoPlaces(double value) {
        if (value != 0 && Math.abs(value) < 0.1) {
            return new BigDecimal(value).round(new MathContext(2)).toPlainString();
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * A number for the flat formats (CSV and JSON): four decimal places, or four significant digits
     * for a value under 1, so small ratios keep their precision; {@code null} for NaN or infinity.
     */
    public static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        if (value != 0 && Math.abs(value) < 1) {
            return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * A ratio with its spread over the rounds (25th to 75th percentile): {@code 0.95x [0.90-1.02]},
     * marked {@code ~} in front when that range reaches across 1.00x (not significant: the
     * difference is smaller than its spread).
     */
    public static String ratio(Figure figure) {
        if (figure.isNone()) {
            return "-";
        }
        return (figure.significant() ? "" : NOT_SIGNIFICANT) + twoPlaces(figure.median()) + "x ["
                + twoPlaces(figure.low()) + "-" + twoPlaces(figure.high()) + "]";
    }

    /** A ratio without its spread, for the summary: {@code 0.95x}, {@code ~1.02x} when not significant. */
    public static String shortRatio(Figure figure) {
        if (figure.isNone()) {
            return "-";
        }
        return (figure.significant() ? "" : NOT_SIGNIFICANT) + twoPlaces(figure.median()) + "x";
    }

    /** The mark in front of a ratio whose spread reaches across 1.00x. */
    public static final String NOT_SIGNIFICANT = "~";

    /** A figure's spread as plus or minus half its interquartile range, in percent of its median: {@code ±6%}. */
    public static String spread(Figure figure) {
        if (figure.isNone() || figure.median() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "±%.0f%%", 50 * (figure.high() - figure.low()) / figure.median());
    }

    public static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    public static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
