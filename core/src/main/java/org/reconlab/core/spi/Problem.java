package org.reconlab.core.spi;

import java.util.SplittableRandom;

/** Draws the ground truth of a trial: a low-rank matrix, a sparse vector, a tensor, a random network. */
public interface Problem {

    /** The shape of the signal every draw has. */
    Shape signalShape();

    /** Draws a ground truth from {@code random}, the problem's own stream for this trial. */
    GroundTruth draw(SplittableRandom random);
}
