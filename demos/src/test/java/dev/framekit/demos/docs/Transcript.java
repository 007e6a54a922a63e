package dev.framekit.demos.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a doc shows a program printing, compared with what it prints now. The shown lines are
 * matched line by line, except for what differs from run to run and machine to machine, which
 * any value matches: a log line's time ({@code 11:03:15.798}), a loopback peer's port
 * ({@code 127.0.0.1:53512}), an HTTP {@code Date:} value, the banner's machine name and LAN
 * addresses, the LAN address in a banner's URL, {@code --host} and {@code nc} command, and the address
 * and name of a server heard on the LAN ({@code discover}, {@code chat-client: joining}), and a TLS
 * certificate's SHA-256 fingerprint ({@code AB:CD:...}, made anew for each key store). A shown line {@code ...} stands for any
 * number of lines, and a shown line ending in {@code " ..."} for any rest of that line.
 */
public final class Transcript {
    private static final String FINGERPRINT = "(?:[0-9A-F]{2}:){31}[0-9A-F]{2}";
    private static final Pattern VOLATILE = Pattern.compile(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}|127\\.0\\.0\\.1:\\d+|(?<=^Date: ).*|(?<=this machine: ).*|(?<=http://)[^/ ]+(?=/)"
            + "|(?<=--host )[^ ]+|(?<= nc )[^ ]+|(?:^|(?<=joining ))\\d[\\d.]*:\\d+  \\S+(?=  framing: )"
            + "|" + Transcript.FINGERPRINT);
    private static final String ELISION = "...";

    private Transcript() {
    }

    /**
     * Compares a whole output with what a doc shows of it.
     *
     * @return null if {@code actual} is what {@code shown} shows, else a description of the first difference
     */
    public static String mismatch(List<String> shown, List<String> actual) {
        return matches(patterns(shown), 0, actual, 0) ? null : describe(shown, actual);
    }

    /**
     * Compares a doc's excerpt with an output: the shown lines must appear together, in order,
     * somewhere in {@code actual} (a log excerpt; the last lines of a dump).
     *
     * @return null if they do, else a description
     */
    public static String excerptMismatch(List<String> shown, List<String> actual) {
        List<Pattern> patterns = new ArrayList<>(patterns(shown));
        patterns.add(0, null);
        patterns.add(null);
        return matches(patterns, 0, actual, 0) ? null : describe(shown, actual);
    }

    /** One pattern per shown line; null for an elided run of lines. */
    private static List<Pattern> patterns(List<String> shown) {
        List<Pattern> patterns = new ArrayList<>();
        for (String line : shown) {
            patterns.add(line.strip().equals(ELISION) ? null : pattern(line));
        }
        return patterns;
    }

    static Pattern pattern(String shown) {
        boolean openEnded = shown.endsWith(" " + ELISION);
        String text = openEnded ? shown.substring(0, shown.length() - ELISION.length()) : shown;
        StringBuilder regex = new StringBuilder();
        Matcher varying = VOLATILE.matcher(text);
        int at = 0;
        while (varying.find()) {
            regex.append(Pattern.quote(text.substring(at, varying.start()))).append(anyLike(varying.group()));
            at = varying.end();
        }
        regex.append(Pattern.quote(text.substring(at)));
        return Pattern.compile(regex + (openEnded ? ".*" : ""));
    }

    private static String anyLike(String value) {
        if (value.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}")) {
            return "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}";
        }
        if (value.matches(FINGERPRINT)) {
            return FINGERPRINT;
        }
        if (value.startsWith("127.0.0.1:")) {
            return "127\\.0\\.0\\.1:\\d+";
        }
        return value.contains(" ") || value.isEmpty() ? ".*" : "[^/ ]+";
    }

    private static boolean matches(List<Pattern> patterns, int p, List<String> actual, int a) {
        if (p == patterns.size()) {
            return a == actual.size();
        }
        Pattern pattern = patterns.get(p);
        if (pattern == null) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(patterns, p + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < actual.size() && pattern.matcher(actual.get(a)).matches() && matches(patterns, p + 1, actual, a + 1);
    }

    private static String describe(List<String> shown, List<String> actual) {
        return "the doc shows:\n  " + String.join("\n  ", shown) + "\nthe program printed:\n  " + String.join("\n  ", actual);
    }
}
