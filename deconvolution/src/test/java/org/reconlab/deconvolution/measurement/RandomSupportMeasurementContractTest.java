package org.reconlab.deconvolution.measurement;

import java.util.SplittableRandom;
import org.reconlab.core.contract.AbstractMeasurementContractTest;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.deconvolution.noise.AdversarialNoiseSearch;
import org.reconlab.deconvolution.problem.BlindDeconvolutionProblem;

/** The measurement contract for a filter with random support (a random basis drawn with each operator), noiseless. */
class RandomSupportMeasurementContractTest extends AbstractMeasurementContractTest {

    @Override
    protected Measurement measurement() {
        return new LiftedConvolutionMeasurement(27, 6, 3, SubspaceBasis.RANDOM_IDENTITY,
                LiftedConvolutionMeasurement.Noise.NONE, 0, AdversarialNoiseSearch.defaults());
    }

    @Override
    protected GroundTruth truth(SplittableRandom random) {
        return new BlindDeconvolutionProblem(6, 3).draw(random);
    }
}
