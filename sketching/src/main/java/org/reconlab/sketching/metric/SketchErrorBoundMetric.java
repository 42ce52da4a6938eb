package org.reconlab.sketching.metric;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameters;
import org.reconlab.sketching.measurement.SketchMeasurement;
import org.reconlab.sketching.testmatrix.TestMatrixKind;

/**
 * The theoretical error of the orthonormalized double sketch {@code X_hat = Q (Psi Q)^+ W} evaluated on the instance,
 * reported as a relative error {@code sqrt(B) / ||X||_F} beside {@code relative-error}, where B bounds the expected
 * squared error for Gaussian test matrices and noise independent of them:
 * <pre>
 *   E ||X - X_hat||_F^2 &lt;= (l - 1) / (l - k - 1) * min_{0 &lt;= rho &lt;= k - 2} [ (k - 1) / (k - rho - 1) tau_{rho+1}^2(X)
 *                                                    + rho / (k (k - rho - 1)) ||E1||_F^2 ]
 *                         + k / (l (l - k - 1)) ||E2||_F^2  =: B,
 * </pre>
 * with {@code tau_{rho+1}^2(X) = sum_{j > rho} s_j(X)^2}, the squared best rank-rho error. It needs {@code k >= 2}
 * and {@code l >= k + 2}; otherwise the metric is {@code +Infinity}. By Jensen, {@code E||X - X_hat||_F <= sqrt(B)}:
 * single trials may exceed it, their mean square may not.
 *
 * <p>Sources. Without noise it is Theorem 4.3 of Tropp, Yurtsever, Udell and Cevher, "Practical sketching algorithms
 * for low-rank matrix approximation", SIAM J. Matrix Anal. Appl. 38 (2017), for real Gaussian test matrices. The
 * noise terms follow the same proof; we derived them here:
 * <ol>
 *   <li>{@code X - X_hat = (I - QQ^T) X - Q (Psi Q)^+ [Psi (I - QQ^T) X + E2]}, whose two parts are orthogonal. For
 *       Gaussian {@code Psi} independent of {@code Q}, {@code Psi Q} and {@code Psi (I - QQ^T)} are independent, so
 *       {@code E ||X - X_hat||^2 = (1 + k/(l-k-1)) E ||(I - QQ^T) X||^2 + E ||(Psi Q)^+ E2||^2}, and by rotation
 *       invariance {@code E[(G^+)^T G^+] = k / (l (l - k - 1)) I} for an l x k Gaussian G, which gives the E2
 *       term exactly.</li>
 *   <li>{@code ||(I - QQ^T) X||_F <= ||X - Y F||_F} for every F; with {@code F = Omega_1^+ V_1^T} (Halko, Martinsson
 *       and Tropp 2011, proof of Theorem 10.5; {@code V_1} the top-rho right singular vectors of X,
 *       {@code Omega_1 = V_1^T Omega}) the noiseless terms are theirs and {@code E ||E1 Omega_1^+||_F^2 =
 *       rho / (k (k - rho - 1)) ||E1||_F^2}, again by rotation invariance.</li>
 * </ol>
 * The bound applies to {@code double-sketch} too whenever Y has full column rank (the two formulas then agree), and
 * to {@code randomized-svd}, whose error is {@code ||(I - QQ^T) X||_F}; it does not cover rank truncation.
 *
 * <p>Two metrics share this class: {@code sketch-error-bound}, the bound itself, and {@code sketch-bound-exceeded},
 * 1 when the trial's relative error is above it and 0 otherwise, whose mean over the trials of a sweep point is the
 * fraction of trials above the bound (a bound on the root mean square says nothing about single trials, and a
 * heavy-tailed error can keep its mean under the bound while a few trials lie far above; docs/science.md section 5).
 * Where the bound is infinite ({@code l < k + 2}) no trial exceeds it.
 */
public final class SketchErrorBoundMetric implements Metric {

    /** What the metric reports. */
    public enum Kind { BOUND, EXCEEDED }

    private final int k;
    private final int l;
    private final Kind kind;

    public SketchErrorBoundMetric(int k, int l, Kind kind) {
        this.k = k;
        this.l = l;
        this.kind = requireNonNull(kind, "kind is null");
    }

    /** The bound depends on the truth and the noise alone, so it is computed once per trial. */
    @Override
    public double[] evaluate(MetricContext context) {
        double bound = context.perTrial(List.of(SketchErrorBoundMetric.class, k, l), () -> relativeBound(context));
        if (kind == Kind.BOUND) {
            return new double[] {bound};
        }
        double error = MatrixOps.relativeError(context.estimate(), context.truth().signal());
        return new double[] {error > bound ? 1 : 0};
    }

    private double relativeBound(MetricContext context) {
        Observations observations = context.observations().orElseThrow();
        double[] noise = observations.noise().toArray();
        int rangeEntries = observations.operator().domain().rows() * k;
        double e1 = 0;
        double e2 = 0;
        for (int i = 0; i < noise.length; i++) {
            if (i < rangeEntries) {
                e1 += noise[i] * noise[i];
            } else {
                e2 += noise[i] * noise[i];
            }
        }
        double bound = expectedSquaredError(Spectra.matrixSingularValues(context.truth()), k, l, Math.sqrt(e1),
                Math.sqrt(e2));
        return Math.sqrt(bound) / MatrixOps.frobeniusNorm(context.truth().signal());
    }

    /**
     * The bound B above, for singular values {@code s} in decreasing order, sketch sizes k and l, and noise norms
     * {@code e1 = ||E1||_F}, {@code e2 = ||E2||_F}; {@code +Infinity} unless {@code k >= 2} and {@code l >= k + 2}.
     */
    public static double expectedSquaredError(double[] s, int k, int l, double e1, double e2) {
        requireNonNull(s, "s is null");
        if (k < 2 || l < k + 2) {
            return Double.POSITIVE_INFINITY;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int rho = 0; rho <= k - 2; rho++) {
            double range = (k - 1.0) / (k - rho - 1) * Spectra.tailEnergy(s, rho)
                    + rho / ((double) k * (k - rho - 1)) * e1 * e1;
            best = Math.min(best, range);
        }
        return (l - 1.0) / (l - k - 1) * best + k / ((double) l * (l - k - 1)) * e2 * e2;
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        private final Kind kind;

        public Factory(Kind kind) {
            super(kind == Kind.BOUND ? "sketch-error-bound" : "sketch-bound-exceeded", kind == Kind.BOUND
                    ? "root-mean-square bound on the relative error of the double sketch (Tropp et al. 2017 Thm 4.3 "
                            + "plus noise)"
                    : "1 if the relative error is above sketch-error-bound, else 0 (mean over trials: fraction above "
                            + "the bound)",
                    Parameters.of());
            this.kind = requireNonNull(kind, "kind is null");
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            if (context.measurement().isEmpty() || !(context.measurement().get() instanceof SketchMeasurement sketch)) {
                throw ConfigException.incompatible("metric '" + name() + "' evaluates the bound of measurement"
                        + " 'sketch', but the spec has " + context.measurementName()
                                .map(n -> "measurement '" + n + "'").orElse("no measurement"));
            }
            if (sketch.testMatrix() != TestMatrixKind.GAUSSIAN) {
                throw ConfigException.incompatible("metric '" + name() + "' uses a bound proved for Gaussian test matrices,"
                        + " but measurement 'sketch' draws " + sketch.testMatrix().specName() + " ones");
            }
            return new SketchErrorBoundMetric(sketch.rangeSketchSize(), sketch.corangeSketchSize(), kind);
        }
    }
}
