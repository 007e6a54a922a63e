package dev.framekit.framing;

import java.util.Arrays;

/**
 * Whether a framer with several delimiters can carry a message, worked out here by brute force
 * from the rule ("a frame ends at the first byte that completes a delimiter; where several complete
 * there, the longest is stripped"), not by the library: the fuzz tests' independent answer.
 */
final class LineOracle {
    private LineOracle() {}

    /** The length of the longest delimiter ending exactly at {@code end} in {@code bytes}, or 0. */
    private static int longestEndingAt(byte[] bytes, int end, byte[][] delimiters) {
        int longest = 0;
        for (byte[] d : delimiters) {
            if (d.length <= end && Arrays.equals(bytes, end - d.length, end, d, 0, d.length)) {
                longest = Math.max(longest, d.length);
            }
        }
        return longest;
    }

    static boolean carries(byte[][] delimiters, boolean keep, int max, byte[] payload) {
        byte[] wire = keep ? payload : concat(payload, delimiters[0]);
        for (int end = 1; end <= wire.length; end++) {
            int longest = longestEndingAt(wire, end, delimiters);
            if (longest > 0) {
                if (end != wire.length) {
                    return false; // a delimiter ends inside the message
                }
                int line = end - longest;
                return (keep || longest == delimiters[0].length) && line <= max;
            }
        }
        return false; // kept: no delimiter at the end
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
