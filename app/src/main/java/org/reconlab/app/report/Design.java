package org.reconlab.app.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.SeriesPoint;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;

/**
 * The trials of a run seen as a designed experiment: its factors (the swept keys, and {@code variant}), the levels
 * each takes, the metrics recorded, and grouping of trials by factor levels. Levels keep the order of the plan (the
 * order of the values in the spec), so legends read like the spec.
 */
final class Design {

    private static final Pattern COMPONENT = Pattern.compile("(.+)\\[(\\d+)]");

    private final List<TrialResult> trials;
    private final List<String> factors;
    private final Map<String, List<String>> levels;
    private final List<String> scalarMetrics;
    private final Map<String, List<String>> vectorMetrics;

    private Design(List<TrialResult> trials, List<String> factors, Map<String, List<String>> levels,
            List<String> scalarMetrics, Map<String, List<String>> vectorMetrics) {
        this.trials = trials;
        this.factors = factors;
        this.levels = levels;
        this.scalarMetrics = scalarMetrics;
        this.vectorMetrics = vectorMetrics;
    }

    static Design of(List<TrialResult> trials) {
        Set<String> factors = new LinkedHashSet<>();
        Map<String, Set<String>> levels = new LinkedHashMap<>();
        Set<String> metrics = new LinkedHashSet<>();
        for (TrialResult trial : trials) {
            for (Map.Entry<String, Object> value : trial.sweepValues().entrySet()) {
                factors.add(value.getKey());
                levels.computeIfAbsent(value.getKey(), k -> new LinkedHashSet<>()).add(label(value.getValue()));
            }
            metrics.addAll(trial.finalMetrics().keySet());
            for (SeriesPoint point : trial.series()) {
                metrics.add(point.metric());
            }
        }
        List<String> scalar = new ArrayList<>();
        Map<String, TreeMap<Integer, String>> vector = new LinkedHashMap<>();
        for (String metric : metrics) {
            Matcher component = COMPONENT.matcher(metric);
            if (component.matches()) {
                vector.computeIfAbsent(component.group(1), k -> new TreeMap<>())
                        .put(Integer.parseInt(component.group(2)), metric);
            } else {
                scalar.add(metric);
            }
        }
        Map<String, List<String>> levelLists = new LinkedHashMap<>();
        levels.forEach((factor, values) -> levelLists.put(factor, List.copyOf(values)));
        Map<String, List<String>> vectorLists = new LinkedHashMap<>();
        vector.forEach((base, components) -> vectorLists.put(base, List.copyOf(components.values())));
        return new Design(List.copyOf(trials), List.copyOf(factors), levelLists, List.copyOf(scalar), vectorLists);
    }

    List<TrialResult> trials() {
        return trials;
    }

    /** Every factor, in the order of the trials' sweep values ({@code variant} first when the spec has variants). */
    List<String> factors() {
        return factors;
    }

    /** The factors that take at least two levels. */
    List<String> varying() {
        return factors.stream().filter(f -> levels.get(f).size() > 1).toList();
    }

    List<String> levels(String factor) {
        return levels.getOrDefault(factor, List.of());
    }

    boolean hasFactor(String factor) {
        return levels.containsKey(factor);
    }

    /** Whether every level of {@code factor} is a finite number (the variant never is: it is a name). */
    boolean numeric(String factor) {
        if (factor.equals(ExperimentPlan.VARIANT) || !levels.containsKey(factor)) {
            return false;
        }
        return levels.get(factor).stream().allMatch(level -> number(level).isPresent());
    }

    /** The levels of a numeric factor in increasing order. */
    List<String> levelsByValue(String factor) {
        return levels(factor).stream().sorted(Comparator.comparingDouble(l -> number(l).orElseThrow())).toList();
    }

    List<String> scalarMetrics() {
        return scalarMetrics;
    }

    /** Vector metrics by base name ({@code singular-values}), each with its component names in index order. */
    Map<String, List<String>> vectorMetrics() {
        return vectorMetrics;
    }

    boolean hasMetric(String metric) {
        return scalarMetrics.contains(metric) || vectorMetrics.values().stream().anyMatch(c -> c.contains(metric));
    }

    /** Whether some finished trial recorded {@code metric} at two or more iterations. */
    boolean hasSeries(String metric) {
        return trials.stream().anyMatch(t -> t.series(metric).size() > 1);
    }

    /** The level label of {@code trial} for {@code factor}. */
    static String level(TrialResult trial, String factor) {
        return label(trial.sweepValues().get(factor));
    }

    static String label(Object value) {
        return String.valueOf(value);
    }

    static OptionalDouble number(String level) {
        try {
            double value = Double.parseDouble(level);
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * Groups trials by their levels of {@code by}, groups in plan order. A group's key lists its levels in the order
     * of {@code by}.
     */
    static Map<List<String>, List<TrialResult>> groupBy(Collection<TrialResult> trials, List<String> by) {
        Map<List<String>, List<TrialResult>> groups = new LinkedHashMap<>();
        for (TrialResult trial : trials) {
            List<String> key = by.stream().map(f -> level(trial, f)).toList();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(trial);
        }
        return groups;
    }

    /** {@code model.scale = 0.1, variant = pgd}, with numbers in short form. */
    static String describe(List<String> factors, List<String> levels) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            parts.add(factors.get(i) + " = " + Numbers.level(levels.get(i)));
        }
        return String.join(", ", parts);
    }

    /**
     * Like {@link #describe}, with each key cut to its last part ({@code measurement.k} to {@code k}) where no two keys
     * share it: legends stay short, and the caption names the keys in full.
     */
    static String legend(List<String> factors, List<String> levels) {
        List<String> shortNames = factors.stream().map(f -> f.substring(f.lastIndexOf('.') + 1)).toList();
        boolean unique = shortNames.stream().distinct().count() == shortNames.size();
        return describe(unique ? shortNames : factors, levels);
    }

    /** The trials that finished normally: the only ones whose final values the plots average. */
    static List<TrialResult> done(Collection<TrialResult> trials) {
        return trials.stream().filter(t -> t.status() == TrialStatus.DONE).toList();
    }
}
