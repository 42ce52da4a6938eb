package org.reconlab.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.TrialResult;

/**
 * Chooses the plots of a run from its design, then adds those its spec asks for in {@code plots:}.
 *
 * <p>Drawn on its own, for every scalar metric:
 * <ul>
 *   <li>the metric against iteration when it has a series: one line per sweep point (or per trial when there is a
 *       single point), split into one plot per value of the first swept key when there are more than
 *       {@value Figures#MAX_LINES} points;</li>
 *   <li>the final metric against each numeric swept key, one line per value of the other swept keys and variants; on
 *       log-log axes, with the fitted slope in the legend, when both the key and the metric span two decades;</li>
 *   <li>with exactly two swept keys, one of them with three or more values (a phase-transition grid), a heatmap of
 *       the mean final metric, one per variant;</li>
 *   <li>with sweep points but no numeric swept key (variants compared), the final metric at each point.</li>
 * </ul>
 * A vector metric ({@code singular-values}) gets its components against iteration, one plot per sweep point (at most
 * {@value #MAX_FACETS}). Log axes are chosen where values span two decades.
 */
final class PlotPlanner {

    /** At most this many plots of one metric split over the values of a key. */
    static final int MAX_FACETS = 6;

    private PlotPlanner() {
    }

    /** The figures to draw and notes on those left out. */
    record Plan(List<Figure> figures, List<String> notes) {
    }

    static Plan plan(List<TrialResult> trials, List<PlotRequest> requests) {
        Design design = Design.of(trials);
        List<String> notes = new ArrayList<>();
        Figures figures = new Figures(design, notes);
        Map<String, Figure> drawn = new LinkedHashMap<>();
        if (trials.isEmpty()) {
            notes.add("no trial has finished yet: nothing to plot");
            return new Plan(List.of(), notes);
        }
        automatic(design, figures, drawn, notes);
        for (PlotRequest request : requests) {
            requested(design, figures, request, notes).forEach(f -> drawn.put(f.name(), f));
        }
        return new Plan(List.copyOf(drawn.values()), List.copyOf(notes));
    }

    private static void automatic(Design design, Figures figures, Map<String, Figure> drawn, List<String> notes) {
        List<String> varying = design.varying();
        List<String> numeric = varying.stream().filter(design::numeric).toList();
        for (String metric : design.scalarMetrics()) {
            if (design.hasSeries(metric)) {
                series(design, figures, metric, null, null, notes).forEach(f -> drawn.put(f.name(), f));
            }
        }
        design.vectorMetrics().forEach((base, components) -> {
            if (components.stream().anyMatch(design::hasSeries)) {
                Map<List<String>, List<TrialResult>> points = Design.groupBy(design.trials(), varying);
                if (points.size() > MAX_FACETS) {
                    notes.add("series of " + base + " drawn for the first " + MAX_FACETS + " of " + points.size()
                            + " sweep points; ask for others with plots: entries");
                }
                points.entrySet().stream().limit(MAX_FACETS).forEach(point -> figures.components(base, components,
                        new Figures.Scope(point.getValue(), Design.describe(varying, point.getKey())))
                        .ifPresent(f -> drawn.put(f.name(), f)));
            }
        });
        for (String x : numeric) {
            for (String metric : design.scalarMetrics()) {
                figures.sweep(x, metric, null, null, false, null, Figures.MAX_LINES).ifPresent(f -> drawn.put(f.name(), f));
            }
        }
        List<String> grid = varying.stream().filter(f -> !f.equals(ExperimentPlan.VARIANT)).toList();
        if (grid.size() == 2 && grid.stream().anyMatch(f -> design.levels(f).size() >= 3)) {
            for (String metric : design.scalarMetrics()) {
                heatmaps(design, figures, grid.get(0), grid.get(1), metric, null, null, notes)
                        .forEach(f -> drawn.put(f.name(), f));
            }
        }
        if (numeric.isEmpty() && !varying.isEmpty()) {
            for (String metric : design.scalarMetrics()) {
                figures.categories(metric).ifPresent(f -> drawn.put(f.name(), f));
            }
        }
    }

    private static List<Figure> requested(Design design, Figures figures, PlotRequest request, List<String> notes) {
        String metric = request.kind() == PlotRequest.Kind.HEATMAP ? request.z() : request.y();
        if (!design.hasMetric(metric)) {
            notes.add(request.kind().label() + " plot of " + metric + " not drawn: no trial recorded a metric '"
                    + metric + "' (recorded: " + String.join(", ", allMetrics(design)) + ")");
            return List.of();
        }
        List<Figure> drawn = switch (request.kind()) {
            case SERIES -> series(design, figures, metric, request.logY(), request.title(), notes);
            case SWEEP -> figures.sweep(request.x(), metric, request.logX(), request.logY(), false, request.title(),
                    2 * Figures.MAX_LINES).stream().toList();
            case LOGLOG -> figures.sweep(request.x(), metric, true, true, true, request.title(), 2 * Figures.MAX_LINES)
                    .stream().toList();
            case HEATMAP -> heatmaps(design, figures, request.x(), request.y(), metric, request.threshold(),
                    request.title(), notes);
        };
        for (Figure figure : drawn) {
            if (request.xLabel() != null) {
                figure.chart().setXAxisTitle(request.xLabel());
            }
            if (request.yLabel() != null) {
                figure.chart().setYAxisTitle(request.yLabel());
            }
        }
        return drawn;
    }

    /** A series plot, split over the first varying key when one plot would hold too many lines. */
    private static List<Figure> series(Design design, Figures figures, String metric, Boolean logY, String title,
            List<String> notes) {
        List<String> varying = design.varying();
        long points = Design.groupBy(design.trials(), varying).size();
        if (points <= Figures.MAX_LINES || varying.size() < 2) {
            return figures.series(metric, figures.all(), logY, title).stream().toList();
        }
        String facet = varying.get(0);
        Map<List<String>, List<TrialResult>> facets = Design.groupBy(design.trials(), List.of(facet));
        if (facets.size() > MAX_FACETS) {
            notes.add("series of " + metric + " not drawn: " + points + " sweep points would need " + facets.size()
                    + " plots; ask for fewer with a narrower sweep");
            return List.of();
        }
        List<Figure> drawn = new ArrayList<>();
        facets.forEach((level, trials) -> figures.series(metric,
                new Figures.Scope(trials, Design.describe(List.of(facet), level)), logY, title).ifPresent(drawn::add));
        return drawn;
    }

    /** A heatmap over two keys, one per value of the variant (and of any other varying key). */
    private static List<Figure> heatmaps(Design design, Figures figures, String x, String y, String metric,
            Double threshold, String title, List<String> notes) {
        List<String> others = design.varying().stream().filter(f -> !f.equals(x) && !f.equals(y)).toList();
        Map<List<String>, List<TrialResult>> facets = Design.groupBy(design.trials(), others);
        if (facets.size() > MAX_FACETS) {
            notes.add("heatmaps of " + metric + " over " + x + " and " + y + " not drawn: the other swept keys ("
                    + String.join(", ", others) + ") would need " + facets.size() + " of them");
            return List.of();
        }
        List<Figure> drawn = new ArrayList<>();
        facets.forEach((level, trials) -> {
            Optional<Figure> figure = figures.heatmap(x, y, metric, threshold,
                    new Figures.Scope(trials, Design.describe(others, level)), title);
            figure.ifPresent(drawn::add);
        });
        return drawn;
    }

    private static List<String> allMetrics(Design design) {
        List<String> metrics = new ArrayList<>(design.scalarMetrics());
        design.vectorMetrics().values().forEach(metrics::addAll);
        return metrics;
    }
}
