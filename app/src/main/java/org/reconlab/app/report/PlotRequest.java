package org.reconlab.app.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.reconlab.app.spec.SpecError;

/**
 * One entry of a spec's optional {@code plots:} list: a plot drawn in addition to those reconlab chooses on its own
 * (see {@link PlotPlanner}). Four kinds, each with its keys:
 *
 * <pre>
 * plots:
 *   - { kind: series,  y: relative-error }                  # a metric against iteration; log-y, title optional
 *   - { kind: sweep,   x: measurement.m, y: test-error }    # final metric against a swept key; log-x, log-y, title
 *   - { kind: loglog,  x: model.scale, y: test-error }      # the same on log-log axes, fitted slope in the legend
 *   - { kind: heatmap, x: measurement.m, y: problem.condition-number, z: relative-error, threshold: 1.0e-6 }
 * </pre>
 *
 * <p>{@code x} (and a heatmap's {@code y}) name a swept key as written under {@code sweep:}, or {@code variant};
 * {@code y} (and a heatmap's {@code z}) name a metric as recorded ({@code test-error}, {@code singular-values[0]}).
 * A heatmap colours each cell by the mean of {@code z}, or, with {@code threshold}, by the success rate: the fraction
 * of trials with {@code z <= threshold} (a diverged trial counts as a failure). {@code log-x} and {@code log-y}
 * (true or false) override the automatic choice of axis scale; {@code x-label} and {@code y-label} set the axis
 * titles (by default a swept key is labelled by its last segment, {@code m} for {@code measurement.m}, and a metric
 * by its name). Whether x and y exist in a run is checked when the
 * plots are drawn: a spec run with {@code --set} that removes a swept key still runs, and the report says which plot
 * it skipped and why.
 *
 * @param x swept key on the horizontal axis (sweep, loglog, heatmap), else null
 * @param y metric (series, sweep, loglog) or swept key on the vertical axis (heatmap)
 * @param z the metric a heatmap colours by, else null
 * @param threshold success threshold of a heatmap, or null for the mean
 * @param title the plot title, or null for the automatic one
 * @param logX log-scale x, or null for automatic
 * @param logY log-scale y, or null for automatic
 * @param xLabel the x axis title, or null for the automatic one
 * @param yLabel the y axis title, or null for the automatic one
 */
public record PlotRequest(Kind kind, String x, String y, String z, Double threshold, String title, Boolean logX,
        Boolean logY, String xLabel, String yLabel) {

    /** What a plot shows. */
    public enum Kind {
        /** A metric against iteration. */
        SERIES(List.of("kind", "y", "log-y", "title", "x-label", "y-label"), List.of("y"),
                "a metric against iteration"),
        /** A final metric against a swept key. */
        SWEEP(List.of("kind", "x", "y", "log-x", "log-y", "title", "x-label", "y-label"), List.of("x", "y"),
                "a final metric against a swept key"),
        /** A final metric against a swept key on log-log axes, with the least-squares slope in the legend. */
        LOGLOG(List.of("kind", "x", "y", "title", "x-label", "y-label"), List.of("x", "y"),
                "the same on log-log axes, each line's least-squares slope in the legend"),
        /** A final metric (mean or success rate) over a grid of two swept keys. */
        HEATMAP(List.of("kind", "x", "y", "z", "threshold", "title", "x-label", "y-label"), List.of("x", "y", "z"),
                "a final metric z over two swept keys x and y: its mean, or with threshold the success rate");

        private final List<String> keys;
        private final List<String> required;
        private final String shows;

        Kind(List<String> keys, List<String> required, String shows) {
            this.keys = keys;
            this.required = required;
            this.shows = shows;
        }

        /** Every key a plot of this kind takes, {@code kind} first. */
        public List<String> keys() {
            return keys;
        }

        /** The keys a plot of this kind needs. */
        public List<String> required() {
            return required;
        }

        /** What a plot of this kind shows, in a few words. */
        public String shows() {
            return shows;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PlotRequest {
        requireNonNull(kind, "kind is null");
    }

    /** A request with the automatic axis titles. */
    public PlotRequest(Kind kind, String x, String y, String z, Double threshold, String title, Boolean logX,
            Boolean logY) {
        this(kind, x, y, z, threshold, title, logX, logY, null, null);
    }

    /** What {@code reconlab plot --help} says of the {@code plots:} section: every kind and every key. */
    public static List<String> help() {
        List<String> lines = new ArrayList<>();
        lines.add("A spec's optional 'plots:' list adds plots to those chosen from its sweep and metrics, e.g.");
        lines.add("  plots:");
        lines.add("    - { kind: sweep, x: measurement.m, y: relative-error, log-y: true, x-label: m }");
        lines.add("Kinds, with the keys each takes (* required):");
        for (Kind kind : Kind.values()) {
            List<String> keys = new ArrayList<>();
            for (String key : kind.keys.subList(1, kind.keys.size())) {
                keys.add(key + (kind.required.contains(key) ? "*" : ""));
            }
            lines.add(String.format("  %-8s %s: %s", kind.label(), kind.shows, String.join(", ", keys)));
        }
        lines.add("Keys:");
        lines.add("  x          a swept key as written under sweep: (model.scale), or variant");
        lines.add("  y          the metric plotted (a heatmap: the swept key on its vertical axis)");
        lines.add("  z          the metric a heatmap colours by");
        lines.add("  threshold  a heatmap shows the fraction of trials with z <= threshold (diverged: failed)");
        lines.add("  log-x      true or false: log scale of x (default: chosen from the values)");
        lines.add("  log-y      true or false: log scale of y (default: chosen from the values)");
        lines.add("  title      the plot's title (default: what it shows)");
        lines.add("  x-label    the x axis title (default: a swept key's last segment, m for measurement.m)");
        lines.add("  y-label    the y axis title (default: the metric, or the swept key's last segment)");
        lines.add("Metrics are named as recorded: test-error, singular-values[0].");
        return lines;
    }

    /**
     * Parses a {@code plots:} section.
     *
     * @param section the YAML value (a list of mappings), or null when the spec has none
     * @param locate turns a path such as {@code plots[0].kind} into a location such as {@code spec.yaml:31}
     * @throws SpecError naming the location, the entry and what is allowed
     */
    public static List<PlotRequest> parseAll(Object section, UnaryOperator<String> locate) {
        if (section == null) {
            return List.of();
        }
        if (!(section instanceof List<?> entries)) {
            throw new SpecError(locate.apply("plots") + ": plots: must be a list of { kind: series|sweep|loglog|heatmap,"
                    + " ... } entries, got " + section);
        }
        List<PlotRequest> requests = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            requests.add(parse(entries.get(i), "plots[" + i + "]", locate));
        }
        return List.copyOf(requests);
    }

    private static PlotRequest parse(Object entry, String path, UnaryOperator<String> locate) {
        if (!(entry instanceof Map<?, ?> map)) {
            throw new SpecError(locate.apply(path) + ": " + path + ": must be a mapping such as"
                    + " { kind: sweep, x: model.scale, y: test-error }, got " + entry);
        }
        Object kindValue = map.get("kind");
        Kind kind = null;
        for (Kind candidate : Kind.values()) {
            if (candidate.label().equals(kindValue)) {
                kind = candidate;
            }
        }
        if (kind == null) {
            throw new SpecError(locate.apply(kindValue == null ? path : path + ".kind") + ": " + path + ".kind: "
                    + (kindValue == null ? "is missing" : "bad value " + kindValue)
                    + "; allowed: series, sweep, loglog, heatmap");
        }
        for (Object key : map.keySet()) {
            if (!kind.keys.contains(String.valueOf(key))) {
                throw new SpecError(locate.apply(path + "." + key) + ": " + path + ": unknown key '" + key + "' for a "
                        + kind.label() + " plot; allowed: " + String.join(", ", kind.keys));
            }
        }
        for (String key : kind.required) {
            if (!map.containsKey(key)) {
                throw new SpecError(locate.apply(path) + ": " + path + ": a " + kind.label() + " plot needs '" + key
                        + "'; its keys: " + String.join(", ", kind.keys));
            }
        }
        Double threshold = null;
        if (map.get("threshold") != null) {
            if (!(map.get("threshold") instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                throw new SpecError(locate.apply(path + ".threshold") + ": " + path + ".threshold: must be a number,"
                        + " got " + map.get("threshold"));
            }
            threshold = ((Number) map.get("threshold")).doubleValue();
        }
        return new PlotRequest(kind, name(map, "x", path, locate), name(map, "y", path, locate),
                name(map, "z", path, locate), threshold, text(map, "title", path, locate),
                flag(map, "log-x", path, locate), flag(map, "log-y", path, locate), text(map, "x-label", path, locate),
                text(map, "y-label", path, locate));
    }

    private static String name(Map<?, ?> map, String key, String path, UnaryOperator<String> locate) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new SpecError(locate.apply(path + "." + key) + ": " + path + "." + key + ": must be a "
                    + (key.equals("z") || (key.equals("y") && !"heatmap".equals(map.get("kind"))) ? "metric name"
                            : "swept key") + ", got " + value);
        }
        return s;
    }

    private static String text(Map<?, ?> map, String key, String path, UnaryOperator<String> locate) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new SpecError(locate.apply(path + "." + key) + ": " + path + "." + key + ": must be text, got " + value);
        }
        return s;
    }

    private static Boolean flag(Map<?, ?> map, String key, String path, UnaryOperator<String> locate) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Boolean b)) {
            throw new SpecError(locate.apply(path + "." + key) + ": " + path + "." + key + ": must be true or false,"
                    + " got " + value);
        }
        return b;
    }
}
