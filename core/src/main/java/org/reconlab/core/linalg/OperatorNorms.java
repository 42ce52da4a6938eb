package org.reconlab.core.linalg;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.random.RandomGenerator;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;

/** Norm estimates of a {@link LinearOperator} that use only its action and adjoint. */
public final class OperatorNorms {

    private OperatorNorms() {
    }

    /**
     * An estimate of {@code ||A||^2}, the largest eigenvalue of {@code A* A}, by the power method from a Gaussian
     * start: {@code X <- A*(A(X)) / ||A*(A(X))||_F}, stopped after {@code iterations} steps or when the Rayleigh
     * quotient {@code ||A(X)||^2} changes by less than a relative {@code 1e-9}. The Rayleigh quotient never exceeds
     * {@code ||A||^2}, so this is a lower bound; from a random start its relative shortfall after k steps is of order
     * {@code log(n) / k} at worst (Kuczynski and Wozniakowski 1992), and much smaller when the top singular value is
     * separated from the next.
     *
     * @return the estimate, 0 for the zero operator
     */
    public static double squaredNormEstimate(LinearOperator a, int iterations, RandomGenerator random) {
        requireNonNull(a, "a is null");
        requireNonNull(random, "random is null");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        Shape domain = a.domain();
        DoubleMatrix2D x = RandomMatrices.gaussian(domain.rows(), domain.columns() * domain.depth(), 1.0, random);
        double norm = MatrixOps.frobeniusNorm(x);
        if (norm == 0) {
            return 0;
        }
        x.assign(cern.jet.math.Functions.div(norm));
        double estimate = 0;
        for (int k = 0; k < iterations; k++) {
            DoubleMatrix2D next = a.adjoint(a.apply(x));
            double quotient = MatrixOps.inner(x, next);
            double nextNorm = MatrixOps.frobeniusNorm(next);
            if (nextNorm == 0) {
                return 0;
            }
            next.assign(cern.jet.math.Functions.div(nextNorm));
            x = next;
            boolean settled = Math.abs(quotient - estimate) <= 1e-9 * quotient;
            estimate = quotient;
            if (settled) {
                break;
            }
        }
        return estimate;
    }
}
