package org.reconlab.core.engine;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.Optional;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Observations;

/**
 * What one trial drew and produced, handed to {@link TrialArtifacts} so it can be saved (as NumPy arrays, say) and
 * checked outside reconlab.
 *
 * @param index position of the trial in the experiment's plan
 * @param truth the ground truth the problem drew
 * @param observations the training observations (operator, values, noise); empty without a measurement
 * @param initial the parameters the model was initialized with (a copy taken before the optimizer ran)
 * @param last the parameters of the last iterate the optimizer reported
 * @param estimate the model's signal at {@code last}, or {@code null} when the model's signal is a function
 */
public record TrialArrays(
        int index,
        GroundTruth truth,
        Optional<Observations> observations,
        Blocks initial,
        Blocks last,
        DoubleMatrix2D estimate) {

    public TrialArrays {
        requireNonNull(truth, "truth is null");
        requireNonNull(observations, "observations is null");
        requireNonNull(initial, "initial is null");
        requireNonNull(last, "last is null");
    }

    public Optional<DoubleMatrix2D> estimateIfPresent() {
        return Optional.ofNullable(estimate);
    }
}
