package org.reconlab.core.spi;

import java.util.SplittableRandom;

/** Draws the ground truth of a trial: a low-rank matrix, a sparse vector, a tensor, a random network. */
public interface Problem {

    /** The shape of the signal every draw has. */
    Shape signalShape();

    /** Draws a ground truth from {@code random}, the problem's own stream for this trial. */
    GroundTruth draw(SplittableRandom random);

    /**
     * An estimate of the bytes one drawn truth holds, so that a run can refuse, before allocating anything, a spec
     * that would not fit in the heap (see {@link Measurement#estimatedBytes()}). The default counts the signal,
     * {@code 8 * signalShape().size()}, and nothing for a {@link Shape.Kind#FUNCTION} truth: a problem whose truth is
     * a function (a network's weights) or carries large parts overrides it.
     */
    default long estimatedBytes() {
        Shape shape = signalShape();
        return shape.kind() == Shape.Kind.FUNCTION ? 0 : ByteCounts.doubles(shape.size());
    }
}
