package org.reconlab.core.spi;

import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * An ensemble of linear measurement operators plus a noise model. Each call of {@link #observe} draws a fresh operator
 * (and noise) from the ensemble; test metrics call it again on another stream to get fresh measurements.
 */
public interface Measurement {

    /** The shape of signals the operators take. */
    Shape signalShape();

    /** Draws an operator and noise from {@code random} and observes {@code truth} through them. */
    Observations observe(GroundTruth truth, SplittableRandom random);

    /** The same ensemble without noise, which test metrics use to compare estimate and truth on fresh operators. */
    Measurement noiseless();

    /**
     * An estimate of the bytes one drawn operator holds, so that a run can refuse, before allocating anything, a spec
     * whose operators would not fit in the heap. Dense operators report their storage ({@code 8 m n}); the default 0
     * means "small or unknown" and is never refused.
     */
    default long estimatedBytes() {
        return 0;
    }

    /**
     * The number of observations every draw gives, when the parameters decide it, so that a component built after the
     * measurement can check at build time a constraint that involves it (least squares that needs at least as many
     * observations as unknowns, say); empty when unknown until a draw.
     */
    default OptionalInt observationCount() {
        return OptionalInt.empty();
    }

    /**
     * This ensemble as it acts on symmetric signals only. The pipeline builder calls it when both the problem's truth
     * and the model's signal are symmetric matrices, and uses what it returns from then on (for training and for
     * test observations). A measurement may return a cheaper equivalent, such as one that stores the packed symmetric
     * parts {@code (A_i + A_i^T) / 2} of its matrices: on symmetric signals {@code <A_i, X> = <(A_i + A_i^T) / 2, X>},
     * so the observations are the same up to rounding, drawn from the same stream. The returned measurement's
     * {@link #signalShape()} must accept symmetric matrices of the same size. The default returns {@code this}.
     */
    default Measurement onSymmetricSignals() {
        return this;
    }
}
