package dev.framekit.demos.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.framekit.demos.compare.measure.Contenders;
import dev.framekit.demos.compare.measure.Figure;
import dev.framekit.demos.compare.measure.Qualities;
import dev.framekit.demos.compare.measure.Result;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart, drawn from a results list: a real PNG, an SVG naming every contender, a colour for each. */
class ChartWriterTest {
    @TempDir
    Path dir;

    /** A row whose every figure is {@code value} with a spread of ±10 % (quartiles) and ±30 % (extremes). */
    private static Result row(String name, Result.Kind kind, int size, double value) {
        Figure f = Figure.of(List.of(value * 0.7, value * 0.9, value, value * 1.1, value * 1.3));
        return new Result(name, kind, size, f, f, f, null, Figure.NONE, null, Figure.NONE, f, value, value, f,
                Figure.NONE, f, f, f, f, f, size + 4.0, 400.0 / size, 0, 1000, 1000,
                new Qualities(true, true, "1 MiB", "-"));
    }

    private static List<Result> sample() {
        List<Result> results = new ArrayList<>();
        for (int size : List.of(16, 1024)) {
            results.add(row("length", Result.Kind.FRAMEKIT, size, 0.002 * size)); // tiny values: drawn above the axis floor
            results.add(row("websocket", Result.Kind.FRAMEKIT, size, 3.0 * size));
            results.add(row("raw pump", Result.Kind.BASELINE, size, 5.0 * size));
        }
        return results;
    }

    @Test
    void everyContenderOfADefaultRunGetsAColourOfItsOwn() {
        int contenders = Contenders.FRAMINGS.size() + 3 + 4; // framings, three baselines, four Netty rows
        Set<Color> colours = new HashSet<>();
        for (int i = 0; i < contenders + 2; i++) { // and room for a user's framer or two
            colours.add(ChartWriter.color(i));
        }
        assertEquals(contenders + 2, colours.size(), "series sharing a colour cannot be told apart");
    }

    @Test
    void writesAPngOfFourPanelsAndAnSvgThatNamesEveryContenderAndItsSpread() throws Exception {
        Environment environment = Environment.current("one CPU (cpu 1 of 0-1)");

        Path png = dir.resolve("c.png");
        ChartWriter.write(png, sample(), environment, ChartWriter.Scale.LOG);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG ImageIO can read");
        assertEquals(1400, image.getWidth());
        assertEquals(4 * 480, image.getHeight());

        Path svg = dir.resolve("c.svg");
        ChartWriter.write(svg, sample(), environment, ChartWriter.Scale.LINEAR);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), text.substring(0, Math.min(80, text.length())));
        for (String name : List.of("length", "websocket", "raw pump")) {
            assertTrue(text.contains(name), "the legend names " + name);
        }
        assertTrue(text.contains("25th to 75th percentile"), "the subtitle says what the error bars are");
        assertTrue(text.contains("linear scale"), "the panels say which scale");
    }

    @Test
    void aLogAxisStartsBelowTheShortestBarSoEveryBarIsDrawn() {
        for (double smallest : new double[] {0.0003, 0.23, 1, 9.9, 10, 14, 15, 99, 150, 65_000}) {
            double floor = ChartWriter.logAxisFloor(smallest);
            assertTrue(floor < smallest, smallest + ": the axis starts at " + floor);
            assertTrue(floor >= smallest / 15, smallest + ": the axis starts at " + floor + ", needlessly low");
            assertEquals(Math.round(Math.log10(floor)), Math.log10(floor), 1e-9, "a power of ten: " + floor);
        }
        assertEquals(0.1, ChartWriter.logAxisFloor(0.23), 1e-12);
        assertEquals(1, ChartWriter.logAxisFloor(10), 1e-12);
    }

    @Test
    void aFileThatIsNeitherPngNorSvgIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChartWriter.write(dir.resolve("c.jpg"), sample(),
                Environment.current("x"), ChartWriter.Scale.LOG));
    }
}
