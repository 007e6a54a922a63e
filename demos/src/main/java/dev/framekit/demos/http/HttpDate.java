package dev.framekit.demos.http;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header's value, formatted at most once a second. */
final class HttpDate {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private static volatile long cachedSecond = -1;
    private static volatile String cached = "";

    private HttpDate() {}

    /** Now, as {@code Tue, 01 Dec 2026 10:26:01 GMT}. */
    static String now() {
        long second = System.currentTimeMillis() / 1000;
        if (second != cachedSecond) {
            cached = IMF_FIXDATE.format(ZonedDateTime.now(ZoneOffset.UTC));
            cachedSecond = second;
        }
        return cached;
    }
}
