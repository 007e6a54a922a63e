package dev.framekit.demos.files;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The progress line of a transfer: for a file of 1 MiB or more, one line each time another quarter
 * has passed ({@code -- file 7: 1.5 MiB of 3.0 MiB (50%)}), so a terminal's prompt stays where it is.
 */
final class Progress {
    private static final long SHOWN_FROM = 1 << 20;

    private final Consumer<String> print;
    private final String what;
    private final long size;
    private int quarters;

    /** @param what how the line starts ({@code file 7}) */
    Progress(Consumer<String> print, String what, long size) {
        this.print = print;
        this.what = what;
        this.size = size;
    }

    /** {@code done} bytes have passed. */
    void at(long done) {
        if (size < SHOWN_FROM) {
            return;
        }
        int now = (int) (done * 4 / size);
        if (now > quarters && now < 4) {
            quarters = now;
            print.accept("-- " + what + ": " + size(done) + " of " + size(size) + " (" + now * 25 + "%)");
        }
    }

    /** A size as people read it: 512 bytes, 3.0 KiB, 3.0 MiB, 1.2 GiB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
