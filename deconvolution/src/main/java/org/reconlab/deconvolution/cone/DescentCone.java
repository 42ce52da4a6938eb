package org.reconlab.deconvolution.cone;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;

/**
 * The descent cone of the nuclear norm at a matrix {@code X = U S V^T} of rank r (its tangent cone):
 * <pre>
 *   D = { Z : &lt;U V^T, Z&gt; + ||P_perp(Z)||_* &lt;= 0 },    P_perp(Z) = (I - U U^T) Z (I - V V^T)
 * </pre>
 * the directions along which {@code ||X + t Z||_*} does not grow to first order (Chandrasekaran, Recht, Parrilo and
 * Willsky 2012). Recovery errors of nuclear norm minimization lie in it.
 */
public final class DescentCone {

    private final DoubleMatrix2D u;
    private final DoubleMatrix2D v;
    private final DoubleMatrix2D sign;
    private final int rank;

    /** The cone at {@code x}; its rank counts singular values above {@code 1e-10} times the largest. */
    public DescentCone(DoubleMatrix2D x) {
        requireNonNull(x, "x is null");
        Decompositions.Svd svd = Decompositions.svd(x);
        double top = svd.singularValues().getQuick(0);
        if (!(top > 0)) {
            throw new IllegalArgumentException("the descent cone at 0 is everything; x must be nonzero");
        }
        this.rank = svd.rank(1e-10 * top);
        this.u = svd.u().viewPart(0, 0, x.rows(), rank).copy();
        this.v = svd.v().viewPart(0, 0, x.columns(), rank).copy();
        this.sign = MatrixOps.multTransB(u, v);
    }

    /**
     * The Euclidean projection onto D. With {@code c = <U V^T, Z>} and {@code s} the singular values of
     * {@code P_perp(Z)}, a point outside D moves to {@code Z - theta U V^T} on the sign part and to
     * {@code SVT(P_perp(Z), theta)} on the complement, {@code theta >= 0} the root of
     * {@code c - theta r + sum_i max(s_i - theta, 0) = 0} (the KKT conditions of the projection; the left side
     * decreases strictly in theta, so bisection finds it).
     */
    public DoubleMatrix2D project(DoubleMatrix2D z) {
        DoubleMatrix2D perpendicular = perpendicular(z);
        double c = MatrixOps.inner(sign, z);
        Decompositions.Svd svd = Decompositions.svd(perpendicular);
        double[] s = svd.singularValues().toArray();
        if (excess(c, s, 0) <= 0) {
            return z.copy();
        }
        double low = 0;
        double high = Math.max(c / rank, 0) + (s.length == 0 ? 0 : s[0]) + 1;
        while (excess(c, s, high) > 0) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-15 * high; i++) {
            double mid = 0.5 * (low + high);
            if (excess(c, s, mid) > 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double theta = high;
        DoubleMatrix2D out = z.copy();
        out.assign(perpendicular, cern.jet.math.Functions.minus);
        out.assign(sign, cern.jet.math.Functions.plusMult(-theta));
        out.assign(svd.reconstruct(s.length, x -> Math.max(x - theta, 0)), cern.jet.math.Functions.plus);
        return out;
    }

    /** {@code <U V^T, Z> + ||P_perp(Z)||_*}: at most 0 exactly on D. */
    public double firstOrderGrowth(DoubleMatrix2D z) {
        return MatrixOps.inner(sign, z) + Decompositions.nuclearNorm(perpendicular(z));
    }

    /** {@code U V^T}, the sign part of the cone's defining inequality (a copy). */
    public DoubleMatrix2D sign() {
        return sign.copy();
    }

    /** {@code P_perp(Z) = (I - U U^T) Z (I - V V^T)}. */
    public DoubleMatrix2D perpendicular(DoubleMatrix2D z) {
        DoubleMatrix2D left = z.copy();
        left.assign(MatrixOps.mult(u, MatrixOps.multTransA(u, z)), cern.jet.math.Functions.minus);
        DoubleMatrix2D out = left.copy();
        out.assign(MatrixOps.multTransB(MatrixOps.mult(left, v), v), cern.jet.math.Functions.minus);
        return out;
    }

    private double excess(double c, double[] s, double theta) {
        double sum = c - theta * rank;
        for (double value : s) {
            sum += Math.max(value - theta, 0);
        }
        return sum;
    }
}
