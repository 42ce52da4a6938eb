package org.reconlab.core.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole experiment: a base pipeline, the sweep over its parameters, optional variants, and the repetitions.
 *
 * @param sweep spec path ({@code model.scale}) to the values it takes; trials run the cross product, last key fastest
 * @param variants named sets of overrides crossed with the sweep (a baseline that swaps model and optimizer, say):
 *     each maps a spec path to a value, or a component key ({@code optimizer}) to a whole {@link ComponentSpec}
 * @param trials repetitions of every sweep point, each with its own random streams
 * @param trialTimeout the wall-clock time one trial may run before it ends as {@link TrialStatus#TIMED_OUT}
 * @param draws whether sweep points share their random draws ({@link Draws#PAIRED}) or draw their own
 */
public record ExperimentSpec(
        String name,
        long seed,
        int trials,
        PipelineSpec pipeline,
        Map<String, List<Object>> sweep,
        Map<String, Map<String, Object>> variants,
        Duration trialTimeout,
        Draws draws) {

    /**
     * How the random draws (truth, test matrices, noise directions, initializations) of different sweep points relate.
     * Trials of one repetition draw from streams derived from (seed, repetition, role); the sweep point enters only
     * with {@code INDEPENDENT}.
     */
    public enum Draws {
        /**
         * Repetition n of every sweep point sees the same draws: differences between points are the effect of the swept
         * parameters alone (paired comparisons, smooth curves).
         */
        PAIRED,
        /**
         * Each sweep point (its swept values other than {@code variant}) draws its own streams, so statistics of
         * different points are independent, as a claim about each point taken alone needs. Variants of one point stay
         * paired with each other.
         */
        INDEPENDENT
    }

    public ExperimentSpec {
        requireNonNull(name, "name is null");
        requireNonNull(trialTimeout, "trialTimeout is null");
        if (trialTimeout.isNegative() || trialTimeout.isZero()) {
            throw new InvalidSpecException("trial-timeout", "must be a positive duration, got " + trialTimeout);
        }
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(draws, "draws is null");
        if (trials < 1) {
            throw new InvalidSpecException("trials", "must be an integer >= 1, got " + trials);
        }
        Map<String, List<Object>> sweepCopy = new LinkedHashMap<>();
        sweep.forEach((path, values) -> {
            if (values.isEmpty()) {
                throw new InvalidSpecException("sweep." + path, "a sweep needs at least one value");
            }
            sweepCopy.put(path, List.copyOf(values));
        });
        sweep = Collections.unmodifiableMap(sweepCopy);
        Map<String, Map<String, Object>> variantsCopy = new LinkedHashMap<>();
        variants.forEach((variant, overrides) -> variantsCopy.put(variant, Collections.unmodifiableMap(new LinkedHashMap<>(overrides))));
        variants = Collections.unmodifiableMap(variantsCopy);
    }

    /** An experiment whose trials may run for {@link TrialRunner#DEFAULT_TIMEOUT} and whose sweep points share their
     * draws ({@link Draws#PAIRED}). */
    public ExperimentSpec(String name, long seed, int trials, PipelineSpec pipeline, Map<String, List<Object>> sweep,
            Map<String, Map<String, Object>> variants) {
        this(name, seed, trials, pipeline, sweep, variants, TrialRunner.DEFAULT_TIMEOUT, Draws.PAIRED);
    }

    /** An experiment without sweep or variants. */
    public static ExperimentSpec single(String name, long seed, int trials, PipelineSpec pipeline) {
        return new ExperimentSpec(name, seed, trials, pipeline, Map.of(), Map.of());
    }
}
