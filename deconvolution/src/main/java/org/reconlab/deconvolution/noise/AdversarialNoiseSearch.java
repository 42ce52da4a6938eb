package org.reconlab.deconvolution.noise;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.optim.NuclearNormSolver;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.deconvolution.cone.ConicSingularValue;

/**
 * A search for the noise {@code e} of a given norm {@code tau} that maximizes the error of nuclear norm recovery,
 * {@code ||X_hat(e) - X*||_F} with {@code X_hat(e) = argmin ||X||_* s.t. ||A(X) - A(X*) - e|| <= tau}, the recovery the
 * experiments run (with the oracle bound). See docs/science.md, section 6.
 *
 * <h2>Why these moves</h2>
 * The error {@code Z = X_hat - X*} lies in the descent cone {@code D} of the nuclear norm at {@code X*} (X* is feasible,
 * so {@code ||X_hat||_* <= ||X*||_*}), and {@code ||A(Z)|| <= ||A(X_hat) - y|| + ||e|| <= 2 tau}. Hence
 * {@code ||Z|| <= 2 tau / tau_min} with tau_min the minimum conic singular value ({@link ConicSingularValue}), a bound
 * reached only by a solution on the far side of the noise ball, {@code A(Z) = 2 e}, along a direction of small conic
 * singular value. The search looks for such configurations:
 * <ol>
 *   <li><b>Starts.</b> {@code A(Z_c)} and {@code -A(Z_c)} for {@code Z_c} the direction that attains the searched upper
 *       bound on tau_min ({@link ConicSingularValue#search}), then uniformly random directions.</li>
 *   <li><b>Self-consistency steps.</b> From each start, {@code steps} times: solve the recovery with the current
 *       noise, then set {@code e <- tau A(X_hat(e) - X*) / ||A(X_hat(e) - X*)||}. Noise along the measurements of the
 *       current error makes that error agree with the data, so the next solution moves further along it; a fixed point
 *       has {@code A(Z) = 2 e}, the configuration of the bound.</li>
 *   <li><b>Polishing.</b> {@code polish} random perturbations of the best noise so far (relative size 0.3, shrinking
 *       after a failure and growing after a success), each kept if it raises the error.</li>
 * </ol>
 * It is a local search: no guarantee that it finds the worst noise, only a documented, reproducible attempt whose
 * result is at least as bad as its starts. Its cost is {@code starts * steps + polish} recovery solves. The
 * minimizer's error is typically not along the least visible direction: a minimizer must lower the nuclear norm to
 * first order, which a boundary direction of D does not, so the errors found stay well below {@code 2 tau / tau_min}.
 */
public final class AdversarialNoiseSearch {

    public static final Parameters PARAMETERS = Parameters.of(
            Parameter.integer("search-starts", 4, 1, 100,
                    "adversarial search: starting directions (A(Z) and -A(Z) for the minimum conic singular"
                            + " direction Z, then random ones)"),
            Parameter.integer("search-steps", 4, 1, 1000,
                    "adversarial search: self-consistency steps (one recovery solve each) per start"),
            Parameter.integer("search-polish", 0, 0, 10_000,
                    "adversarial search: random perturbations of the best noise found, each kept if it raises the"
                            + " error (one recovery solve each)"),
            Parameter.integer("search-conic-starts", 8, 1, 1000,
                    "adversarial search: projected gradient starts for the minimum conic singular direction"),
            Parameter.integer("search-conic-steps", 2000, 0, 1_000_000,
                    "adversarial search: projected gradient steps per start for that direction"),
            Parameter.real("search-tolerance", 1e-7, Double.MIN_VALUE, 0.5,
                    "adversarial search: tolerance of its nuclear norm solves"));

    /** First relative size of a polishing perturbation, {@code ||delta|| / ||e||}. */
    static final double POLISH_FIRST_SIZE = 0.3;

    /** The perturbation shrinks by this factor after a failed try and grows by its inverse after a kept one. */
    static final double POLISH_SHRINK = 0.7;

    private final int starts;
    private final int steps;
    private final int polish;
    private final int conicStarts;
    private final int conicSteps;
    private final NuclearNormSolver solver;

    public AdversarialNoiseSearch(int starts, int steps, int polish, int conicStarts, int conicSteps, double tolerance) {
        if (starts < 1 || steps < 1 || polish < 0 || conicStarts < 1 || conicSteps < 0) {
            throw new IllegalArgumentException("need starts, steps, conic starts >= 1 and polish, conic steps >= 0, got "
                    + starts + ", " + steps + ", " + conicStarts + ", " + polish + ", " + conicSteps);
        }
        this.starts = starts;
        this.steps = steps;
        this.polish = polish;
        this.conicStarts = conicStarts;
        this.conicSteps = conicSteps;
        this.solver = new NuclearNormSolver(3.0, tolerance, 1_000_000);
    }

    /** The defaults of {@link #PARAMETERS}. */
    public static AdversarialNoiseSearch defaults() {
        return from(PARAMETERS.validate(java.util.Map.of()));
    }

    /** The search configured by the {@link #PARAMETERS} keys of {@code config}. */
    public static AdversarialNoiseSearch from(Config config) {
        return new AdversarialNoiseSearch(config.integer("search-starts"), config.integer("search-steps"),
                config.integer("search-polish"), config.integer("search-conic-starts"),
                config.integer("search-conic-steps"), config.real("search-tolerance"));
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
        DoubleMatrix1D conic = a.apply(new ConicSingularValue(a, truth).search(conicStarts, conicSteps, random).z());
        Candidate best = null;
        for (int start = 0; start < starts; start++) {
            DoubleMatrix1D e = switch (start) {
                case 0 -> scaledTo(conic, tau);
                case 1 -> scaledTo(conic, -tau);
                default -> scaledTo(RandomMatrices.gaussianVector(a.rangeSize(), 1, random), tau);
            };
            for (int step = 0; step < steps; step++) {
                Candidate candidate = evaluate(a, truth, clean, e, random);
                if (best == null || candidate.error() > best.error()) {
                    best = candidate;
                }
                DoubleMatrix1D image = a.apply(candidate.deviation());
                if (MatrixOps.norm(image) == 0) {
                    break;
                }
                e = scaledTo(image, tau);
            }
        }
        double size = POLISH_FIRST_SIZE;
        for (int k = 0; k < polish; k++) {
            DoubleMatrix1D tried = RandomMatrices.gaussianVector(a.rangeSize(), 1, random);
            tried = scaledTo(tried, size * tau);
            tried.assign(best.noise(), cern.jet.math.Functions.plus);
            Candidate candidate = evaluate(a, truth, clean, scaledTo(tried, tau), random);
            if (candidate.error() > best.error()) {
                best = candidate;
                size = Math.min(size / POLISH_SHRINK, 1);
            } else {
                size *= POLISH_SHRINK;
            }
        }
        return best.noise();
    }

    /** A noise vector, the recovery error it causes and that error {@code X_hat - X*}. */
    private record Candidate(DoubleMatrix1D noise, DoubleMatrix2D deviation, double error) {
    }

    private Candidate evaluate(LinearOperator a, DoubleMatrix2D truth, DoubleMatrix1D clean, DoubleMatrix1D e,
            SplittableRandom random) {
        DoubleMatrix2D deviation = recover(a, truth, clean, e, random);
        deviation.assign(truth, cern.jet.math.Functions.minus);
        return new Candidate(e, deviation, MatrixOps.frobeniusNorm(deviation));
    }

    /** The recovery the search attacks: {@code argmin ||X||_* s.t. ||A(X) - (clean + e)|| <= ||e||}. */
    DoubleMatrix2D recover(LinearOperator a, DoubleMatrix2D truth, DoubleMatrix1D clean, DoubleMatrix1D e,
            SplittableRandom random) {
        DoubleMatrix1D y = clean.copy();
        y.assign(e, cern.jet.math.Functions.plus);
        return solver.solve(a, y, MatrixOps.norm(e), new DenseDoubleMatrix2D(truth.rows(), truth.columns()), random,
                (k, x) -> true).x();
    }

    private static DoubleMatrix1D scaledTo(DoubleMatrix1D v, double norm) {
        return v.copy().assign(cern.jet.math.Functions.mult(norm / MatrixOps.norm(v)));
    }
}
