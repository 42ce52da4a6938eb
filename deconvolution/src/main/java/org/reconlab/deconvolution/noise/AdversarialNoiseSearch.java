package org.reconlab.deconvolution.noise;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.OperatorNorms;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.optim.NuclearNormSolver;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;

/**
 * A search for the noise {@code e} of a given norm {@code tau} that maximizes the error of nuclear norm recovery,
 * {@code ||X_hat(e) - X*||_F} with {@code X_hat(e) = argmin ||X||_* s.t. ||A(X) - A(X*) - e|| <= tau}, the recovery the
 * experiments run (with the oracle bound).
 *
 * <h2>Why these moves</h2>
 * The error {@code Z = X_hat - X*} lies in the descent cone {@code D} of the nuclear norm at {@code X*} (X* is feasible,
 * so {@code ||X_hat||_* <= ||X*||_*}), and {@code ||A(Z)|| <= ||A(X_hat) - y|| + ||e|| <= 2 tau}. Hence
 * {@code ||Z|| <= 2 tau / lambda_min} with {@code lambda_min = min ||A(Z)||} over unit Z in D, the minimum conic
 * singular value (Chandrasekaran et al. 2012; Krahmer and Stoger, "On the convex geometry of blind deconvolution and
 * matrix completion", CPAM 2021, show it is small for blind deconvolution). The bound is attained by a solution that
 * sits on the far side of the noise ball, {@code A(Z) = 2 e}, along a direction of small conic singular value. The
 * search looks for such configurations:
 * <ol>
 *   <li><b>Starts.</b> (a) {@code A(Z_c)} for {@code Z_c} a local minimizer of {@code ||A(Z)||} over unit Z in D,
 *       found by projected gradient descent on the sphere with the exact projection onto D
 *       ({@code Z <- P_D(Z - A*(A(Z)) / ||A||^2)}, renormalized; 300 steps from the projection of a Gaussian matrix);
 *       (b) {@code starts - 1} uniformly random directions.</li>
 *   <li><b>Self-consistency steps.</b> From each start, {@code steps} times: solve the recovery with the current
 *       noise, then set {@code e <- tau A(X_hat(e) - X*) / ||A(X_hat(e) - X*)||}. Noise along the measurements of the
 *       current error makes that error agree with the data, so the next solution moves further along it; a fixed point
 *       has {@code A(Z) = 2 e} (the solution is feasible with residual norm tau, so
 *       {@code ||c e - e|| = ||e||} with {@code A(Z) = c e} forces {@code c = 2}), the configuration of the bound.</li>
 *   <li>The result is the noise that gave the largest recovery error among all that were solved.</li>
 * </ol>
 * It is a local search: no guarantee that it finds the worst noise, only a documented, reproducible attempt whose
 * result is at least as bad as its random starts (the tests check that it is clearly worse than random noise). Its
 * cost is {@code starts * steps} recovery solves.
 */
public final class AdversarialNoiseSearch {

    public static final Parameters PARAMETERS = Parameters.of(
            Parameter.integer("search-starts", 2, 1, 100,
                    "adversarial search: starting directions (the minimum conic singular direction, then random ones)"),
            Parameter.integer("search-steps", 4, 1, 1000,
                    "adversarial search: self-consistency steps (one recovery solve each) per start"),
            Parameter.real("search-tolerance", 1e-7, Double.MIN_VALUE, 0.5,
                    "adversarial search: tolerance of its nuclear norm solves"));

    /** Projected gradient steps for the minimum conic singular direction. */
    static final int CONIC_STEPS = 300;

    private final int starts;
    private final int steps;
    private final NuclearNormSolver solver;

    public AdversarialNoiseSearch(int starts, int steps, double tolerance) {
        if (starts < 1 || steps < 1) {
            throw new IllegalArgumentException("starts and steps must be >= 1, got " + starts + " and " + steps);
        }
        this.starts = starts;
        this.steps = steps;
        this.solver = new NuclearNormSolver(3.0, tolerance, 100_000);
    }

    /** The defaults of {@link #PARAMETERS}. */
    public static AdversarialNoiseSearch defaults() {
        return from(PARAMETERS.validate(java.util.Map.of()));
    }

    /** The search configured by the {@link #PARAMETERS} keys of {@code config}. */
    public static AdversarialNoiseSearch from(Config config) {
        return new AdversarialNoiseSearch(config.integer("search-starts"), config.integer("search-steps"),
                config.real("search-tolerance"));
    }

    /**
     * The adversarial noise of norm {@code tau} for observing {@code truth} through {@code a}.
     *
     * @param clean {@code A(truth)}
     * @param random the stream for the random starts
     */
    public DoubleMatrix1D noise(LinearOperator a, DoubleMatrix2D truth, DoubleMatrix1D clean, double tau,
            SplittableRandom random) {
        requireNonNull(a, "a is null");
        if (!(tau > 0)) {
            return new DenseDoubleMatrix1D(a.rangeSize());
        }
        DoubleMatrix1D best = null;
        double bestError = -1;
        for (int start = 0; start < starts; start++) {
            DoubleMatrix1D e = start == 0
                    ? scaledTo(a.apply(minimumConicDirection(a, truth, random)), tau)
                    : scaledTo(RandomMatrices.gaussianVector(a.rangeSize(), 1, random), tau);
            for (int step = 0; step < steps; step++) {
                DoubleMatrix2D error = recover(a, truth, clean, e, random);
                error.assign(truth, cern.jet.math.Functions.minus);
                double size = MatrixOps.frobeniusNorm(error);
                if (size > bestError) {
                    bestError = size;
                    best = e;
                }
                DoubleMatrix1D image = a.apply(error);
                if (MatrixOps.norm(image) == 0) {
                    break;
                }
                e = scaledTo(image, tau);
            }
        }
        return best;
    }

    /** The recovery the search attacks: {@code argmin ||X||_* s.t. ||A(X) - (clean + e)|| <= ||e||}. */
    DoubleMatrix2D recover(LinearOperator a, DoubleMatrix2D truth, DoubleMatrix1D clean, DoubleMatrix1D e,
            SplittableRandom random) {
        DoubleMatrix1D y = clean.copy();
        y.assign(e, cern.jet.math.Functions.plus);
        return solver.solve(a, y, MatrixOps.norm(e), new DenseDoubleMatrix2D(truth.rows(), truth.columns()), random,
                (k, x) -> true).x();
    }

    /**
     * A unit Z in the descent cone at {@code truth} with locally minimal {@code ||A(Z)||}: projected gradient descent
     * on {@code ||A(Z)||^2 / 2} with step {@code 1 / ||A||^2}, projecting onto the cone and renormalizing each step.
     */
    static DoubleMatrix2D minimumConicDirection(LinearOperator a, DoubleMatrix2D truth, SplittableRandom random) {
        DescentCone cone = new DescentCone(truth);
        double step = 1 / OperatorNorms.squaredNormEstimate(a, 50, random);
        DoubleMatrix2D z = cone.project(RandomMatrices.gaussian(truth.rows(), truth.columns(), 1, random));
        if (MatrixOps.frobeniusNorm(z) == 0) {
            // The draw fell in the polar cone; -X* is inside the cone.
            z = truth.copy().assign(cern.jet.math.Functions.neg);
        }
        z = normalized(z);
        for (int k = 0; k < CONIC_STEPS; k++) {
            DoubleMatrix2D moved = a.adjoint(a.apply(z));
            moved.assign(cern.jet.math.Functions.mult(-step));
            moved.assign(z, cern.jet.math.Functions.plus);
            z = normalized(cone.project(moved));
        }
        return z;
    }

    private static DoubleMatrix2D normalized(DoubleMatrix2D z) {
        double norm = MatrixOps.frobeniusNorm(z);
        if (norm == 0) {
            throw new IllegalStateException("the projected direction vanished");
        }
        return z.assign(cern.jet.math.Functions.div(norm));
    }

    private static DoubleMatrix1D scaledTo(DoubleMatrix1D v, double norm) {
        return v.copy().assign(cern.jet.math.Functions.mult(norm / MatrixOps.norm(v)));
    }
}
