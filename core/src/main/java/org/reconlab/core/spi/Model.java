package org.reconlab.core.spi;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Maps parameter blocks to a signal ({@code U -> U U^T}, {@code (u, v) -> u^D - v^D}), with the chain rule for
 * gradients, its initialization, and the training objective built on a measurement's observations.
 */
public interface Model {

    /** The shape of the signals the model produces. */
    Shape signalShape();

    /**
     * Draws initial parameters.
     *
     * @param observations the training observations, for data-driven initializations such as spectral; empty when
     *     the pipeline has no measurement
     */
    Blocks initialize(Optional<Observations> observations, SplittableRandom random);

    /**
     * Draws initial parameters for a trial whose ground truth is {@code truth}; the engine calls this one. Only
     * teacher-student designs read the truth (a student whose fixed layer contains the teacher's, so that the target
     * is representable by construction); the default ignores it.
     */
    default Blocks initialize(GroundTruth truth, Optional<Observations> observations, SplittableRandom random) {
        return initialize(observations, random);
    }

    /**
     * An estimate of the bytes a trial of this model holds besides the truth and the operators: its parameters, their
     * gradients and the signal it forms for the metrics (see {@link Measurement#estimatedBytes()}). The default counts
     * one signal, {@code 8 * signalShape().size()} (the estimate every matrix metric forms), and nothing for a
     * {@link Shape.Kind#FUNCTION} signal; a model with larger parameters (a wide network) overrides it.
     */
    default long estimatedBytes() {
        Shape shape = signalShape();
        return shape.kind() == Shape.Kind.FUNCTION ? 0 : ByteCounts.doubles(shape.size());
    }

    /** The signal the parameters represent. */
    DoubleMatrix2D signal(Blocks parameters);

    /**
     * The chain rule: given the gradient {@code G} of a loss with respect to the signal, the gradient with respect
     * to each parameter block (for {@code X = U U^T}: {@code (G + G^T) U}).
     */
    Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient);

    /**
     * The training objective on {@code observations}. The default is {@code 1/2 ||A(signal) - y||^2}; a model whose
     * literature uses another loss or weight overrides this.
     */
    default Objective objective(Observations observations) {
        return new SquareLossObjective(this, observations, 0.5);
    }
}
