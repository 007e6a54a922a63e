package dev.framekit.demos.compare.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars (the median over the rounds) with an error bar on each over the middle half of the rounds
 * (25th to 75th percentile): the spread a reader needs to tell a difference from noise.
 */
final class ErrorBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;

    private final Map<String, double[]> ranges = new HashMap<>();

    /** The ends of the error bar of {@code series} in {@code category}: the lower and upper quartile. */
    void range(String series, String category, double low, double high) {
        ranges.put(series + '\u0000' + category, new double[] {low, high});
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        if (pass != getPassCount() - 1) {
            return; // draw over the bars, after every pass that draws them
        }
        double[] range = ranges.get(dataset.getRowKey(row) + "\u0000" + dataset.getColumnKey(column));
        int visibleRow = state.getVisibleSeriesIndex(row);
        if (range == null || visibleRow < 0 || !(range[1] > range[0])) {
            return;
        }
        double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column)
                + state.getBarWidth() / 2;
        RectangleEdge edge = plot.getRangeAxisEdge();
        double low = rangeAxis.valueToJava2D(Math.max(range[0], rangeAxis.getLowerBound()), dataArea, edge);
        double high = rangeAxis.valueToJava2D(Math.min(range[1], rangeAxis.getUpperBound()), dataArea, edge);
        double cap = Math.max(2, state.getBarWidth() / 4);
        g2.setPaint(Color.BLACK);
        g2.setStroke(new BasicStroke(1.0f));
        g2.draw(new Line2D.Double(x, low, x, high));
        g2.draw(new Line2D.Double(x - cap, low, x + cap, low));
        g2.draw(new Line2D.Double(x - cap, high, x + cap, high));
    }
}
