package org.reconlab.core.optim;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.random.RandomGenerator;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.OperatorNorms;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;

/**
 * Nuclear norm minimization on any linear operator over matrices:
 * <pre>
 *   minimize ||X||_*   subject to   ||A(X) - y||_2 &lt;= eta      (eta = 0: A(X) = y)
 * </pre>
 * by the smoothed conic dual with continuation of Becker, Candes and Grant ("Templates for convex cone problems",
 * Math. Prog. Comp. 2011, TFOCS), the method behind their matrix completion and noisy recovery solvers.
 *
 * <h2>Method</h2>
 * Given a centre {@code X0}, the smoothed problem {@code min ||X||_* + mu/2 ||X - X0||_F^2 s.t. ||A(X) - y|| <= eta}
 * is strongly convex, so its dual
 * <pre>
 *   maximize  D(nu) = min_X { ||X||_* + mu/2 ||X - X0||_F^2 - &lt;A*(nu), X&gt; } + &lt;nu, y&gt; - eta ||nu||_2
 * </pre>
 * is smooth plus a norm. The inner minimizer is {@code X(nu) = SVT(X0 + A*(nu) / mu, 1 / mu)}
 * (singular value thresholding), the smooth part has gradient {@code y - A(X(nu))}, Lipschitz with constant
 * {@code ||A||^2 / mu}, and the prox of {@code eta ||.||} is the vector shrinkage
 * {@code shrink(v, c) = max(0, 1 - c / ||v||) v}. The inner loop is accelerated proximal gradient ascent (FISTA)
 * on {@code nu}:
 * <pre>
 *   nu_bar = nu_k + beta_k (nu_k - nu_{k-1});   X_k = X(nu_bar);   nu_{k+1} = shrink(nu_bar + t (y - A(X_k)), t eta)
 * </pre>
 * with step {@code t = mu / L}, {@code L} a power-method estimate of {@code ||A||^2} times 1.1, raised whenever the
 * curvature observed between consecutive gradients exceeds it; momentum restarts when it opposes the gradient
 * step (the gradient restart of O'Donoghue and Candes 2015). The outer loop is the proximal point method: when the
 * inner loop has converged, the centre moves to the current iterate, {@code X0 <- X_k}, and the dual iterate is kept
 * as a warm start. The fixed points of this loop are exactly the solutions of the unsmoothed problem, whatever
 * {@code mu} is; {@code mu} only trades inner against outer iterations. The inner problems are solved inexactly
 * while the centre still moves (Rockafellar's inexact proximal point method): the first to {@code 1e-3}, each next one
 * to a tenth of the centre's last relative move, never below {@code tolerance}, and the last one to
 * {@code tolerance}.
 *
 * <h2>Scale and stopping rule</h2>
 * {@code mu = smoothing / ||A*(y)||_op}, so the threshold {@code 1/mu} is of the order of the signal's top singular
 * value whatever the scale of {@code y}. The inner loop ends when the gradient mapping
 * {@code (nu_{k+1} - nu_bar) / t} (for {@code eta = 0} the residual {@code y - A(X_k)}; in general how far
 * {@code A(X_k)} is from the ball {@code ||A(X) - y|| <= eta}, and from its boundary when the bound is active) has
 * norm at most {@code inner tolerance * ||y||}. The solver stops when the inner tolerance has reached
 * {@code tolerance} and the centre moved by at most {@code tolerance ||X_k||_F}.
 *
 * <h2>Accuracy on return</h2>
 * Stationarity of the smoothed problem reads {@code A*(nu) - mu (X - X0) in d||X||_*}, so on convergence
 * <ul>
 *   <li>{@code dist(A*(nu), d||X||_*) <= mu ||X - X0||_F <= smoothing * tolerance * ||X||_F / ||A*(y)||_op}, of the order
 *       of {@code smoothing * tolerance} (a relative subgradient error), up to the inner loop's own error;</li>
 *   <li>{@code ||A(X) - y|| <= eta + tolerance ||y||}, and when {@code eta > 0} and the bound is active, the residual
 *       {@code y - A(X)} is parallel to {@code nu};</li>
 * </ul>
 * that is the KKT system of the problem within those tolerances. The tests check both against problems with known
 * solutions. A run that spends its iteration budget first returns its last iterate with {@code converged = false}.
 */
public final class NuclearNormSolver {

    /** Power-method steps used to estimate {@code ||A||^2}. */
    static final int POWER_ITERATIONS = 50;

    /** Margin over the power-method estimate of {@code ||A||^2}, which is a lower bound. */
    static final double LIPSCHITZ_MARGIN = 1.1;

    /** Inner tolerance of the first smoothed problem, whose centre is only a guess. */
    static final double FIRST_INNER_TOLERANCE = 1e-3;

    /** The next inner tolerance is this fraction of the centre's last relative move (never below the tolerance). */
    static final double INNER_TOLERANCE_RATIO = 0.1;

    private final double smoothing;
    private final double tolerance;
    private final int maxIterations;

    /**
     * @param smoothing the dimensionless smoothing weight ({@code mu ||A*(y)||_op}); about 3 balances inner and outer
     *     iterations on the tests' Gaussian and deconvolution problems, with and without noise
     * @param tolerance relative tolerance of the stopping rule
     * @param maxIterations budget of inner (dual gradient) iterations, each one SVD, one {@code A} and one {@code A*}
     */
    public NuclearNormSolver(double smoothing, double tolerance, int maxIterations) {
        if (!(smoothing > 0) || !Double.isFinite(smoothing)) {
            throw new IllegalArgumentException("smoothing must be finite and > 0, got " + smoothing);
        }
        if (!(tolerance > 0) || !(tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
        }
        this.smoothing = smoothing;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** Receives each iterate {@code X_k}; returning {@code false} stops the solver. */
    @FunctionalInterface
    public interface Progress {
        boolean iterate(int iteration, DoubleMatrix2D x);
    }

    /**
     * The result.
     *
     * @param x the last iterate
     * @param dual the dual variable {@code nu} that certifies it: {@code A*(nu)} approximates a subgradient of the
     *     nuclear norm at {@code x}
     * @param iterations inner iterations spent
     * @param centerUpdates proximal point (outer) steps taken
     * @param converged whether the stopping rule was met (rather than the budget spent or the run stopped)
     */
    public record Solution(DoubleMatrix2D x, DoubleMatrix1D dual, int iterations, int centerUpdates, boolean converged) {
    }

    /**
     * Solves the problem from {@code start} (the first centre; zeros are a good start).
     *
     * @param random the stream for the power method's start
     * @param progress told of every iterate; may stop the run
     */
    public Solution solve(LinearOperator a, DoubleMatrix1D y, double eta, DoubleMatrix2D start, RandomGenerator random,
            Progress progress) {
        requireNonNull(a, "a is null");
        requireNonNull(y, "y is null");
        requireNonNull(start, "start is null");
        requireNonNull(random, "random is null");
        requireNonNull(progress, "progress is null");
        if (!(eta >= 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be finite and >= 0, got " + eta);
        }
        if (y.size() != a.rangeSize()) {
            throw new IllegalArgumentException("y has " + y.size() + " entries, the operator gives " + a.rangeSize());
        }
        Shape domain = a.domain();
        int rows = domain.rows();
        int columns = domain.columns() * domain.depth();
        if (start.rows() != rows || start.columns() != columns) {
            throw new IllegalArgumentException("start is " + start.rows() + " x " + start.columns() + ", the operator takes "
                    + rows + " x " + columns);
        }
        double yNorm = MatrixOps.norm(y);
        DoubleMatrix1D nu = new DenseDoubleMatrix1D(y.size());
        if (yNorm <= eta) {
            // X = 0 is feasible and has the least possible norm; nu = 0 certifies it.
            DoubleMatrix2D zero = new DenseDoubleMatrix2D(rows, columns);
            progress.iterate(0, zero);
            return new Solution(zero, nu, 0, 0, true);
        }
        double scale = Decompositions.singularValues(a.adjoint(y))[0];
        if (!(scale > 0)) {
            // A*(y) = 0: y is orthogonal to the range of A, so ||A(X) - y|| >= ||y|| > eta for every X; infeasible.
            progress.iterate(0, start.copy());
            return new Solution(start.copy(), nu, 0, 0, false);
        }
        double mu = smoothing / scale;
        double lipschitz = LIPSCHITZ_MARGIN * OperatorNorms.squaredNormEstimate(a, POWER_ITERATIONS, random) / mu;

        DoubleMatrix2D center = start.copy();
        DoubleMatrix1D previousNu = nu.copy();
        DoubleMatrix1D nuBar = new DenseDoubleMatrix1D(y.size());
        DoubleMatrix1D gradient = new DenseDoubleMatrix1D(y.size());
        DoubleMatrix1D lastNuBar = null;
        DoubleMatrix1D lastGradient = null;
        DoubleMatrix2D x = center.copy();
        DoubleMatrix2D shifted = new DenseDoubleMatrix2D(rows, columns);
        double theta = 1;
        int centerUpdates = 0;
        double innerTolerance = Math.max(tolerance, FIRST_INNER_TOLERANCE);
        if (!progress.iterate(0, x)) {
            return new Solution(x, nu, 0, 0, false);
        }
        for (int k = 1; k <= maxIterations; k++) {
            // Extrapolated dual point (FISTA).
            double thetaNext = 0.5 * (1 + Math.sqrt(1 + 4 * theta * theta));
            double beta = (theta - 1) / thetaNext;
            for (int i = 0; i < nu.size(); i++) {
                nuBar.setQuick(i, nu.getQuick(i) + beta * (nu.getQuick(i) - previousNu.getQuick(i)));
            }
            theta = thetaNext;

            // Primal point X(nu_bar) = SVT(X0 + A*(nu_bar) / mu, 1 / mu) and the dual gradient y - A(X).
            a.adjoint(nuBar, shifted);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    shifted.setQuick(i, j, center.getQuick(i, j) + shifted.getQuick(i, j) / mu);
                }
            }
            x = Decompositions.singularValueThreshold(shifted, 1 / mu);
            a.apply(x, gradient);
            for (int i = 0; i < gradient.size(); i++) {
                gradient.setQuick(i, y.getQuick(i) - gradient.getQuick(i));
            }

            // Curvature safeguard: the step must not exceed the inverse of the curvature seen along the path.
            if (lastNuBar != null) {
                double moved = distance(nuBar, lastNuBar);
                if (moved > 0) {
                    double observed = distance(gradient, lastGradient) / moved;
                    if (observed > lipschitz) {
                        lipschitz = LIPSCHITZ_MARGIN * observed;
                    }
                }
            }
            lastNuBar = nuBar.copy();
            lastGradient = gradient.copy();
            double step = 1 / lipschitz;

            // Proximal gradient ascent step, with the prox of eta ||.|| (vector shrinkage).
            DoubleMatrix1D nuNext = new DenseDoubleMatrix1D(nu.size());
            for (int i = 0; i < nu.size(); i++) {
                nuNext.setQuick(i, nuBar.getQuick(i) + step * gradient.getQuick(i));
            }
            shrink(nuNext, step * eta);
            double mapping = distance(nuNext, nuBar) / step;

            // Gradient restart: drop the momentum when it points against the step just taken.
            double agreement = 0;
            for (int i = 0; i < nu.size(); i++) {
                agreement += (nuBar.getQuick(i) - nuNext.getQuick(i)) * (nuNext.getQuick(i) - nu.getQuick(i));
            }
            if (agreement > 0) {
                theta = 1;
            }
            previousNu = nu;
            nu = nuNext;

            if (!progress.iterate(k, x)) {
                return new Solution(x, nu, k, centerUpdates, false);
            }

            if (mapping <= innerTolerance * yNorm) {
                double moved = MatrixOps.distance(x, center);
                double size = MatrixOps.frobeniusNorm(x);
                if (innerTolerance == tolerance && moved <= tolerance * size) {
                    return new Solution(x, nu, k, centerUpdates + 1, true);
                }
                center = x.copy();
                centerUpdates++;
                theta = 1;
                previousNu = nu.copy();
                lastNuBar = null;
                lastGradient = null;
                // Solve the next smoothed problem about as accurately as the centre is still moving.
                double relativeMove = size > 0 ? moved / size : (moved > 0 ? 1 : 0);
                innerTolerance = Math.max(tolerance, Math.min(innerTolerance, INNER_TOLERANCE_RATIO * relativeMove));
            }
        }
        return new Solution(x, nu, maxIterations, centerUpdates, false);
    }

    /**
     * How far a primal-dual pair is from the KKT system of {@code min ||X||_* s.t. ||A(X) - y|| <= eta}.
     *
     * @param rank the rank of {@code x} (singular values above {@code 1e-8} times the largest)
     * @param tangentError {@code ||P_T(A*(nu)) - U V^T||_F} on the tangent space {@code T} of rank-r matrices at
     *     {@code x = U S V^T}; zero for a subgradient
     * @param complementNorm {@code ||P_T-perp(A*(nu))||_op}; at most 1 for a subgradient
     * @param residual {@code ||A(x) - y||}; at most {@code eta} when feasible
     * @param alignment the cosine between {@code nu} and {@code y - A(x)}; 1 at a solution with an active bound
     *     ({@code eta > 0}), NaN when either is zero
     */
    public record Optimality(int rank, double tangentError, double complementNorm, double residual, double alignment) {
    }

    /** The KKT residuals of {@code solution} for the problem it solved; see {@link Optimality}. */
    public static Optimality optimality(LinearOperator a, DoubleMatrix1D y, Solution solution) {
        DoubleMatrix2D x = solution.x();
        DoubleMatrix2D g = a.adjoint(solution.dual());
        Decompositions.Svd svd = Decompositions.svd(x);
        double top = svd.singularValues().size() == 0 ? 0 : svd.singularValues().getQuick(0);
        int rank = top == 0 ? 0 : svd.rank(1e-8 * top);
        DoubleMatrix2D u = svd.u().viewPart(0, 0, x.rows(), rank).copy();
        DoubleMatrix2D v = svd.v().viewPart(0, 0, x.columns(), rank).copy();
        // P_T-perp(G) = (I - U U^T) G (I - V V^T); P_T(G) = G - P_T-perp(G).
        DoubleMatrix2D left = g.copy();
        left.assign(MatrixOps.mult(u, MatrixOps.multTransA(u, g)), cern.jet.math.Functions.minus);
        DoubleMatrix2D complement = left.copy();
        complement.assign(MatrixOps.multTransB(MatrixOps.mult(left, v), v), cern.jet.math.Functions.minus);
        DoubleMatrix2D tangentMinusSign = g.copy();
        tangentMinusSign.assign(complement, cern.jet.math.Functions.minus);
        tangentMinusSign.assign(MatrixOps.multTransB(u, v), cern.jet.math.Functions.minus);
        double[] complementSingular = Decompositions.singularValues(complement);
        DoubleMatrix1D residual = a.apply(x);
        for (int i = 0; i < residual.size(); i++) {
            residual.setQuick(i, y.getQuick(i) - residual.getQuick(i));
        }
        double residualNorm = MatrixOps.norm(residual);
        double alignment = MatrixOps.inner(solution.dual(), residual) / (MatrixOps.norm(solution.dual()) * residualNorm);
        return new Optimality(rank, MatrixOps.frobeniusNorm(tangentMinusSign),
                complementSingular.length == 0 ? 0 : complementSingular[0], residualNorm, alignment);
    }

    /** {@code v <- max(0, 1 - c / ||v||) v}, the prox of {@code c ||.||_2}. */
    static void shrink(DoubleMatrix1D v, double c) {
        if (c == 0) {
            return;
        }
        double norm = MatrixOps.norm(v);
        double factor = norm <= c ? 0 : 1 - c / norm;
        for (int i = 0; i < v.size(); i++) {
            v.setQuick(i, factor * v.getQuick(i));
        }
    }

    private static double distance(DoubleMatrix1D a, DoubleMatrix1D b) {
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            double d = a.getQuick(i) - b.getQuick(i);
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
