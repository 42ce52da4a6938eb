package org.reconlab.app.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.reconlab.core.engine.SeriesPoint;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;

/**
 * Builds each kind of figure from a run's trials. A figure that cannot be drawn (an unknown key, nothing finite to
 * show, more lines than a reader can tell apart) is skipped with a note saying why; the report lists the notes.
 */
final class Figures {

    /** More lines than this and a legend stops being readable. */
    static final int MAX_LINES = 10;

    private final Design design;
    private final List<String> notes;

    Figures(Design design, List<String> notes) {
        this.design = design;
        this.notes = notes;
    }

    /**
     * A subset of the trials drawn in one figure.
     *
     * @param label what the subset is ({@code variant = pgd}), empty for all trials
     */
    record Scope(List<TrialResult> trials, String label) {

        String suffix() {
            return label.isEmpty() ? "" : "-" + label.replace(" = ", "=").replace(", ", "-");
        }

        String titleSuffix() {
            return label.isEmpty() ? "" : " (" + label + ")";
        }
    }

    Scope all() {
        return new Scope(design.trials(), "");
    }

    /** The factors that take two or more levels among {@code trials}. */
    List<String> varyingIn(Collection<TrialResult> trials) {
        return design.varying().stream()
                .filter(f -> trials.stream().map(t -> Design.level(t, f)).distinct().count() > 1).toList();
    }

    /**
     * A metric against iteration: one line per sweep point (mean and band over repetitions), or one line per trial
     * when the scope is a single sweep point with a few repetitions.
     */
    Optional<Figure> series(String metric, Scope scope, Boolean logYOverride, String title) {
        List<TrialResult> done = Design.done(scope.trials());
        List<String> lineFactors = varyingIn(scope.trials());
        List<String> labels = new ArrayList<>();
        List<List<TrialResult>> lines = new ArrayList<>();
        boolean perTrial = false;
        if (lineFactors.isEmpty()) {
            if (done.size() > 1 && done.size() <= MAX_LINES) {
                perTrial = true;
                for (TrialResult trial : done) {
                    labels.add("trial " + trial.index());
                    lines.add(List.of(trial));
                }
            } else {
                labels.add("");
                lines.add(done);
            }
        } else {
            Map<List<String>, List<TrialResult>> groups = Design.groupBy(scope.trials(), lineFactors);
            if (groups.size() > MAX_LINES) {
                notes.add("series of " + metric + scope.titleSuffix() + " not drawn: " + groups.size() + " sweep points"
                        + " are more lines than a reader can tell apart (at most " + MAX_LINES + ")");
                return Optional.empty();
            }
            groups.forEach((key, trials) -> {
                labels.add(Design.legend(lineFactors, key));
                lines.add(Design.done(trials));
            });
        }
        List<Curve.Raw> raws = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            raws.add(seriesCurve(labels.get(i), lines.get(i), metric));
        }
        String name = "series-" + metric + scope.suffix();
        boolean repeated = lines.stream().anyMatch(l -> l.size() > 1);
        String describe = perTrial ? "One line per trial." : !repeated
                ? (lines.size() > 1 ? "One line per sweep point (a single trial each)." : "")
                : "Lines: mean over the repetitions of each sweep point; bands: their minimum to maximum.";
        return xyFigure(name, title != null ? title : metric + " against iteration" + scope.titleSuffix(), "iteration",
                metric, raws, false, logYOverride, false, false, describe, scope);
    }

    /** The components of a vector metric (singular values, say) against iteration, for one sweep point. */
    Optional<Figure> components(String base, List<String> components, Scope scope) {
        List<TrialResult> done = Design.done(scope.trials());
        if (components.size() > 2 * MAX_LINES) {
            components = components.subList(0, 2 * MAX_LINES);
        }
        List<Curve.Raw> raws = new ArrayList<>();
        for (String component : components) {
            raws.add(seriesCurve(component, done, component));
        }
        String describe = done.size() > 1
                ? "Lines: mean over " + done.size() + " repetitions; bands: their minimum to maximum." : "";
        return xyFigure("series-" + base + scope.suffix(), base + " against iteration" + scope.titleSuffix(),
                "iteration", base, raws, false, null, false, false, describe, scope);
    }

    private static Curve.Raw seriesCurve(String label, List<TrialResult> trials, String metric) {
        TreeMap<Integer, List<Double>> byIteration = new TreeMap<>();
        for (TrialResult trial : trials) {
            for (SeriesPoint point : trial.series(metric)) {
                byIteration.computeIfAbsent(point.iteration(), k -> new ArrayList<>()).add(point.value());
            }
        }
        double[] x = byIteration.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
        List<double[]> values = byIteration.values().stream()
                .map(v -> v.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        return new Curve.Raw(label, x, values);
    }

    /**
     * A final metric against a numeric swept key, one line per combination of the other varying factors, points the
     * mean over repetitions with a min-max band. On log-log axes each line gets its least-squares slope.
     */
    Optional<Figure> sweep(String x, String metric, Boolean logXOverride, Boolean logYOverride, boolean logLog,
            String title, int maxLines) {
        if (!design.numeric(x) || design.levels(x).size() < 2) {
            notes.add((logLog ? "loglog" : "sweep") + " plot of " + metric + " against " + x + " not drawn: " + x
                    + (!design.hasFactor(x) ? " is not swept in this run (swept: " + describe(design.factors()) + ")"
                            : design.levels(x).size() < 2 ? " takes a single value" : " is not numeric"));
            return Optional.empty();
        }
        List<String> lineFactors = design.varying().stream().filter(f -> !f.equals(x)).toList();
        Map<List<String>, List<TrialResult>> groups = Design.groupBy(design.trials(), lineFactors);
        if (groups.size() > maxLines) {
            notes.add("plot of " + metric + " against " + x + " not drawn: one line per value of "
                    + String.join(", ", lineFactors) + " gives " + groups.size() + " lines (at most " + maxLines + ")");
            return Optional.empty();
        }
        List<String> xs = design.levelsByValue(x);
        double[] xValues = xs.stream().mapToDouble(l -> Design.number(l).orElseThrow()).toArray();
        boolean logX = logLog || (logXOverride != null ? logXOverride : Scales.logScaleKey(xValues));
        if (logX && !Scales.allPositive(xValues)) {
            notes.add("plot of " + metric + " against " + x + " not drawn: a log axis needs positive values of " + x);
            return Optional.empty();
        }
        // Values such as noise levels 0, 0.01, 1: no log axis can hold the 0, and a linear one crushes the small ones
        // into it. Such a key is drawn as an ordinal axis: its values evenly spaced, labelled as they are.
        boolean ordinal = !logX && logXOverride == null && !Scales.allPositive(xValues)
                && Scales.spansDecades(List.of(java.util.Arrays.stream(xValues).filter(v -> v > 0).toArray()));
        double[] positions = ordinal ? java.util.stream.IntStream.range(0, xs.size()).asDoubleStream().toArray()
                : xValues;
        List<Curve.Raw> raws = new ArrayList<>();
        groups.forEach((key, trials) -> {
            List<double[]> values = new ArrayList<>();
            for (String level : xs) {
                values.add(Design.done(trials).stream().filter(t -> Design.level(t, x).equals(level))
                        .mapToDouble(t -> t.finalMetrics().getOrDefault(metric, Double.NaN)).toArray());
            }
            raws.add(new Curve.Raw(Design.legend(lineFactors, key), positions, values));
        });
        // Against a log-scale key, a positive metric that changes by a factor of two or more reads best on log axes:
        // a power law is then a straight line, and the fit gives its exponent (a scaling plot).
        List<double[]> yValues = raws.stream().flatMap(r -> r.values().stream()).toList();
        boolean logY = logLog || (logYOverride != null ? logYOverride : Scales.spansDecades(yValues)
                || logX && Scales.spans(yValues, Math.log10(2)) && yValues.stream()
                        .allMatch(v -> java.util.Arrays.stream(v).filter(Double::isFinite).allMatch(e -> e > 0)));
        String kind = logX && logY ? "loglog" : "sweep";
        String describe = "Final " + metric + " (at the last recorded iteration) against " + x
                + (ordinal ? " (its values evenly spaced: they include 0 and span decades)" : "")
                + (lineFactors.isEmpty() ? "" : ", one line per value of " + String.join(", ", lineFactors))
                + (design.trials().stream().mapToInt(TrialResult::repetition).max().orElse(0) > 0
                        ? ". Points: mean over repetitions; bands: their minimum to maximum." : ".");
        return xyFigure(kind + "-" + metric + "-vs-" + x, title != null ? title : "final " + metric + " against " + x,
                x, "final " + metric, raws, logX, logY, true, true, describe, all(), ordinal ? xs : null);
    }

    private Optional<Figure> xyFigure(String name, String title, String xTitle, String yTitle, List<Curve.Raw> raws,
            boolean logX, Boolean logYOverride, boolean markers, boolean fitWhenLogLog, String describe, Scope scope) {
        return xyFigure(name, title, xTitle, yTitle, raws, logX, logYOverride, markers, fitWhenLogLog, describe, scope,
                null);
    }

    private Optional<Figure> xyFigure(String name, String title, String xTitle, String yTitle, List<Curve.Raw> raws,
            boolean logX, Boolean logYOverride, boolean markers, boolean fitWhenLogLog, String describe, Scope scope,
            List<String> ordinal) {
        boolean logY = logYOverride != null ? logYOverride
                : Scales.spansDecades(raws.stream().flatMap(r -> r.values().stream()).toList());
        boolean fit = fitWhenLogLog && logX && logY;
        List<Curve> curves = new ArrayList<>();
        int hidden = 0;
        for (Curve.Raw raw : raws) {
            Curve curve = raw.summarize(logY, fit);
            if (curve.x().length > 0) {
                curves.add(curve);
            }
            hidden += logY ? raw.nonPositive() : 0;
        }
        if (curves.isEmpty()) {
            notes.add(name + " not drawn: no finished trial has a finite" + (logY ? ", positive" : "") + " value of "
                    + yTitle.replace("final ", "") + scope.titleSuffix());
            return Optional.empty();
        }
        XYChart chart = XyCharts.chart(title, axisLabel(xTitle), yTitle, logX, logY, curves, markers, ordinal);
        StringBuilder caption = new StringBuilder(describe);
        if (fit) {
            caption.append(" Dashed: least-squares fit of log ").append(yTitle.replace("final ", "")).append(" on log ")
                    .append(xTitle).append(" through every trial; slopes in the legend.");
        }
        if (logY) {
            caption.append(" Log y axis (geometric means).");
        }
        if (hidden > 0) {
            caption.append(" ").append(hidden).append(hidden == 1 ? " value" : " values")
                    .append(" at or below 0 not shown on the log axis.");
        }
        caption.append(leftOut(scope.trials(), false));
        return Optional.of(new Figure(Figure.fileName(name), title, caption.toString().trim(), chart, logX, logY));
    }

    /**
     * A final metric over the grid of two swept keys: the mean in each cell, or with a threshold the success rate
     * (fraction of trials whose metric is at most the threshold; diverged trials count as failures).
     */
    Optional<Figure> heatmap(String x, String y, String z, Double threshold, Scope scope, String title) {
        for (String key : List.of(x, y)) {
            if (!design.hasFactor(key) || design.levels(key).size() < 2) {
                notes.add("heatmap of " + z + " over " + x + " and " + y + " not drawn: " + key
                        + (design.hasFactor(key) ? " takes a single value" : " is not swept in this run (swept: "
                                + describe(design.factors()) + ")"));
                return Optional.empty();
            }
        }
        if (x.equals(y)) {
            notes.add("heatmap of " + z + " not drawn: x and y are both " + x);
            return Optional.empty();
        }
        List<String> xs = design.numeric(x) ? design.levelsByValue(x) : design.levels(x);
        List<String> ys = design.numeric(y) ? design.levelsByValue(y) : design.levels(y);
        Map<List<String>, List<TrialResult>> cells = Design.groupBy(scope.trials(), List.of(x, y));
        boolean success = threshold != null;
        List<double[]> means = new ArrayList<>();
        Map<List<Integer>, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                List<TrialResult> trials = cells.getOrDefault(List.of(xs.get(i), ys.get(j)), List.of());
                if (success) {
                    List<TrialResult> counted = trials.stream().filter(t -> t.status() != TrialStatus.FAILED).toList();
                    if (!counted.isEmpty()) {
                        long successes = counted.stream().filter(t -> t.status() == TrialStatus.DONE
                                && t.finalMetrics().getOrDefault(z, Double.NaN) <= threshold).count();
                        values.put(List.of(i, j), (double) successes / counted.size());
                    }
                } else {
                    double[] finals = Design.done(trials).stream()
                            .mapToDouble(t -> t.finalMetrics().getOrDefault(z, Double.NaN))
                            .filter(Double::isFinite).toArray();
                    if (finals.length > 0) {
                        means.add(finals);
                        values.put(List.of(i, j), null);
                    }
                }
            }
        }
        if (values.isEmpty()) {
            notes.add("heatmap of " + z + scope.titleSuffix() + " not drawn: no finished trial has a finite value");
            return Optional.empty();
        }
        boolean logColour = !success && Scales.spansDecades(means) && means.stream()
                .allMatch(m -> java.util.Arrays.stream(m).allMatch(v -> v > 0));
        if (!success) {
            int k = 0;
            for (Map.Entry<List<Integer>, Double> cell : values.entrySet()) {
                double[] finals = means.get(k++);
                double sum = 0;
                for (double v : finals) {
                    sum += logColour ? Math.log10(v) : v;
                }
                cell.setValue(sum / finals.length);
            }
        }
        String what = success ? "success rate (" + z + " \u2264 " + Numbers.format(threshold) + ")"
                : (logColour ? "log10 of " : "") + "mean final " + z;
        HeatMapChart chart = new HeatMapChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title != null ? title : what + scope.titleSuffix()).xAxisTitle(axisLabel(x)).yAxisTitle(axisLabel(y)).build();
        ChartStyle.apply(chart.getStyler(), List.of());
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setRangeColors(ChartStyle.HEAT);
        chart.getStyler().setPiecewise(false);
        chart.getStyler().setDrawBorder(true);
        chart.getStyler().setShowValue(xs.size() * ys.size() <= 144);
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        chart.getStyler().setValueFontColor(Color.BLACK);
        double min = values.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        // Cells are labelled through a DecimalFormat pattern (XChart takes no function there), the colour bar alike.
        String pattern = success ? "0.00" : logColour ? "0.0" : Math.max(Math.abs(min), Math.abs(max)) < 1e4
                && values.values().stream().allMatch(v -> v == 0 || Math.abs(v) >= 1e-3) ? "0.###" : "0.##E0";
        chart.getStyler().setHeatMapValueDecimalPattern(pattern);
        chart.getStyler().setHeatMapDecimalValueFormatter(v -> new java.text.DecimalFormat(pattern,
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(v));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        if (success) {
            min = 0;
            max = 1;
        } else {
            // The colour bar prints its ends in full: round them outwards to two significant digits.
            min = Numbers.roundOutward(min, false);
            max = Numbers.roundOutward(max, true);
            if (min == max) {
                max = min + 1;
            }
        }
        chart.getStyler().setMin(min);
        chart.getStyler().setMax(max);
        List<Number[]> data = new ArrayList<>();
        values.forEach((cell, value) -> data.add(new Number[] {cell.get(0), cell.get(1), value}));
        chart.addSeries(what, xs.stream().map(Numbers::level).toList(), ys.stream().map(Numbers::level).toList(), data);
        String caption = (success
                ? "Fraction of trials in each cell whose final " + z + " is at most " + Numbers.format(threshold)
                        + "; a diverged trial counts as a failure."
                : (logColour ? "log10 of the geometric mean of the final " : "Mean final ") + z
                        + " over the repetitions in each cell.")
                + " Empty cells have no finished trial." + leftOut(scope.trials(), success);
        String name = "heatmap-" + z + (success ? "-success" : "") + "-" + x + "-vs-" + y + scope.suffix();
        return Optional.of(new Figure(Figure.fileName(name), title != null ? title : what + scope.titleSuffix(),
                caption.trim(), chart));
    }

    /**
     * A final metric at each sweep point when no swept key is numeric (variants compared, say): the mean of each point
     * with its minimum and maximum over repetitions.
     */
    Optional<Figure> categories(String metric) {
        List<String> factors = design.varying();
        Map<List<String>, List<TrialResult>> points = Design.groupBy(design.trials(), factors);
        List<String> labels = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        points.forEach((key, trials) -> {
            labels.add(factors.size() == 1 ? Numbers.level(key.get(0)) : Design.legend(factors, key));
            values.add(Design.done(trials).stream().mapToDouble(t -> t.finalMetrics().getOrDefault(metric, Double.NaN))
                    .filter(Double::isFinite).toArray());
        });
        boolean logY = Scales.spansDecades(values);
        List<String> shown = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        boolean spread = false;
        for (int i = 0; i < labels.size(); i++) {
            double[] usable = Curve.Raw.usable(values.get(i), logY);
            if (usable.length == 0) {
                continue;
            }
            double center = 0;
            for (double v : usable) {
                center += logY ? Math.log(v) : v;
            }
            center /= usable.length;
            shown.add(labels.get(i));
            mean.add(logY ? Math.exp(center) : center);
            low.add(java.util.Arrays.stream(usable).min().orElseThrow());
            high.add(java.util.Arrays.stream(usable).max().orElseThrow());
            spread |= usable.length > 1;
        }
        if (shown.isEmpty()) {
            notes.add("plot of final " + metric + " not drawn: no finished trial has a finite value");
            return Optional.empty();
        }
        String xTitle = factors.size() == 1 ? factors.get(0) : "sweep point";
        String title = "final " + metric + " by " + xTitle;
        XYChart chart = XyCharts.points(title, axisLabel(xTitle), "final " + metric, shown, mean, low, high, logY);
        String caption = "Final " + metric + " at each sweep point" + (spread
                ? ": dots the mean over repetitions, whiskers their minimum to maximum" : "") + "."
                + (logY ? " Log y axis (geometric means)." : "") + leftOut(design.trials(), false);
        return Optional.of(new Figure(Figure.fileName("points-" + metric), title, caption.trim(), chart, false, logY));
    }

    /**
     * The axis title of a swept key: its last segment ({@code m} for {@code measurement.m}, {@code scale} for
     * {@code model.scale}), the name a paper's figure uses; the full key stays in the title and the caption.
     */
    static String axisLabel(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** Which trials a figure leaves out, as a caption sentence (empty when none). */
    private static String leftOut(List<TrialResult> trials, boolean divergedCounted) {
        Map<TrialStatus, Long> counts = new TreeMap<>();
        for (TrialResult trial : trials) {
            if (trial.status() != TrialStatus.DONE && !(divergedCounted && trial.status() == TrialStatus.DIVERGED)) {
                counts.merge(trial.status(), 1L, Long::sum);
            }
        }
        if (counts.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((status, count) -> parts.add(count + " " + status.label()));
        return " Left out: " + String.join(", ", parts) + (counts.values().stream().mapToLong(Long::longValue).sum() == 1
                ? " trial." : " trials.");
    }

    private static String describe(List<String> factors) {
        return factors.isEmpty() ? "nothing" : String.join(", ", new TreeSet<>(factors));
    }
}
