package org.reconlab.sensing.optim;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import cern.colt.matrix.linalg.QRDecomposition;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.Shape;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.IterationObserver;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.sensing.measurement.DesignOperator;
import org.reconlab.sensing.model.FactorizedAsymmetricModel;

/**
 * Alternating least squares for {@code X = U V^T} (docs/science.md §1): each iteration solves
 * {@code U <- argmin ||A(U V^T) - y||} with V fixed, then {@code V <- argmin ||A(U V^T) - y||} with the new U, both
 * linear least-squares problems (Householder QR of the m x (d k) design matrix of {@link DesignOperator}). It starts
 * from the model's V (with {@code init: small-random}, a random V; its scale is irrelevant, U absorbs it). Rank one
 * is width 1, rank r is width r. After each iteration the factors are rebalanced column by column,
 * {@code ||u_l|| = ||v_l||}, which leaves {@code U V^T} unchanged and keeps the least-squares problems well scaled.
 *
 * <p>Stopping: the iteration budget, or {@code ||X_t - X_{t-1}||_F <= tolerance ||X_t||_F} when tolerance > 0.
 */
public final class AlternatingLeastSquares implements Optimizer {

    private final int iterations;
    private final double tolerance;

    public AlternatingLeastSquares(int iterations, double tolerance) {
        if (iterations < 0 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("need iterations >= 0 and tolerance >= 0, got " + iterations + ", "
                    + tolerance);
        }
        this.iterations = iterations;
        this.tolerance = tolerance;
    }

    @Override
    public void run(OptimizationTask task, IterationObserver observer) {
        Observations observations = task.requireObservations();
        Blocks parameters = task.parameters();
        DoubleMatrix2D u = parameters.get(FactorizedAsymmetricModel.U);
        DoubleMatrix2D v = parameters.get(FactorizedAsymmetricModel.V);
        DoubleMatrix2D y = new DenseDoubleMatrix2D(observations.values().size(), 1);
        y.viewColumn(0).assign(observations.values());
        if (!observer.observe(0, parameters)) {
            return;
        }
        DoubleMatrix2D previous = MatrixOps.multTransB(u, v);
        for (int iteration = 1; iteration <= iterations; iteration++) {
            u.assign(unvec(solve(DesignOperator.leftDesign(observations.operator(), v), y), u.rows(), u.columns()));
            v.assign(unvec(solve(DesignOperator.rightDesign(observations.operator(), u), y), v.rows(), v.columns()));
            balance(u, v);
            if (!observer.observe(iteration, parameters)) {
                return;
            }
            if (tolerance > 0) {
                DoubleMatrix2D current = MatrixOps.multTransB(u, v);
                double change = MatrixOps.distance(current, previous);
                if (change <= tolerance * MatrixOps.frobeniusNorm(current)) {
                    return;
                }
                previous = current;
            }
        }
    }

    /** The least-squares solution of {@code design z = y}; a rank-deficient design is a numerical outcome. */
    private static DoubleMatrix1D solve(DoubleMatrix2D design, DoubleMatrix2D y) {
        if (design.rows() < design.columns()) {
            throw new IllegalStateException("ALS least-squares problem is underdetermined: m = " + design.rows()
                    + " observations for " + design.columns() + " unknowns (d * width); ALS needs m >= max(d1, d2) * width");
        }
        QRDecomposition qr = new QRDecomposition(design);
        if (!qr.hasFullRank()) {
            throw new IllegalStateException("ALS design matrix of " + design.rows() + " x " + design.columns()
                    + " is rank deficient (the fixed factor has a zero column, or m is too small)");
        }
        return qr.solve(y).viewColumn(0);
    }

    private static DoubleMatrix2D unvec(DoubleMatrix1D z, int rows, int columns) {
        DoubleMatrix2D out = new DenseDoubleMatrix2D(rows, columns);
        for (int j = 0; j < rows; j++) {
            for (int l = 0; l < columns; l++) {
                out.setQuick(j, l, z.getQuick(j * columns + l));
            }
        }
        return out;
    }

    /** Scales column l of U by c and of V by 1/c so both have norm sqrt(||u_l|| ||v_l||). */
    private static void balance(DoubleMatrix2D u, DoubleMatrix2D v) {
        for (int l = 0; l < u.columns(); l++) {
            double nu = Math.sqrt(u.viewColumn(l).zDotProduct(u.viewColumn(l)));
            double nv = Math.sqrt(v.viewColumn(l).zDotProduct(v.viewColumn(l)));
            if (nu == 0 || nv == 0) {
                continue;
            }
            double c = Math.sqrt(nv / nu);
            u.viewColumn(l).assign(cern.jet.math.Functions.mult(c));
            v.viewColumn(l).assign(cern.jet.math.Functions.mult(1 / c));
        }
    }

    public static final class Factory extends DeclaredFactory<Optimizer> implements OptimizerFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("iterations", 50, 0, Integer.MAX_VALUE, "number of (U, V) sweeps"),
                Parameter.real("tolerance", 0.0, 0.0, Double.MAX_VALUE,
                        "stop when ||X_t - X_{t-1}||_F <= tolerance ||X_t||_F (0: run the whole budget)"));

        public Factory() {
            super("als",
                    "alternating least squares on U V^T, from the model's V (random for init small-random)",
                    PARAMETERS);
        }

        @Override
        public Optimizer create(Config config, BuildContext context) {
            context.requireMeasurement("optimizer 'als' solves least-squares problems on the observations");
            if (!(context.model().orElseThrow() instanceof FactorizedAsymmetricModel model)) {
                throw ConfigException.incompatible("optimizer 'als' alternates between U and V and needs model"
                        + " 'factorized-asymmetric', not '" + context.modelName().orElseThrow() + "'");
            }
            // Each half-step solves for d * width unknowns from the m observations: fewer observations than unknowns
            // leave it underdetermined, which the parameters decide before anything is drawn.
            Shape shape = context.signalShape();
            long unknowns = (long) Math.max(shape.rows(), shape.columns()) * model.width();
            int m = context.measurement().orElseThrow().observationCount().orElse(Integer.MAX_VALUE);
            if (m < unknowns) {
                throw ConfigException.incompatible("optimizer 'als' solves least-squares problems of max(d1, d2) * width"
                        + " = " + unknowns + " unknowns from the measurement's m = " + m + " observations: it needs"
                        + " m >= " + unknowns + " (more measurements, or a smaller model width)");
            }
            return new AlternatingLeastSquares(config.integer("iterations"), config.real("tolerance"));
        }
    }
}
