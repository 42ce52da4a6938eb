package org.reconlab.core.spi;

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
}
