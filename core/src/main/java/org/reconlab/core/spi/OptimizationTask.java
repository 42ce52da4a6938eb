package org.reconlab.core.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What an optimizer works on in one trial.
 *
 * @param model the model whose parameters it drives
 * @param parameters the initial parameters (the optimizer may update them in place)
 * @param objective the training objective, or empty when the pipeline has no measurement
 * @param observations the training observations, or empty when the pipeline has no measurement
 * @param truth the ground truth; only optimizers whose job is to evaluate the truth itself (such as a
 *     Lipschitz estimator of a random network) may read it
 * @param random the optimizer's own stream for this trial (mini-batches, restarts)
 */
public record OptimizationTask(
        Model model,
        Blocks parameters,
        Optional<Objective> objective,
        Optional<Observations> observations,
        GroundTruth truth,
        SplittableRandom random) {

    public OptimizationTask {
        requireNonNull(model, "model is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(objective, "objective is null");
        requireNonNull(observations, "observations is null");
        requireNonNull(truth, "truth is null");
        requireNonNull(random, "random is null");
    }

    /** The objective, for optimizers that cannot work without one (the pipeline builder has checked it exists). */
    public Objective requireObjective() {
        return objective.orElseThrow(() -> new IllegalStateException("this optimizer needs a measurement"));
    }

    /** The observations, for optimizers that cannot work without them. */
    public Observations requireObservations() {
        return observations.orElseThrow(() -> new IllegalStateException("this optimizer needs a measurement"));
    }
}
