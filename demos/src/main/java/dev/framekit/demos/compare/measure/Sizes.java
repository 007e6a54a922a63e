package dev.framekit.demos.compare.measure;

/** Message sizes as shown in reports: 16 B, 1 KiB, 64 KiB, 1 MiB. */
public final class Sizes {
    private Sizes() {}

    /** Shows a size in binary units: 16 B, 1 KiB, 64 KiB, 1 MiB. */
    public static String format(long bytes) {
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= (1 << 10) && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }
}
