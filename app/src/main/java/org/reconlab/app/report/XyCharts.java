package org.reconlab.app.report;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reconlab.core.stats.LogLogFit;

/**
 * Draws curves, their bands and fitted power laws as an XChart XY chart in the house style; log axes as
 * {@link ChartStyle#logAxis} sets them up.
 */
final class XyCharts {

    private XyCharts() {
    }

    /**
     * @param sweep whether x holds swept values (few points: markers, and ticks may sit on the values) or iterations
     *     (many points: plain lines, ticks at round numbers)
     */
    static XYChart chart(String title, String xTitle, String yTitle, boolean logX, boolean logY, List<Curve> curves,
            boolean sweep) {
        return chart(title, xTitle, yTitle, logX, logY, curves, sweep, null);
    }

    /**
     * @param ordinal when not null, x holds positions 0, 1, ... of these level labels (an ordinal axis)
     */
    static XYChart chart(String title, String xTitle, String yTitle, boolean logX, boolean logY, List<Curve> curves,
            boolean sweep, List<String> ordinal) {
        boolean markers = sweep;
        List<String> labels = curves.stream().map(XyCharts::legendLabel).filter(l -> !l.isEmpty()).toList();
        XYChart chart = new XYChartBuilder().width(ChartStyle.width(labels)).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler(), labels);
        chart.getStyler().setMarkerSize(8);
        if (ordinal != null) {
            chart.getStyler().setxAxisTickLabelsFormattingFunction(position -> {
                long index = Math.round(position);
                return Math.abs(position - index) < 1e-9 && index >= 0 && index < ordinal.size()
                        ? Numbers.level(ordinal.get((int) index)) : "";
            });
        } else if (!logX) {
            ChartStyle.linearAxis(chart.getStyler(), true, span(curves.stream().map(Curve::x).toList()));
        }
        if (!logY) {
            ChartStyle.linearAxis(chart.getStyler(), false, span(curves.stream()
                    .flatMap(c -> java.util.stream.Stream.of(c.low(), c.high())).toList()));
        }
        DoubleUnaryOperator tx = DoubleUnaryOperator.identity();
        DoubleUnaryOperator ty = DoubleUnaryOperator.identity();
        if (logX) {
            double[] range = range(curves.stream().map(Curve::x).toList());
            tx = ChartStyle.logAxis(chart.getStyler(), true, range[0], range[1]);
        }
        if (logY) {
            double[] range = range(curves.stream().flatMap(c -> java.util.stream.Stream.of(c.low(), c.high())).toList());
            ty = ChartStyle.logAxis(chart.getStyler(), false, range[0], range[1]);
        }
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            if (curve.hasBand()) {
                int n = curve.x().length;
                double[] px = new double[2 * n];
                double[] py = new double[2 * n];
                for (int k = 0; k < n; k++) {
                    px[k] = tx.applyAsDouble(curve.x()[k]);
                    py[k] = ty.applyAsDouble(curve.high()[k]);
                    px[2 * n - 1 - k] = px[k];
                    py[2 * n - 1 - k] = ty.applyAsDouble(curve.low()[k]);
                }
                XYSeries band = chart.addSeries("band " + i, px, py);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                Color fill = ChartStyle.band(ChartStyle.color(i));
                band.setFillColor(fill);
                band.setLineColor(fill);
                band.setLineWidth(0.5f);
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            String label = legendLabel(curve);
            String name = label.isEmpty() ? "line " + i : label;
            for (int copy = 2; !names.add(name); copy++) {
                name = label + " #" + copy;
            }
            XYSeries line = chart.addSeries(name, map(curve.x(), tx), map(curve.center(), ty));
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(ChartStyle.color(i));
            line.setLineStyle(ChartStyle.line(i));
            line.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            line.setMarkerColor(ChartStyle.color(i));
            line.setShowInLegend(!label.isEmpty());
            if (curve.fit().isPresent() && curve.x().length > 1) {
                LogLogFit fit = curve.fit().get();
                double[] fx = {curve.x()[0], curve.x()[curve.x().length - 1]};
                double[] fy = {fit.predict(fx[0]), fit.predict(fx[1])};
                XYSeries fitted = chart.addSeries("fit " + i, map(fx, tx), map(fy, ty));
                fitted.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                fitted.setLineColor(ChartStyle.color(i).darker());
                fitted.setLineStyle(ChartStyle.fitLine());
                fitted.setMarker(SeriesMarkers.NONE);
                fitted.setShowInLegend(false);
            }
        }
        roundTicks(chart, curves, tx, ty, !sweep);
        return chart;
    }

    /**
     * Values at named points (variants compared, say): a dot at each mean, a grey whisker from minimum to maximum, the
     * points evenly spaced along x and labelled with their names.
     */
    static XYChart points(String title, String xTitle, String yTitle, List<String> names, List<Double> mean,
            List<Double> low, List<Double> high, boolean logY) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler(), List.of());
        chart.getStyler().setMarkerSize(12);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        // Room at both ends. (An axis range wider than the points would move XChart's ticks off them: the ticks sit on
        // the points only while the x values are evenly spaced and span the axis.)
        chart.getStyler().setPlotContentSize(names.size() > 1 ? 1.0 - 1.0 / names.size() : 0.5);
        if (names.size() > 5 || names.stream().mapToInt(String::length).sum() > 60) {
            chart.getStyler().setXAxisLabelRotation(30);
        }
        chart.getStyler().setxAxisTickLabelsFormattingFunction(position -> {
            long index = Math.round(position);
            return Math.abs(position - index) < 1e-9 && index >= 0 && index < names.size() ? names.get((int) index) : "";
        });
        double[] lows = low.stream().mapToDouble(Double::doubleValue).toArray();
        double[] highs = high.stream().mapToDouble(Double::doubleValue).toArray();
        DoubleUnaryOperator ty = DoubleUnaryOperator.identity();
        if (logY) {
            double[] range = range(List.of(lows, highs));
            ty = ChartStyle.logAxis(chart.getStyler(), false, range[0], range[1]);
        } else {
            ChartStyle.linearAxis(chart.getStyler(), false, span(List.of(lows, highs)));
        }
        double[] x = new double[names.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            if (highs[i] > lows[i]) {
                XYSeries whisker = chart.addSeries("range " + i, new double[] {i, i},
                        new double[] {ty.applyAsDouble(lows[i]), ty.applyAsDouble(highs[i])});
                whisker.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                whisker.setLineColor(new Color(0x888888));
                whisker.setLineStyle(new java.awt.BasicStroke(2.5f));
                whisker.setMarker(SeriesMarkers.NONE);
                whisker.setShowInLegend(false);
            }
        }
        XYSeries dots = chart.addSeries("mean", x, map(mean.stream().mapToDouble(Double::doubleValue).toArray(), ty));
        dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dots.setMarker(SeriesMarkers.CIRCLE);
        dots.setMarkerColor(ChartStyle.color(0));
        dots.setShowInLegend(false);
        Curve all = new Curve("", x, mean.stream().mapToDouble(Double::doubleValue).toArray(), lows, highs,
                new int[x.length], java.util.Optional.empty());
        roundTicks(chart, List.of(all), DoubleUnaryOperator.identity(), ty, false);
        return chart;
    }

    /**
     * When the values on an axis are equally spaced (iterations recorded every k; a sweep of two points), XChart puts
     * that axis's ticks on the data values, thinned by whatever factor fits ({@code 0, 110, 220, ...}), and labels a
     * plot of two values with those two numbers alone. One invisible point off that lattice, inside the data range,
     * makes it choose round steps (1, 2 or 5 times a power of ten) instead. Swept x values keep their ticks.
     */
    private static void roundTicks(XYChart chart, List<Curve> curves, DoubleUnaryOperator tx, DoubleUnaryOperator ty,
            boolean roundX) {
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Curve curve : curves) {
            for (double[] values : List.of(curve.center(), curve.low(), curve.high())) {
                for (double v : values) {
                    double y = ty.applyAsDouble(v);
                    if (Double.isFinite(y)) {
                        yMin = Math.min(yMin, y);
                        yMax = Math.max(yMax, y);
                    }
                }
            }
        }
        double[] xs = curves.get(0).x();
        if (!(yMax > yMin) || xs.length == 0) {
            return;
        }
        double x = tx.applyAsDouble(xs[0]);
        if (roundX && xs.length > 1) {
            x += (tx.applyAsDouble(xs[1]) - x) / 3;
        }
        XYSeries offLattice = chart.addSeries("ticks", new double[] {x}, new double[] {yMin + (yMax - yMin) / 3});
        offLattice.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        offLattice.setMarker(SeriesMarkers.NONE);
        offLattice.setShowInLegend(false);
    }

    /** The legend text of a curve: its label, with the fitted slope when it has one. */
    static String legendLabel(Curve curve) {
        String label = curve.label();
        if (curve.fit().isPresent()) {
            String slope = String.format(java.util.Locale.ROOT, "slope %.2f", curve.fit().get().slope());
            label = label.isEmpty() ? slope : label + " (" + slope + ")";
        }
        return label;
    }

    /** The largest absolute difference between finite values. */
    private static double span(java.util.Collection<double[]> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] group : values) {
            for (double v : group) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max > min ? max - min : Math.max(Math.abs(max), 1);
    }

    /** The smallest and largest positive finite value. */
    static double[] range(java.util.Collection<double[]> values) {
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
        return new double[] {min, max};
    }

    private static double[] map(double[] values, DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = f.applyAsDouble(values[i]);
        }
        return out;
    }
}
