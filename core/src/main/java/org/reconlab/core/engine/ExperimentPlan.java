package org.reconlab.core.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reconlab.core.spi.ByteCounts;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.Problem;

/**
 * The trials of an experiment, each with its built pipeline. Building the plan builds every pipeline of the sweep,
 * so a bad spec fails here, before anything runs.
 */
public final class ExperimentPlan {

    /** Key under which a trial's variant name appears among its sweep values. */
    public static final String VARIANT = "variant";

    /**
     * Share of the heap that long-lived arrays can fill ({@link HeapCapacity#longLivedBytes()}) which the running trials
     * may take (see {@link #requireFitsInHeap}); the rest is left to the objects the estimates do not count (buffers,
     * results, promoted temporaries).
     */
    public static final double HEAP_FRACTION = 0.9;

    /** Most trials a plan may hold: beyond this a spec is almost surely a typo, and expanding it would not end. */
    public static final int MAX_TRIALS = 1_000_000;

    /** Most sweep points (pipelines built, one per point and variant) a plan may hold. */
    public static final int MAX_POINTS = 100_000;

    /** One trial to run. */
    public record PlannedTrial(int index, int repetition, Map<String, Object> sweepValues, Pipeline pipeline) {
    }

    private final ExperimentSpec spec;
    private final List<PlannedTrial> trials;

    private ExperimentPlan(ExperimentSpec spec, List<PlannedTrial> trials) {
        this.spec = spec;
        this.trials = List.copyOf(trials);
    }

    /** The plan of {@code spec}; relative file paths in it are resolved against the working directory. */
    public static ExperimentPlan build(ExperimentSpec spec, ComponentRegistry registry) {
        return build(spec, registry, Path.of(""));
    }

    /** The plan of {@code spec}, resolving relative file paths in it against {@code baseDirectory}. */
    public static ExperimentPlan build(ExperimentSpec spec, ComponentRegistry registry, Path baseDirectory) {
        requireNonNull(spec, "spec is null");
        requireSmallEnough(spec);
        PipelineBuilder builder = new PipelineBuilder(registry, baseDirectory);
        List<PlannedTrial> trials = new ArrayList<>();
        Map<String, Map<String, Object>> variants = spec.variants().isEmpty()
                ? Map.of("", Map.of()) : spec.variants();
        for (Map.Entry<String, Map<String, Object>> variant : variants.entrySet()) {
            PipelineSpec variantSpec = applyVariant(spec.pipeline(), variant.getKey(), variant.getValue());
            for (Map<String, Object> point : crossProduct(spec.sweep())) {
                PipelineSpec pointSpec = variantSpec;
                for (Map.Entry<String, Object> value : point.entrySet()) {
                    pointSpec = pointSpec.with(value.getKey(), value.getValue());
                }
                Map<String, Object> sweepValues = new LinkedHashMap<>();
                if (!spec.variants().isEmpty()) {
                    sweepValues.put(VARIANT, variant.getKey());
                }
                sweepValues.putAll(point);
                Pipeline pipeline = build(builder, pointSpec, sweepValues, variant.getKey(), variant.getValue());
                for (int repetition = 0; repetition < spec.trials(); repetition++) {
                    trials.add(new PlannedTrial(trials.size(), repetition, sweepValues, pipeline));
                }
            }
        }
        return new ExperimentPlan(spec, trials);
    }

    public ExperimentSpec spec() {
        return spec;
    }

    /**
     * Refuses, before anything is drawn, a plan whose trials would not fit in the heap. Each running trial holds what
     * its components estimate ({@code estimatedBytes()} of {@link Problem}, {@link Measurement}, {@link Model} and
     * {@link Optimizer}): the truth, a training operator and, when one of its metrics reads test observations
     * ({@link Metric#usesTestObservations()}), a test operator, the model's parameters and signal, the optimizer's
     * workspace. With {@code threads} trials at once, the largest {@code min(threads, trials)} of these per-trial sums
     * must stay within {@link #HEAP_FRACTION} of {@code heapBytes}.
     *
     * @param heapBytes the heap that long-lived arrays can fill, normally {@link HeapCapacity#longLivedBytes()}
     * @throws InvalidSpecException at the component that needs the most, naming each component's estimate
     */
    public void requireFitsInHeap(int threads, long heapBytes) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (trials.isEmpty()) {
            return;
        }
        // One estimate per pipeline: the trials of a sweep point share it.
        Map<Pipeline, Long> perPipeline = new java.util.IdentityHashMap<>();
        List<Long> perTrial = new ArrayList<>(trials.size());
        PlannedTrial worst = trials.get(0);
        for (PlannedTrial trial : trials) {
            long bytes = perPipeline.computeIfAbsent(trial.pipeline(), ExperimentPlan::trialBytes);
            perTrial.add(bytes);
            if (bytes > perPipeline.get(worst.pipeline())) {
                worst = trial;
            }
        }
        perTrial.sort(java.util.Comparator.reverseOrder());
        int concurrent = Math.min(threads, perTrial.size());
        long total = 0;
        for (int t = 0; t < concurrent; t++) {
            total = ByteCounts.plus(total, perTrial.get(t));
        }
        if (total > HEAP_FRACTION * heapBytes) {
            throw tooLarge(worst, concurrent, total, heapBytes);
        }
    }

    private static InvalidSpecException tooLarge(PlannedTrial worst, int concurrent, long total, long heapBytes) {
        Pipeline pipeline = worst.pipeline();
        PipelineSpec spec = pipeline.spec();
        long truth = pipeline.problem().estimatedBytes();
        long operator = pipeline.measurement().map(Measurement::estimatedBytes).orElse(0L);
        long operators = operatorBytes(pipeline);
        long model = pipeline.model().estimatedBytes();
        long optimizer = pipeline.optimizer().estimatedBytes();
        List<String> parts = new ArrayList<>();
        if (operator > 0) {
            parts.add("measurement '" + spec.measurement().map(ComponentSpec::plugin).orElse("?") + "' needs about "
                    + bytes(operator) + " per operator, " + (operators > operator
                            ? "a training and a test one per trial" : "one per trial (no metric reads test data)"));
        }
        if (truth > 0) {
            parts.add("problem '" + spec.problem().plugin() + "' about " + bytes(truth) + " for the truth");
        }
        if (model > 0) {
            parts.add("model '" + spec.model().plugin() + "' about " + bytes(model) + " for parameters and signal");
        }
        if (optimizer > 0) {
            parts.add("optimizer '" + spec.optimizer().plugin() + "' about " + bytes(optimizer) + " of workspace");
        }
        long largest = Math.max(Math.max(operators, truth), Math.max(model, optimizer));
        String path = largest == operators ? "measurement"
                : largest == truth ? "problem" : largest == model ? "model" : "optimizer";
        return new InvalidSpecException(path, String.join("; ", parts) + (worst.sweepValues().isEmpty() ? ""
                : " (at sweep point " + worst.sweepValues() + ")") + "; " + concurrent
                + (concurrent == 1 ? " trial needs" : " trials at once need") + " about " + bytes(total) + ", more than "
                + Math.round(100 * HEAP_FRACTION) + "% of the " + bytes(heapBytes) + " the heap can keep in long-lived"
                + " arrays (its old generation); lower the problem's sizes, run fewer trials at once (threads), or give"
                + " the JVM more heap (-Xmx)");
    }

    /** What one trial of {@code pipeline} holds: truth, operators, model, optimizer workspace. */
    private static long trialBytes(Pipeline pipeline) {
        long sum = ByteCounts.plus(pipeline.problem().estimatedBytes(), operatorBytes(pipeline));
        return ByteCounts.plus(sum, ByteCounts.plus(pipeline.model().estimatedBytes(),
                pipeline.optimizer().estimatedBytes()));
    }

    /** The training operator, and the test operator when a metric reads test observations. */
    private static long operatorBytes(Pipeline pipeline) {
        long operator = pipeline.measurement().map(Measurement::estimatedBytes).orElse(0L);
        boolean tested = pipeline.metrics().stream().anyMatch(named -> named.metric().usesTestObservations());
        return tested ? ByteCounts.plus(operator, operator) : operator;
    }

    /** {@code bytes} in the largest binary unit that keeps the number >= 1, one decimal. */
    static String bytes(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    public List<PlannedTrial> trials() {
        return trials;
    }

    /**
     * Refuses, before anything is expanded, a plan of more than {@link #MAX_POINTS} sweep points or {@link #MAX_TRIALS}
     * trials, counting in longs so that no product wraps.
     */
    private static void requireSmallEnough(ExperimentSpec spec) {
        long points = Math.max(1, spec.variants().size());
        StringBuilder factors = new StringBuilder(spec.variants().isEmpty() ? "" : spec.variants().size() + " variants");
        for (Map.Entry<String, List<Object>> axis : spec.sweep().entrySet()) {
            points = Math.min(Long.MAX_VALUE / 2, points * (long) axis.getValue().size());
            factors.append(factors.length() == 0 ? "" : " x ").append(axis.getValue().size()).append(" values of ")
                    .append(axis.getKey());
        }
        String product = factors.length() == 0 ? "" : " (" + factors + ")";
        if (points > MAX_POINTS) {
            throw new InvalidSpecException("sweep", "the sweep has " + points + " points" + product + ", more than the"
                    + " limit of " + MAX_POINTS + "; split it into several specs or shards of the parameter range");
        }
        long trials = points * spec.trials();
        if (trials > MAX_TRIALS) {
            throw new InvalidSpecException("trials", points + " sweep points" + product + " x " + spec.trials()
                    + " trials = " + trials + " trials, more than the limit of " + MAX_TRIALS);
        }
    }

    private static Pipeline build(PipelineBuilder builder, PipelineSpec spec, Map<String, Object> sweepValues,
            String variant, Map<String, Object> variantOverrides) {
        try {
            return builder.build(spec);
        } catch (InvalidSpecException e) {
            String path = variantPath(e.path(), variant, variantOverrides);
            if (sweepValues.isEmpty()) {
                throw path.equals(e.path()) ? e : new InvalidSpecException(path, e.getMessage());
            }
            throw new InvalidSpecException(path, e.getMessage() + " (at sweep point " + sweepValues + ")");
        }
    }

    /**
     * Where in the spec an error at {@code path} was written: under {@code variants.<name>} when the variant set that
     * value or replaced the component it belongs to, else {@code path} itself.
     */
    private static String variantPath(String path, String variant, Map<String, Object> overrides) {
        if (path == null || overrides.isEmpty()) {
            return path;
        }
        int dot = path.indexOf('.');
        String component = dot < 0 ? path : path.substring(0, dot);
        boolean set = overrides.containsKey(path) || overrides.get(component) instanceof ComponentSpec;
        return set ? "variants." + variant + "." + path : path;
    }

    private static PipelineSpec applyVariant(PipelineSpec base, String name, Map<String, Object> overrides) {
        PipelineSpec spec = base;
        for (Map.Entry<String, Object> override : overrides.entrySet()) {
            String path = "variants." + name + "." + override.getKey();
            if (override.getValue() instanceof ComponentSpec component) {
                spec = spec.withComponent(override.getKey(), component, path);
            } else {
                try {
                    spec = spec.with(override.getKey(), override.getValue());
                } catch (InvalidSpecException e) {
                    throw new InvalidSpecException(path, e.getMessage());
                }
            }
        }
        return spec;
    }

    /** Every combination of the swept values, in key order with the last key varying fastest. */
    static List<Map<String, Object>> crossProduct(Map<String, List<Object>> sweep) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : sweep.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> point : points) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> extended = new LinkedHashMap<>(point);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        return points;
    }
}
