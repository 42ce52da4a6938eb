package org.reconlab.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
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
     * Sets up a logarithmic axis over values from {@code min} to {@code max} (both positive) and returns the map to
     * apply to the data.
     *
     * <p>Over a decade and a half or more, the axis is a linear one over log10 of the values, labelled at whole
     * decades ({@code 10⁻³}) with one grid line each: XChart's own log axes draw a grid line at every minor tick, which
     * buries a plot spanning ten decades, and label decades inconsistently ({@code 1E-4} beside {@code 0.001}). The
     * tick spacing hint is raised so that XChart's step (1, 2 or 5 times a power of ten, in decades) is at least one
     * decade. Over a shorter range, where a decade holds no more than two labels, XChart's log axis is used as is.
     */
    static DoubleUnaryOperator logAxis(AxesChartStyler styler, boolean xAxis, double min, double max) {
        double span = Math.log10(max / min);
        if (!(span >= 1.5)) {
            if (xAxis) {
                styler.setxAxisTickLabelsFormattingFunction(Numbers::decade);
                return Math::log10;
            }
            styler.setYAxisLogarithmic(true);
            styler.setYAxisLogarithmicDecadeOnly(false);
            return DoubleUnaryOperator.identity();
        }
        // An upper bound on the axis length in pixels (a chart widens for a legend at its right, the plot does not):
        // the step XChart derives, span / length * hint, is then at least 0.8 decades, so one decade or more.
        int longest = xAxis ? WIDTH - 100 : HEIGHT - 80;
        int hint = (int) Math.ceil(0.8 * longest / span);
        if (xAxis) {
            styler.setxAxisTickLabelsFormattingFunction(Numbers::decade);
            styler.setXAxisTickMarkSpacingHint(Math.max(hint, styler.getXAxisTickMarkSpacingHint()));
        } else {
            styler.setyAxisTickLabelsFormattingFunction(Numbers::decade);
            styler.setYAxisTickMarkSpacingHint(Math.max(hint, styler.getYAxisTickMarkSpacingHint()));
        }
        return Math::log10;
    }

    private static final Font LEGEND_FONT = new Font(FONT, Font.PLAIN, 14);

    /** Whether the legend entries fit on one line below the plot. */
    private static boolean legendBelow(List<String> legend) {
        FontMetrics metrics = metrics();
        return legend.stream().mapToInt(l -> metrics.stringWidth(l) + 60).sum() < WIDTH - 60;
    }

    private static FontMetrics metrics() {
        return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(LEGEND_FONT);
    }

    /**
     * The width of a chart with this legend: {@link #WIDTH}, plus the legend's own width when it stands to the right
     * of the plot, so that every plot area has about the same size whatever its legend.
     */
    static int width(List<String> legend) {
        if (legend.isEmpty() || legendBelow(legend)) {
            return WIDTH;
        }
        FontMetrics metrics = metrics();
        int widest = legend.stream().mapToInt(metrics::stringWidth).max().orElse(0);
        return Math.min(WIDTH + widest + 70, 2 * WIDTH);
    }

    /**
     * Labels the ticks of a linear axis in the short form of {@link Numbers#format} ({@code 0.08}, not XChart's
     * {@code .08}); values within a billionth of the span from zero are 0, not rounding noise.
     */
    static void linearAxis(AxesChartStyler styler, boolean xAxis, double span) {
        java.util.function.Function<Double, String> label = v -> Math.abs(v) <= 1e-9 * span ? "0" : Numbers.format(v, 4);
        if (xAxis) {
            styler.setxAxisTickLabelsFormattingFunction(label);
        } else {
            styler.setyAxisTickLabelsFormattingFunction(label);
        }
    }

    /**
     * Applies the house style. The legend goes below the plot when its entries fit on one line there (the plot keeps
     * the full width), else to the right of it (see {@link #width}).
     */
    static void apply(AxesChartStyler styler, List<String> legend) {
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
        styler.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        styler.setYAxisTickMarkSpacingHint(60);
        styler.setLegendFont(LEGEND_FONT);
        styler.setLegendBorderColor(new Color(0xbbbbbb));
        styler.setLegendBackgroundColor(Color.WHITE);
        styler.setLegendVisible(!legend.isEmpty());
        if (legendBelow(legend)) {
            styler.setLegendPosition(Styler.LegendPosition.OutsideS);
            styler.setLegendLayout(Styler.LegendLayout.Horizontal);
            styler.setLegendPadding(14);
        } else {
            styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        }
        styler.setLegendSeriesLineLength(28);
        styler.setChartPadding(12);
        styler.setPlotMargin(6);
        styler.setAntiAlias(true);
        styler.setToolTipsEnabled(false);
    }
}
