package org.reconlab.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The look shared by every plot: white background, light grid, fonts large enough to read when the figure is shrunk
 * to a column of a paper, and a colour-blind-safe palette (Tableau 10), with dashes once the colours run out.
 */
final class ChartStyle {

    static final int WIDTH = 900;
    static final int HEIGHT = 600;

    private static final Color[] PALETTE = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    /**
     * The upper half of viridis (teal to yellow) for heatmaps: perceptually uniform and monotone in lightness, and
     * light enough everywhere for black cell labels to stay readable (XChart labels every cell in one colour).
     */
    static final Color[] HEAT = {
            new Color(0x21918c), new Color(0x28ae80), new Color(0x5ec962), new Color(0xaddc30), new Color(0xfde725)};

    private static final String FONT = Font.SANS_SERIF;

    private ChartStyle() {
    }

    static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** A translucent version of a line colour, for its band. */
    static Color band(Color line) {
        return new Color(line.getRed(), line.getGreen(), line.getBlue(), 56);
    }

    /** Solid lines for the first ten curves, then dashed, then dotted. */
    static BasicStroke line(int index) {
        int round = index / PALETTE.length;
        return switch (round) {
            case 0 -> new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            case 1 -> new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 5f}, 0f);
            default -> new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 5f}, 0f);
        };
    }

    static BasicStroke fitLine() {
        return new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    }

    /**
     * Tick labels of a log axis. XChart labels decades in its own format ({@code 1E-4} beside {@code 0.001}); when the
     * values reach below 10^-3 or above 10^4, every label is put in one scientific form instead ({@code 1E-3}).
     * (A custom label function would switch XChart back to a linear axis, so a pattern it is.)
     */
    static void logAxisLabels(AxesChartStyler styler, boolean xAxis, java.util.Collection<double[]> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] group : values) {
            for (double v : group) {
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min < 1e-3 || max >= 1e4) {
            if (xAxis) {
                styler.setXAxisDecimalPattern("0E0");
            } else {
                styler.setYAxisDecimalPattern("0E0");
            }
        }
    }

    static void apply(AxesChartStyler styler, int legendEntries) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(true);
        styler.setPlotBorderColor(new Color(0x555555));
        styler.setPlotGridLinesVisible(true);
        styler.setPlotGridLinesColor(new Color(0xe6e6e6));
        styler.setPlotGridLinesStroke(new BasicStroke(0.8f));
        styler.setChartFontColor(Color.BLACK);
        styler.setChartTitleFont(new Font(FONT, Font.BOLD, 18));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, 17));
        styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 14));
        styler.setAxisTickLabelsColor(Color.BLACK);
        styler.setAxisTickMarksColor(new Color(0x555555));
        styler.setAxisTicksLineVisible(false);
        styler.setLegendFont(new Font(FONT, Font.PLAIN, 14));
        styler.setLegendBorderColor(new Color(0xbbbbbb));
        styler.setLegendBackgroundColor(Color.WHITE);
        styler.setLegendVisible(legendEntries > 0);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendSeriesLineLength(28);
        styler.setChartPadding(12);
        styler.setPlotMargin(6);
        styler.setAntiAlias(true);
        styler.setToolTipsEnabled(false);
    }
}
