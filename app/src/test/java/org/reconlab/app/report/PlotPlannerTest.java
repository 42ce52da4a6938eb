package org.reconlab.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.reconlab.core.engine.SeriesPoint;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;

/** Which plots a run gets, and what they show, on trials made up with known values. */
class PlotPlannerTest {

    private final List<TrialResult> trials = new ArrayList<>();

    private void trial(Map<String, Object> sweep, TrialStatus status, Map<String, Double> finals, List<SeriesPoint> series) {
        int index = trials.size();
        trials.add(new TrialResult(index, 0, sweep, 1000 + index, status, status == TrialStatus.DONE ? "" : "why",
                100, finals, series, 0.1));
    }

    private void trial(Map<String, Object> sweep, Map<String, Double> finals) {
        trial(sweep, TrialStatus.DONE, finals, List.of());
    }

    private static Map<String, Object> point(Object... keysAndValues) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            point.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return point;
    }

    private PlotPlanner.Plan plan(PlotRequest... requests) {
        return PlotPlanner.plan(trials, List.of(requests));
    }

    private static Figure figure(PlotPlanner.Plan plan, String name) {
        return plan.figures().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + name + " among "
                        + plan.figures().stream().map(Figure::name).toList() + "; notes " + plan.notes()));
    }

    private static List<String> names(PlotPlanner.Plan plan) {
        return plan.figures().stream().map(Figure::name).toList();
    }

    /** Legend entries: the series shown in the legend. */
    private static List<String> legend(Figure figure) {
        return ((XYChart) figure.chart()).getSeriesMap().values().stream().filter(XYSeries::isShowInLegend)
                .map(XYSeries::getName).toList();
    }

    @Test
    void exactPowerLawsGetLogLogAxesAndTheirSlopesInTheLegend() {
        for (int depth : new int[] {2, 3}) {
            for (double alpha : new double[] {1e-4, 1e-3, 1e-2, 1e-1}) {
                for (int repetition = 0; repetition < 2; repetition++) {
                    // gap = 3 alpha^(depth - 1): slope 1 for depth 2, 2 for depth 3
                    trial(point("model.depth", depth, "model.scale", alpha),
                            Map.of("gap", 3 * Math.pow(alpha, depth - 1)));
                }
            }
        }
        PlotPlanner.Plan plan = plan();
        Figure loglog = figure(plan, "loglog-gap-vs-model.scale");
        XYChart chart = (XYChart) loglog.chart();
        assertThat(loglog.logX()).isTrue();
        assertThat(loglog.logY()).isTrue();
        // Three decades and more: drawn over log10 of the values, with ticks labelled at decades.
        assertThat(chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(-3.0)).isEqualTo("10\u207b\u00b3");
        assertThat(chart.getSeriesMap().get("depth = 3 (slope 2.00)").getXData()).containsExactly(-4, -3, -2, -1);
        assertThat(chart.getXAxisTitle()).as("a swept key is labelled by its last segment").isEqualTo("scale");
        assertThat(chart.getYAxisTitle()).isEqualTo("final gap");
        assertThat(legend(loglog)).containsExactly("depth = 2 (slope 1.00)", "depth = 3 (slope 2.00)");
        assertThat(loglog.caption()).contains("least-squares fit of log gap on log model.scale");
        // depth takes two values only: against it a linear sweep, no slope; the 2 x 4 grid gets heatmaps.
        Figure byDepth = figure(plan, "sweep-gap-vs-model.depth");
        assertThat(byDepth.logX()).isFalse();
        assertThat(byDepth.logY()).isTrue();
        assertThat(names(plan)).contains("heatmap-gap-model.depth-vs-model.scale");
    }

    @Test
    void valuesWithinTwoDecadesStayOnLinearAxes() {
        for (int m : new int[] {10, 20, 30, 40, 60}) {
            trial(point("measurement.m", m), Map.of("error", 60.0 / m));
        }
        Figure sweep = figure(plan(), "sweep-error-vs-measurement.m");
        XYChart chart = (XYChart) sweep.chart();
        assertThat(sweep.logX()).isFalse();
        assertThat(sweep.logY()).isFalse();
        assertThat(legend(sweep)).as("one line and no fit: no legend needed").isEmpty();
        assertThat(chart.getStyler().isLegendVisible()).isFalse();
        XYSeries line = chart.getSeriesMap().values().iterator().next();
        assertThat(line.getXData()).containsExactly(10, 20, 30, 40, 60);
        assertThat(line.getYData()).containsExactly(6, 3, 2, 1.5, 1);
    }

    @Test
    void aGeometricSweepIsALogScaleKeyAndGetsItsSlope() {
        // d: 8, 16, 32, 64 spans less than two decades, but each value doubles the last: a scaling experiment.
        for (int d : new int[] {8, 16, 32, 64}) {
            trial(point("problem.d", d), Map.of("lipschitz", Math.sqrt(d)));
        }
        Figure loglog = figure(plan(), "loglog-lipschitz-vs-problem.d");
        assertThat(legend(loglog)).containsExactly("slope 0.50");
        // Ticks on the swept values, labelled as such.
        assertThat(((XYChart) loglog.chart()).getStyler().getxAxisTickLabelsFormattingFunction().apply(Math.log10(16)))
                .isEqualTo("16");
        assertThat(Scales.logScaleKey(new double[] {100, 200, 400, 800})).isTrue();
        assertThat(Scales.logScaleKey(new double[] {180, 360, 540, 720, 1080, 1440, 2160})).isFalse();
        assertThat(Scales.logScaleKey(new double[] {1, 2})).isFalse();
        assertThat(Scales.logScaleKey(new double[] {0, 1e-2, 1})).isFalse();
        assertThat(Scales.logScaleKey(new double[] {1e-4, 1e-2})).isTrue();
    }

    @Test
    void seriesLinesAreGeometricMeansOnALogAxisWithMinToMaxBands() {
        for (int repetition = 0; repetition < 2; repetition++) {
            double last = repetition == 0 ? 1e-2 : 1e-4;
            trial(point("model.scale", 0.1), TrialStatus.DONE, Map.of("error", last),
                    List.of(new SeriesPoint(0, "error", 1.0), new SeriesPoint(10, "error", last)));
        }
        for (int repetition = 0; repetition < 2; repetition++) {
            trial(point("model.scale", 0.01), TrialStatus.DONE, Map.of("error", 1e-6),
                    List.of(new SeriesPoint(0, "error", 1.0), new SeriesPoint(10, "error", 1e-6)));
        }
        Figure series = figure(plan(), "series-error");
        XYChart chart = (XYChart) series.chart();
        assertThat(series.logY()).isTrue();
        assertThat(chart.getXAxisTitle()).isEqualTo("iteration");
        assertThat(chart.getYAxisTitle()).isEqualTo("error");
        // Legends name keys by their last part; the caption and axis titles name them in full.
        assertThat(legend(series)).containsExactly("scale = 0.1", "scale = 0.01");
        XYSeries first = chart.getSeriesMap().get("scale = 0.1");
        assertThat(first.getXData()).containsExactly(0, 10);
        // log10 of the values on the chart: 1, then the geometric mean of 1e-2 and 1e-4.
        assertThat(first.getYData()[0]).isCloseTo(0.0, within(1e-12));
        assertThat(first.getYData()[1]).isCloseTo(-3.0, within(1e-12));
        // The band of the first line: upper edge forward, lower edge back.
        XYSeries band = chart.getSeriesMap().get("band 0");
        assertThat(band.getXYSeriesRenderStyle()).isEqualTo(XYSeries.XYSeriesRenderStyle.PolygonArea);
        assertThat(band.getXData()).containsExactly(0, 10, 10, 0);
        assertThat(band.getYData()).containsExactly(new double[] {0, -2, -4, 0}, within(1e-12));
        assertThat(chart.getSeriesMap()).as("identical repetitions have no band").doesNotContainKey("band 1");
        assertThat(series.caption()).contains("mean over the repetitions").contains("minimum to maximum")
                .contains("Log y axis");
    }

    @Test
    void aSingleSweepPointDrawsOneLinePerTrial() {
        for (int repetition = 0; repetition < 3; repetition++) {
            trial(Map.of(), TrialStatus.DONE, Map.of("loss", 1.0),
                    List.of(new SeriesPoint(0, "loss", 2.0 + repetition), new SeriesPoint(5, "loss", 1.0)));
        }
        Figure series = figure(plan(), "series-loss");
        assertThat(legend(series)).containsExactly("trial 0", "trial 1", "trial 2");
        assertThat(names(plan())).containsExactly("series-loss");
    }

    @Test
    void heatmapSuccessRatesCountDivergedTrialsAsFailuresAndLeaveFailedOnesOut() {
        for (int step : new int[] {1, 2, 3}) {
            for (int m : new int[] {10, 20, 30}) {
                trial(point("optimizer.step", step, "measurement.m", m), Map.of("error", m >= 20 ? 1e-8 : 1e-2));
            }
        }
        // Cell (step 1, m 10): one more success, one diverged, one failed: 1 of 3 counted trials succeed.
        trial(point("optimizer.step", 1, "measurement.m", 10), Map.of("error", 1e-9));
        trial(point("optimizer.step", 1, "measurement.m", 10), TrialStatus.DIVERGED, Map.of("error", 1e-9), List.of());
        trial(point("optimizer.step", 1, "measurement.m", 10), TrialStatus.FAILED, Map.of(), List.of());
        PlotPlanner.Plan plan = plan(new PlotRequest(PlotRequest.Kind.HEATMAP, "measurement.m", "optimizer.step", "error",
                1e-6, null, null, null));
        Figure figure = figure(plan, "heatmap-error-success-measurement.m-vs-optimizer.step");
        HeatMapChart chart = (HeatMapChart) figure.chart();
        assertThat(List.copyOf(chart.getHeatMapSeries().getXData())).isEqualTo(List.of("10", "20", "30"));
        assertThat(List.copyOf(chart.getHeatMapSeries().getYData())).isEqualTo(List.of("1", "2", "3"));
        Map<List<Integer>, Double> cells = new LinkedHashMap<>();
        for (Number[] cell : chart.getHeatMapSeries().getHeatData()) {
            cells.put(List.of(cell[0].intValue(), cell[1].intValue()), cell[2].doubleValue());
        }
        assertThat(cells).hasSize(9);
        assertThat(cells.get(List.of(0, 0))).isCloseTo(1.0 / 3.0, within(1e-12));
        assertThat(cells.get(List.of(0, 1))).isEqualTo(0.0);
        assertThat(cells.get(List.of(1, 2))).isEqualTo(1.0);
        assertThat(figure.caption()).contains("a diverged trial counts as a failure").contains("Left out: 1 failed trial.");
        // The automatic heatmap of the mean: the same grid, x the first swept key, colour on a log scale.
        Figure mean = figure(plan, "heatmap-error-optimizer.step-vs-measurement.m");
        assertThat(mean.title()).isEqualTo("log10 of mean final error");
        Number[] first = ((HeatMapChart) mean.chart()).getHeatMapSeries().getHeatData().get(0);
        assertThat(first[2].doubleValue())
                .as("log10 of the geometric mean of 1e-2 and 1e-9").isCloseTo(-5.5, within(1e-12));
    }

    @Test
    void manySweepPointsSplitTheSeriesOverTheFirstKey() {
        for (int a : new int[] {1, 2, 3, 4}) {
            for (int b : new int[] {1, 2, 3, 4}) {
                trial(point("a", a, "b", b), TrialStatus.DONE, Map.of("error", 1.0 / (a + b)),
                        List.of(new SeriesPoint(0, "error", 1.0), new SeriesPoint(1, "error", 1.0 / (a + b))));
            }
        }
        PlotPlanner.Plan plan = plan();
        assertThat(names(plan)).contains("series-error-a=1", "series-error-a=2", "series-error-a=3", "series-error-a=4")
                .doesNotContain("series-error");
        assertThat(legend(figure(plan, "series-error-a=2"))).containsExactly("b = 1", "b = 2", "b = 3", "b = 4");
        assertThat(figure(plan, "series-error-a=2").title()).isEqualTo("error against iteration (a = 2)");
    }

    @Test
    void variantsWithoutANumericKeyAreComparedPointByPoint() {
        for (String variant : List.of("factorized", "pgd", "nuclear")) {
            trial(point("variant", variant), Map.of("error", variant.length() * 0.25));
            trial(point("variant", variant), Map.of("error", variant.length() * 0.75));
        }
        PlotPlanner.Plan plan = plan();
        assertThat(names(plan)).containsExactly("points-error");
        Figure points = figure(plan, "points-error");
        assertThat(points.title()).isEqualTo("final error by variant");
        XYChart chart = (XYChart) points.chart();
        // Evenly spaced points named by their variant, a dot at each mean, a whisker from minimum to maximum.
        assertThat(chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(1.0)).isEqualTo("pgd");
        assertThat(chart.getSeriesMap().get("mean").getXData()).containsExactly(0, 1, 2);
        assertThat(chart.getSeriesMap().get("mean").getYData()).containsExactly(5.0, 1.5, 3.5);
        assertThat(chart.getSeriesMap().get("range 1").getYData()).containsExactly(0.75, 2.25);
        assertThat(points.caption()).contains("whiskers their minimum to maximum");
    }

    @Test
    void vectorMetricsGetTheirComponentsAgainstIteration() {
        List<SeriesPoint> series = new ArrayList<>();
        for (int iteration = 0; iteration <= 20; iteration += 10) {
            for (int k = 0; k < 3; k++) {
                series.add(new SeriesPoint(iteration, "singular-values[" + k + "]", Math.pow(10, -k) * (1 + iteration)));
            }
        }
        trial(Map.of(), TrialStatus.DONE, Map.of("singular-values[0]", 21.0), series);
        Figure figure = figure(plan(), "series-singular-values");
        assertThat(legend(figure)).containsExactly("singular-values[0]", "singular-values[1]", "singular-values[2]");
        assertThat(figure.logY()).isTrue();
    }

    @Test
    void requestsForMetricsOrKeysTheRunLacksBecomeNotes() {
        trial(point("model.scale", 0.1), Map.of("error", 0.5));
        trial(point("model.scale", 0.01), Map.of("error", 0.1));
        PlotPlanner.Plan plan = plan(
                new PlotRequest(PlotRequest.Kind.SWEEP, "model.scale", "eror", null, null, null, null, null),
                new PlotRequest(PlotRequest.Kind.LOGLOG, "model.width", "error", null, null, null, null, null),
                new PlotRequest(PlotRequest.Kind.HEATMAP, "model.scale", "model.width", "error", null, null, null, null));
        assertThat(plan.notes()).containsExactly(
                "sweep plot of eror not drawn: no trial recorded a metric 'eror' (recorded: error)",
                "loglog plot of error against model.width not drawn: model.width is not swept in this run (swept:"
                        + " model.scale)",
                "heatmap of error over model.scale and model.width not drawn: model.width is not swept in this run"
                        + " (swept: model.scale)");
        assertThat(names(plan)).containsExactly("sweep-error-vs-model.scale");
    }

    @Test
    void anEmptyRunHasNothingToPlot() {
        PlotPlanner.Plan plan = plan();
        assertThat(plan.figures()).isEmpty();
        assertThat(plan.notes()).containsExactly("no trial has finished yet: nothing to plot");
    }

    @Test
    void axisLabelsAreTheSweptKeysLastSegmentUnlessThePlotSetsThem() {
        for (int m : new int[] {100, 200, 400}) {
            for (double step : new double[] {0.1, 0.2}) {
                trial(point("measurement.m", m, "optimizer.step", step), Map.of("error", 1.0 / m));
            }
        }
        PlotPlanner.Plan automatic = plan(new PlotRequest(PlotRequest.Kind.HEATMAP, "measurement.m", "optimizer.step",
                "error", null, null, null, null));
        assertThat(figure(automatic, "heatmap-error-measurement.m-vs-optimizer.step").chart().getXAxisTitle())
                .isEqualTo("m");
        assertThat(figure(automatic, "heatmap-error-measurement.m-vs-optimizer.step").chart().getYAxisTitle())
                .isEqualTo("step");

        PlotPlanner.Plan labelled = plan(new PlotRequest(PlotRequest.Kind.SWEEP, "measurement.m", "error", null, null,
                "error against measurements", null, null, "measurements m", "relative error"));
        Figure sweep = labelled.figures().stream().filter(f -> f.title().equals("error against measurements"))
                .findFirst().orElseThrow();
        assertThat(sweep.chart().getXAxisTitle()).isEqualTo("measurements m");
        assertThat(sweep.chart().getYAxisTitle()).isEqualTo("relative error");
    }
}
