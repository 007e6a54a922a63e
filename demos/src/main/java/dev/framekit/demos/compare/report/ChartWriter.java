package dev.framekit.demos.compare.report;

import dev.framekit.demos.compare.measure.Figure;
import dev.framekit.demos.compare.measure.Result;
import dev.framekit.demos.compare.measure.Sizes;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws the comparison as one picture, four panels: streaming throughput (MB/s), ping-pong p50
 * (microseconds), CPU per message streamed (nanoseconds) and heap bytes allocated per message; a
 * group of bars per message size and a bar per contender. Each bar is the median over the rounds,
 * with an error bar over the middle half of the rounds (25th to 75th percentile) and its value written above it. The
 * first three panels use a log scale by default (the figures span orders of magnitude; it hides
 * 2x differences) or a linear one ({@link Scale}); allocation, often zero, is always linear. On a
 * log scale the axis starts below the smallest bar, so every bar is drawn. PNG or SVG, by the
 * file's extension; JFreeChart draws, JFreeSVG writes the SVG.
 */
public final class ChartWriter {
    /** The value axes: logarithmic or linear. */
    public enum Scale { LOG, LINEAR }

    private static final int WIDTH = 1400;
    private static final int PANEL = 480;
    private static final int HEIGHT = 4 * PANEL;
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x393b79), new Color(0x637939),
        new Color(0xad494a), new Color(0x3182bd), new Color(0x31a354), new Color(0x756bb1),
        new Color(0xe6550d), new Color(0x7b4173), new Color(0x843c39), new Color(0x9ecae1),
        new Color(0xfdae6b), new Color(0xa1d99b), new Color(0xc994c7), new Color(0x525252),
    };

    /**
     * Where a log axis starts for bars whose smallest value (lowest quartile) is {@code smallest}:
     * the power of ten at or below a third less than it, so even the shortest bar shows as a bar
     * rather than vanishing below the axis (0.23 MB/s starts the axis at 0.1; 10 at 1).
     */
    static double logAxisFloor(double smallest) {
        return Math.pow(10, Math.floor(Math.log10(Math.max(smallest, 1e-9) / 1.5)));
    }

    /** The colour of the {@code series}-th contender: a distinct one for each of the first 24. */
    static Color color(int series) {
        return COLORS[series % COLORS.length];
    }

    private ChartWriter() {}

    /** Writes the chart to {@code file}, a .png or .svg; anything else is an IllegalArgumentException. */
    public static void write(Path file, List<Result> results, Environment environment, Scale scale) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw new IllegalArgumentException("--chart " + file + ": name a .png or .svg file");
        }
        System.setProperty("java.awt.headless", "true");
        String on = scale == Scale.LOG ? "log scale" : "linear scale";
        List<JFreeChart> panels = List.of(
                chart("Streaming throughput (payload MB/s, " + on + "; higher is better)", "MB/s", results,
                        Result::megabytesPerSecond, scale),
                chart("Ping-pong round trip p50 (microseconds, " + on + "; lower is better)", "p50 µs", results,
                        Result::p50Micros, scale),
                chart("CPU per message streamed, sender + receiver threads (ns, " + on + "; lower is better)",
                        "CPU ns/msg", results, Result::cpuNanosPerMessage, scale),
                chart("Heap allocated per message streamed, sender + receiver (bytes, linear scale; lower is better)",
                        "alloc B/msg", results, Result::allocatedBytesPerMessage, Scale.LINEAR));
        // Two lines, not one: a long environment line is wrapped by the chart, and a wrap inside the
        // bar legend would split it across two text elements.
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        panels.get(0).addSubtitle(new org.jfree.chart.title.TextTitle("framekit compare - " + environment.describe(), small));
        panels.get(0).addSubtitle(new org.jfree.chart.title.TextTitle(
                "bars: median of the rounds; error bars: 25th to 75th percentile of the rounds", small));
        if (svg) {
            SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
            draw(g2, panels);
            Files.writeString(file, g2.getSVGDocument(), StandardCharsets.UTF_8);
        } else {
            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g2 = image.createGraphics();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw(g2, panels);
            g2.dispose();
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        }
    }

    private static void draw(Graphics2D g2, List<JFreeChart> panels) {
        g2.setColor(Color.WHITE);
        g2.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < panels.size(); i++) {
            panels.get(i).draw(g2, new Rectangle2D.Double(0, i * PANEL, WIDTH, PANEL));
        }
    }

    private static JFreeChart chart(String title, String axis, List<Result> results, Function<Result, Figure> figure,
            Scale scale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ErrorBarRenderer renderer = new ErrorBarRenderer();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Result r : results) {
            Figure value = figure.apply(r);
            boolean drawable = !value.isNone() && (scale == Scale.LINEAR ? value.median() >= 0 : value.median() > 0);
            if (drawable) {
                String size = Sizes.format(r.size());
                data.addValue(value.median(), r.name(), size);
                renderer.range(r.name(), size, value.low(), value.high());
                min = Math.min(min, scale == Scale.LOG ? value.low() : value.median());
                max = Math.max(max, value.high());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "message size", axis, data);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new Color(0xf7f7f7));
        plot.setRangeGridlinePaint(Color.GRAY);
        plot.setRenderer(renderer);
        if (max == 0) {
            max = 1;
            min = 1;
        }
        if (scale == Scale.LOG) {
            LogAxis log = new LogAxis(axis);
            log.setBase(10);
            log.setTickUnit(new NumberTickUnit(1.0)); // one tick per power of ten
            log.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
            double lower = logAxisFloor(min);
            log.setRange(lower, Math.pow(10, Math.ceil(Math.log10(max * 3))));
            plot.setRangeAxis(log);
            renderer.setBase(lower);
        } else {
            NumberAxis linear = new NumberAxis(axis);
            linear.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
            linear.setRange(0, max * 1.25);
            plot.setRangeAxis(linear);
            renderer.setBase(0);
        }
        renderer.setIncludeBaseInRange(false);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.03);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0.##")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.CENTER_LEFT,
                TextAnchor.CENTER_LEFT, -Math.PI / 2));
        renderer.setItemLabelAnchorOffset(8);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, color(i));
        }
        return chart;
    }
}
