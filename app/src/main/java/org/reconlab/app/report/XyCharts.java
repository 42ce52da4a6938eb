package org.reconlab.app.report;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reconlab.core.stats.LogLogFit;

/** Draws curves, their bands and fitted power laws as an XChart XY chart in the house style. */
final class XyCharts {

    private XyCharts() {
    }

    /**
     * @param markers whether points get markers (sweeps, with few points) or not (series, with many)
     */
    static XYChart chart(String title, String xTitle, String yTitle, boolean logX, boolean logY, List<Curve> curves,
            boolean markers) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler(), curves.size() > 1 || curves.stream().anyMatch(c -> c.fit().isPresent())
                ? curves.size() : 0);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setXAxisTickMarkSpacingHint(110);
        if (logX) {
            ChartStyle.logAxisLabels(chart.getStyler(), true, curves.stream().map(Curve::x).toList());
        }
        if (logY) {
            ChartStyle.logAxisLabels(chart.getStyler(), false, curves.stream()
                    .flatMap(c -> java.util.stream.Stream.of(c.low(), c.high())).toList());
        }
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            if (curve.hasBand()) {
                int n = curve.x().length;
                double[] px = new double[2 * n];
                double[] py = new double[2 * n];
                for (int k = 0; k < n; k++) {
                    px[k] = curve.x()[k];
                    py[k] = curve.high()[k];
                    px[2 * n - 1 - k] = curve.x()[k];
                    py[2 * n - 1 - k] = curve.low()[k];
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
            String label = curve.label();
            if (curve.fit().isPresent()) {
                String slope = String.format(java.util.Locale.ROOT, "slope %.2f", curve.fit().get().slope());
                label = label.isEmpty() ? slope : label + " (" + slope + ")";
            }
            String name = label.isEmpty() ? " " : label;
            for (int copy = 2; !names.add(name); copy++) {
                name = label + " #" + copy;
            }
            XYSeries line = chart.addSeries(name, curve.x(), curve.center());
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
                XYSeries fitted = chart.addSeries("fit " + i, fx, fy);
                fitted.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                fitted.setLineColor(ChartStyle.color(i).darker());
                fitted.setLineStyle(ChartStyle.fitLine());
                fitted.setMarker(SeriesMarkers.NONE);
                fitted.setShowInLegend(false);
            }
        }
        return chart;
    }
}
