package org.reconlab.core.spi;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.Optional;

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
}
