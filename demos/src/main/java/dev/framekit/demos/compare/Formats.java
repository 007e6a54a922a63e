package dev.framekit.demos.compare;

import java.util.Locale;

/** How figures are written in tables: grouped counts, fixed decimals, ratios with an x, "-" for none. */
final class Formats {
    private Formats() {}

    static String count(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    static String decimal(double value, int places) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,." + places + "f", value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2fx", value);
    }

    static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
