package dev.framekit.demos.compare.report;

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
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2fx", value);
    }

    public static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    public static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
