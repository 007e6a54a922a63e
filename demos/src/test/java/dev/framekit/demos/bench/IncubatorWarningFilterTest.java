package dev.framekit.demos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** bench's output filter drops the forks' incubator warning line and nothing else. */
class IncubatorWarningFilterTest {
    private static String filter(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (IncubatorWarningFilter filter = new IncubatorWarningFilter(out)) {
            filter.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dropsTheWarningLineWithItsLineEnd() throws IOException {
        assertEquals("# Fork: 1 of 1\n# Warmup Iteration   1: 12.3 ops/s\n", filter("# Fork: 1 of 1\n"
                + IncubatorWarningFilter.WARNING + "\n# Warmup Iteration   1: 12.3 ops/s\n"));
        assertEquals("a\r\nb\r\n", filter("a\r\n" + IncubatorWarningFilter.WARNING + "\r\nb\r\n"));
    }

    @Test
    void keepsEveryOtherLineAsItCameEvenOnesThatBeginLikeTheWarning() throws IOException {
        String text = "WARNING: Using incubator modules: jdk.incubator.foreign\nWARNING: something else\n"
                + "\n" + IncubatorWarningFilter.WARNING + " and more\nIteration   1: ";

        assertEquals(text, filter(text));
    }

    @Test
    void aHalfWrittenLineGoesOutAtOnce() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IncubatorWarningFilter filter = new IncubatorWarningFilter(out);

        filter.write("Iteration   1: ".getBytes(StandardCharsets.US_ASCII));

        assertEquals("Iteration   1: ", out.toString(StandardCharsets.US_ASCII), "not held back until the line ends");
    }
}
