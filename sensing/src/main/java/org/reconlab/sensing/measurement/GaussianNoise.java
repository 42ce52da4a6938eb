package org.reconlab.sensing.measurement;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import java.util.SplittableRandom;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;

/**
 * The noise model every sensing measurement shares: {@code y = A(X*) + e} with {@code e_i} i.i.d. {@code N(0, sigma^2)}.
 * The noise is drawn after the operator from the same stream, so a noisy measurement and its noiseless twin draw
 * the same operator.
 */
final class GaussianNoise {

    static final Parameter PARAMETER = Parameter.real("noise", 0.0, 0.0, Double.MAX_VALUE,
            "standard deviation sigma of the i.i.d. N(0, sigma^2) noise added to each observation (0: noiseless)");

    private GaussianNoise() {
    }

    /** Observes {@code truth} through {@code operator} and adds noise of standard deviation {@code sigma}. */
    static Observations observe(LinearOperator operator, GroundTruth truth, double sigma, SplittableRandom random) {
        return addNoise(operator, operator.apply(truth.signal()), sigma, random);
    }

    /** Adds noise of standard deviation {@code sigma} to the clean values {@code A(X*)}, in place. */
    static Observations addNoise(LinearOperator operator, DoubleMatrix1D values, double sigma, SplittableRandom random) {
        DoubleMatrix1D noise = new DenseDoubleMatrix1D(values.size());
        if (sigma > 0) {
            for (int i = 0; i < values.size(); i++) {
                double e = sigma * random.nextGaussian();
                noise.setQuick(i, e);
                values.setQuick(i, values.getQuick(i) + e);
            }
        }
        return new Observations(operator, values, noise);
    }
}
