package dev.framekit.demos.compare.report;

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
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws the comparison as one picture: streaming throughput (MB/s) above, ping-pong p50
 * latency (microseconds) below, a group of bars per message size and a bar per contender, both
 * on log scales (the figures span several orders of magnitude). PNG or SVG, by the file's
 * extension; JFreeChart draws, JFreeSVG writes the SVG.
 */
public final class ChartWriter {
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 900;
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf), new Color(0x9467bd),
    };

    private ChartWriter() {}

    /** Writes the chart to {@code file}, a .png or .svg; anything else is an IllegalArgumentException. */
    public static void write(Path file, List<Result> results, Environment environment) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw new IllegalArgumentException("--chart " + file + ": name a .png or .svg file");
        }
        System.setProperty("java.awt.headless", "true");
        JFreeChart throughput = chart("Streaming throughput (payload MB/s, log scale; higher is better)", "MB/s",
                results, Result::megabytesPerSecond);
        JFreeChart latency = chart("Ping-pong round trip p50 (microseconds, log scale; lower is better)", "p50 µs",
                results, Result::p50Micros);
        String subtitle = "framekit compare - " + environment.describe();
        throughput.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        if (svg) {
            SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
            draw(g2, throughput, latency);
            Files.writeString(file, g2.getSVGDocument(), StandardCharsets.UTF_8);
        } else {
            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g2 = image.createGraphics();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw(g2, throughput, latency);
            g2.dispose();
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        }
    }

    private static void draw(Graphics2D g2, JFreeChart top, JFreeChart bottom) {
        g2.setColor(Color.WHITE);
        g2.fillRect(0, 0, WIDTH, HEIGHT);
        top.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT / 2.0));
        bottom.draw(g2, new Rectangle2D.Double(0, HEIGHT / 2.0, WIDTH, HEIGHT / 2.0));
    }

    private static JFreeChart chart(String title, String axis, List<Result> results, ToDoubleFunction<Result> figure) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Result r : results) {
            double value = figure.applyAsDouble(r);
            if (!Double.isNaN(value) && value > 0) {
                data.addValue(value, r.name(), Sizes.format(r.size()));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "message size", axis, data);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new Color(0xf7f7f7));
        plot.setRangeGridlinePaint(Color.GRAY);
        LogAxis log = new LogAxis(axis);
        log.setBase(10);
        log.setTickUnit(new NumberTickUnit(1.0)); // one tick per power of ten
        log.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
        double[] range = range(data);
        log.setRange(range[0], range[1]);
        plot.setRangeAxis(log);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.03);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
        }
        return chart;
    }

    /** From a power of ten below the smallest value to one above the largest. */
    private static double[] range(DefaultCategoryDataset data) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int row = 0; row < data.getRowCount(); row++) {
            for (int column = 0; column < data.getColumnCount(); column++) {
                Number value = data.getValue(row, column);
                if (value != null) {
                    min = Math.min(min, value.doubleValue());
                    max = Math.max(max, value.doubleValue());
                }
            }
        }
        if (max == 0) {
            return new double[] {1, 10};
        }
        return new double[] {Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max)))};
    }
}
