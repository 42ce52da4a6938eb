package org.reconlab.deconvolution.cone;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.LinearOperator;

/**
 * The minimum conic singular value of a linear operator on the descent cone {@code D} of the nuclear norm at a
 * matrix {@code X*}:
 * <pre>
 *   tau_min = min { ||A(Z)|| : Z in D, ||Z||_F = 1 }
 * </pre>
 * It decides exact recovery ({@code tau_min > 0} exactly when noiseless nuclear norm minimization returns X*) and the
 * stability of recovery from noisy data: every solution of {@code min ||X||_* s.t. ||A(X) - y|| <= eta} with
 * {@code ||e|| <= eta} has {@code ||X_hat - X*||_F <= 2 eta / tau_min} (Chandrasekaran, Recht, Parrilo and Willsky
 * 2012, Prop. 2.2; Krahmer and Stoger, CPAM 2021, use it to show that blind deconvolution is badly conditioned).
 *
 * <p>Minimizing a convex quadratic over the intersection of a convex cone with the sphere is not a convex problem, so
 * the value is bracketed:
 * <ul>
 *   <li>{@link #search Upper bound}: a local minimizer found by projected gradient descent on the sphere,
 *       {@code Z <- P_D(Z - A*(A(Z)) / ||A||^2) / ||.||}, with the exact projection onto D, from several starts (the
 *       projections of Gaussian matrices); the least {@code ||A(Z)||} found is attained by a unit Z in D, hence
 *       {@code >= tau_min}.</li>
 *   <li>{@link #lowerBound Lower bound}: on D, {@code -<U V^T, Z> >= ||P_perp(Z)||_* >= ||P_perp(Z)||_F}, so D lies in
 *       the quadratic cone {@code Q = { Z : <U V^T, Z>^2 >= ||P_perp(Z)||_F^2 }} and {@code tau_min >= tau_Q}. For one
 *       quadratic constraint on the sphere the Lagrangian dual is exact (the image of a sphere of dimension at least 2
 *       under two quadratic forms is convex, Brickman 1961; Polyak's S-lemma 1998):
 *       {@code tau_Q^2 = max_{lambda >= 0} lambda_min(G - lambda J)}, with {@code G} the Gram matrix of A and
 *       {@code J} the form of {@code <U V^T, Z>^2 - ||P_perp(Z)||_F^2}. The function of lambda is concave, so a
 *       golden-section search finds its maximum; any lambda gives a valid bound. When the complement
 *       {@code P_perp} has rank at most one (X* rank one with K or N at most 2) its nuclear and Frobenius norms agree,
 *       D and Q differ only by the sign of Z, and the bound is the exact value.</li>
 * </ul>
 * Both work on the explicit Gram matrix of A over the K N entries of Z, built with K N applications of A: meant for
 * the small instances near the phase transition where conic singular values are studied.
 */
public final class ConicSingularValue {

    /** Golden-section steps of the lower bound's search over lambda (the bracket shrinks by 0.618 per step). */
    static final int GOLDEN_SECTION_STEPS = 200;

    private final DescentCone cone;
    private final DoubleMatrix2D gram;
    private final int rows;
    private final int columns;
    private Relaxation relaxation;

    /**
     * A unit direction of D and its image's norm {@code ||A(Z)||}.
     *
     * @param z the unit direction (Frobenius norm 1, in D up to the projection's rounding)
     * @param value {@code ||A(Z)||}
     */
    public record Direction(DoubleMatrix2D z, double value) {
    }

    /** The conic singular values of {@code a} on the descent cone of the nuclear norm at {@code truth}. */
    public ConicSingularValue(LinearOperator a, DoubleMatrix2D truth) {
        requireNonNull(a, "a is null");
        requireNonNull(truth, "truth is null");
        this.cone = new DescentCone(truth);
        this.rows = truth.rows();
        this.columns = truth.columns();
        if (a.domain().rows() != rows || a.domain().columns() * a.domain().depth() != columns) {
            throw new IllegalArgumentException("the operator takes " + a.domain() + ", the truth is " + rows + " x "
                    + columns);
        }
        int size = rows * columns;
        DoubleMatrix2D images = new DenseDoubleMatrix2D(a.rangeSize(), size);
        for (int c = 0; c < size; c++) {
            DoubleMatrix2D unit = new DenseDoubleMatrix2D(rows, columns);
            unit.setQuick(c / columns, c % columns, 1);
            images.viewColumn(c).assign(a.apply(unit));
        }
        this.gram = MatrixOps.multTransA(images, images);
    }

    /** The descent cone the values are taken on. */
    public DescentCone cone() {
        return cone;
    }

    /** {@code ||A(Z)||}, from the Gram matrix. */
    public double imageNorm(DoubleMatrix2D z) {
        return Math.sqrt(Math.max(quadratic(gram, z), 0));
    }

    /**
     * An upper bound on tau_min and the unit direction of D that attains it: the best of {@code starts} runs of
     * {@code steps} projected gradient steps on the sphere, started from the projections onto D of the relaxation's
     * minimizer, of its opposite, and of Gaussian matrices.
     */
    public Direction search(int starts, int steps, SplittableRandom random) {
        if (starts < 1 || steps < 0) {
            throw new IllegalArgumentException("need starts >= 1 and steps >= 0, got " + starts + " and " + steps);
        }
        requireNonNull(random, "random is null");
        double step = 1 / Decompositions.symmetricEigen(gram).values().getQuick(0);
        Direction best = null;
        DoubleMatrix2D relaxed = relaxation().direction();
        for (int start = 0; start < starts; start++) {
            // The relaxation's minimizer and its opposite (the relaxed cone holds both signs), then random points.
            DoubleMatrix2D first = switch (start) {
                case 0 -> relaxed.copy();
                case 1 -> relaxed.copy().assign(cern.jet.math.Functions.neg);
                default -> RandomMatrices.gaussian(rows, columns, 1, random);
            };
            DoubleMatrix2D z = cone.project(first);
            if (MatrixOps.frobeniusNorm(z) == 0) {
                // The draw fell in the polar cone; -X* points into the cone.
                z = cone.sign().assign(cern.jet.math.Functions.neg);
            }
            z = normalized(z);
            for (int k = 0; k < steps; k++) {
                DoubleMatrix2D moved = times(gram, z);
                moved.assign(cern.jet.math.Functions.mult(-step));
                moved.assign(z, cern.jet.math.Functions.plus);
                DoubleMatrix2D projected = cone.project(moved);
                if (MatrixOps.frobeniusNorm(projected) == 0) {
                    break;
                }
                z = normalized(projected);
            }
            double value = imageNorm(z);
            if (best == null || value < best.value()) {
                best = new Direction(z, value);
            }
        }
        return best;
    }

    /**
     * The quadratic relaxation's solution.
     *
     * @param value {@code sqrt(max(0, lambda_min(G - lambda J)))} at the best lambda found: a lower bound on tau_min
     * @param lambda that lambda
     * @param direction a unit eigenvector of {@code G - lambda J} for its least eigenvalue (a minimizer over the
     *     quadratic cone up to sign when the relaxation is tight, and a good start for the search otherwise)
     */
    public record Relaxation(double value, double lambda, DoubleMatrix2D direction) {
    }

    /**
     * A certified lower bound on tau_min: the minimum conic singular value on the quadratic cone that contains D,
     * {@code sqrt(max_{lambda >= 0} lambda_min(G - lambda J))} (see the class comment; exact when {@code P_perp} has
     * rank at most one). It is 0 when the best lambda leaves no positive eigenvalue.
     */
    public double lowerBound() {
        return relaxation().value();
    }

    /** The quadratic relaxation behind {@link #lowerBound()}. */
    public Relaxation relaxation() {
        if (relaxation == null) {
            relaxation = solveRelaxation();
        }
        return relaxation;
    }

    private Relaxation solveRelaxation() {
        int size = rows * columns;
        DoubleMatrix2D sign = cone.sign();
        DoubleMatrix2D form = new DenseDoubleMatrix2D(size, size);
        DoubleMatrix2D[] perpendicular = new DoubleMatrix2D[size];
        for (int c = 0; c < size; c++) {
            DoubleMatrix2D unit = new DenseDoubleMatrix2D(rows, columns);
            unit.setQuick(c / columns, c % columns, 1);
            perpendicular[c] = cone.perpendicular(unit);
        }
        for (int i = 0; i < size; i++) {
            double si = sign.getQuick(i / columns, i % columns);
            for (int j = 0; j < size; j++) {
                double sj = sign.getQuick(j / columns, j % columns);
                // <E_i, P_perp(E_j)>: P_perp is an orthogonal projection, so this is the form of ||P_perp(Z)||_F^2.
                form.setQuick(i, j, si * sj - perpendicular[j].getQuick(i / columns, i % columns));
            }
        }
        // With s = vec(U V^T), r = ||s||^2 (the rank) and J s = r s: lambda_min(G - lambda J) is at most the Rayleigh
        // quotient ||A(U V^T)||^2 / r - lambda r, so every lambda beyond (||A(U V^T)||^2 / r - f(0)) / r is worse than 0.
        double atZero = smallestEigenvalue(gram, form, 0);
        double r = MatrixOps.inner(sign, sign);
        double low = 0;
        double high = Math.max((quadratic(gram, sign) / r - atZero) / r, 0);
        double golden = (Math.sqrt(5) - 1) / 2;
        double left = high - golden * (high - low);
        double right = low + golden * (high - low);
        double fLeft = smallestEigenvalue(gram, form, left);
        double fRight = smallestEigenvalue(gram, form, right);
        double bestLambda = 0;
        double best = atZero;
        for (int k = 0; k < GOLDEN_SECTION_STEPS && high - low > 1e-15 * Math.max(high, 1); k++) {
            if (fLeft > best) {
                best = fLeft;
                bestLambda = left;
            }
            if (fRight > best) {
                best = fRight;
                bestLambda = right;
            }
            if (fLeft < fRight) {
                low = left;
                left = right;
                fLeft = fRight;
                right = low + golden * (high - low);
                fRight = smallestEigenvalue(gram, form, right);
            } else {
                high = right;
                right = left;
                fRight = fLeft;
                left = high - golden * (high - low);
                fLeft = smallestEigenvalue(gram, form, left);
            }
        }
        DoubleMatrix2D shifted = gram.copy();
        shifted.assign(form, cern.jet.math.Functions.plusMult(-bestLambda));
        Decompositions.Eigen eigen = Decompositions.symmetricEigen(shifted);
        int last = eigen.values().size() - 1;
        DoubleMatrix2D direction = new DenseDoubleMatrix2D(rows, columns);
        for (int c = 0; c < size; c++) {
            direction.setQuick(c / columns, c % columns, eigen.vectors().getQuick(c, last));
        }
        return new Relaxation(Math.sqrt(Math.max(best, 0)), bestLambda, normalized(direction));
    }

    private static double smallestEigenvalue(DoubleMatrix2D gram, DoubleMatrix2D form, double lambda) {
        DoubleMatrix2D shifted = gram.copy();
        shifted.assign(form, cern.jet.math.Functions.plusMult(-lambda));
        cern.colt.matrix.DoubleMatrix1D values = Decompositions.symmetricEigen(shifted).values();
        return values.getQuick(values.size() - 1);
    }

    /** {@code vec(Z)^T M vec(Z)}, vec row-major. */
    private static double quadratic(DoubleMatrix2D m, DoubleMatrix2D z) {
        int columns = z.columns();
        double sum = 0;
        for (int i = 0; i < m.rows(); i++) {
            double zi = z.getQuick(i / columns, i % columns);
            if (zi == 0) {
                continue;
            }
            double row = 0;
            for (int j = 0; j < m.columns(); j++) {
                row += m.getQuick(i, j) * z.getQuick(j / columns, j % columns);
            }
            sum += zi * row;
        }
        return sum;
    }

    /** The matrix of {@code M vec(Z)}, vec row-major. */
    private static DoubleMatrix2D times(DoubleMatrix2D m, DoubleMatrix2D z) {
        int columns = z.columns();
        DoubleMatrix2D out = new DenseDoubleMatrix2D(z.rows(), columns);
        for (int i = 0; i < m.rows(); i++) {
            double row = 0;
            for (int j = 0; j < m.columns(); j++) {
                row += m.getQuick(i, j) * z.getQuick(j / columns, j % columns);
            }
            out.setQuick(i / columns, i % columns, row);
        }
        return out;
    }

    private static DoubleMatrix2D normalized(DoubleMatrix2D z) {
        return z.assign(cern.jet.math.Functions.div(MatrixOps.frobeniusNorm(z)));
    }
}
