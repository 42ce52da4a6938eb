package org.reconlab.deconvolution.measurement;

import java.util.SplittableRandom;
import org.reconlab.core.contract.AbstractMeasurementContractTest;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.deconvolution.noise.AdversarialNoiseSearch;
import org.reconlab.deconvolution.problem.BlindDeconvolutionProblem;

/** The measurement contract with adversarial noise (a short search, so that the suite stays fast). */
class AdversarialNoiseMeasurementContractTest extends AbstractMeasurementContractTest {

    @Override
    protected Measurement measurement() {
        return new LiftedConvolutionMeasurement(16, 3, 3, SubspaceBasis.IDENTITY,
                LiftedConvolutionMeasurement.Noise.ADVERSARIAL, 0.05, new AdversarialNoiseSearch(1, 2, 1, 1, 100, 1e-6));
    }

    @Override
    protected GroundTruth truth(SplittableRandom random) {
        return new BlindDeconvolutionProblem(3, 3).draw(random);
    }
}
