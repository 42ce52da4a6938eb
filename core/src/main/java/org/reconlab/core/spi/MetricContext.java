package org.reconlab.core.spi;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.Optional;
import java.util.function.Supplier;

/** What a metric may look at. Expensive parts (the estimate, fresh test observations) are computed once, lazily. */
public interface MetricContext {

    int iteration();

    Model model();

    Blocks parameters();

    /** {@code model.signal(parameters)}, computed once per recorded iterate. */
    DoubleMatrix2D estimate();

    GroundTruth truth();

    Optional<Observations> observations();

    Optional<Objective> objective();

    /** The training objective at this iterate, computed once per recorded iterate; empty without a measurement. */
    java.util.OptionalDouble loss();

    /**
     * Fresh noiseless observations of the truth from the same measurement ensemble, drawn once per trial from their
     * own stream; empty when the pipeline has no measurement.
     */
    Optional<Observations> testObservations();

    /**
     * A value that depends on the trial but not on the iterate (the l1 minimizer of the trial's observations, the
     * upper bounds of the trial's network), computed on first use and reused at every later recorded iterate of the
     * same trial. Metrics are shared by all trials, so this is where their per-trial results live.
     *
     * @param key identifies the value within the trial, compared with {@code equals}; a metric usually passes itself
     * @param compute computes the value; called at most once per trial and key by the engine
     */
    default <T> T perTrial(Object key, Supplier<T> compute) {
        // A context that lives for one evaluation (a test's) has nothing to reuse across iterates.
        return compute.get();
    }
}
