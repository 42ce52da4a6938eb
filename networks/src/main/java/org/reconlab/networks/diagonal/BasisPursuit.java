package org.reconlab.networks.diagonal;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import cern.colt.matrix.linalg.QRDecomposition;
import java.util.ArrayList;
import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.reconlab.core.spi.LinearOperator;

/**
 * Basis pursuit, {@code argmin ||w||_1 subject to A w = y}, as the linear program
 * {@code min 1^T (p + m) s.t. A (p - m) = y, p, m >= 0} ({@code w = p - m}), solved by ojAlgo's simplex solver.
 *
 * <p>A simplex solution is a vertex: {@code w} is supported on a set S of at most n columns with {@code A_S}
 * injective. The solver works to about 1e-9; the solution is then polished by solving {@code A_S w_S = y} by QR on
 * its support, which keeps the optimum (same support and signs) and brings the constraint residual to rounding
 * level, so gaps far below 1e-9 can be measured against it.
 */
public final class BasisPursuit {

    static {
        // ojAlgo prints a hardware-profile notice on standard output when it first loads unless this is set; the
        // CLI's standard output belongs to reconlab.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private BasisPursuit() {
    }

    /** The l1 minimizer among solutions of {@code A w = y}. */
    public static double[] solve(DoubleMatrix2D a, DoubleMatrix1D y) {
        requireNonNull(a, "a is null");
        requireNonNull(y, "y is null");
        int n = a.rows();
        int d = a.columns();
        if (y.size() != n) {
            throw new IllegalArgumentException("A has " + n + " rows, y has " + y.size() + " entries");
        }
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] plus = new Variable[d];
        Variable[] minus = new Variable[d];
        for (int j = 0; j < d; j++) {
            plus[j] = model.addVariable("p" + j).lower(0).weight(1);
            minus[j] = model.addVariable("m" + j).lower(0).weight(1);
        }
        for (int i = 0; i < n; i++) {
            Expression row = model.addExpression("row" + i).level(y.getQuick(i));
            for (int j = 0; j < d; j++) {
                double entry = a.getQuick(i, j);
                if (entry != 0) {
                    row.set(plus[j], entry);
                    row.set(minus[j], -entry);
                }
            }
        }
        Optimisation.Result result = model.minimise();
        if (!result.getState().isOptimal()) {
            throw new IllegalStateException("basis pursuit LP ended " + result.getState() + " (n = " + n + ", d = " + d
                    + "); is A w = y solvable?");
        }
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = plus[j].getValue().doubleValue() - minus[j].getValue().doubleValue();
        }
        return polish(a, y, w);
    }

    /** {@link #solve(DoubleMatrix2D, DoubleMatrix1D)} for a linear operator on vectors, materialized column by column. */
    public static double[] solve(LinearOperator operator, DoubleMatrix1D y) {
        return solve(matrix(operator), y);
    }

    /** The matrix of a linear operator on vectors of length d: column j is the image of the j-th unit vector. */
    public static DoubleMatrix2D matrix(LinearOperator operator) {
        int d = operator.domain().rows();
        if (operator.domain().columns() * operator.domain().depth() != 1) {
            throw new IllegalArgumentException("basis pursuit needs an operator on vectors, got one on a "
                    + operator.domain());
        }
        DoubleMatrix2D a = new DenseDoubleMatrix2D(operator.rangeSize(), d);
        DoubleMatrix2D unit = new DenseDoubleMatrix2D(d, 1);
        for (int j = 0; j < d; j++) {
            unit.setQuick(j, 0, 1);
            a.viewColumn(j).assign(operator.apply(unit));
            unit.setQuick(j, 0, 0);
        }
        return a;
    }

    private static double[] polish(DoubleMatrix2D a, DoubleMatrix1D y, double[] w) {
        double largest = 0;
        for (double v : w) {
            largest = Math.max(largest, Math.abs(v));
        }
        List<Integer> support = new ArrayList<>();
        for (int j = 0; j < w.length; j++) {
            if (Math.abs(w[j]) > 1e-7 * largest) {
                support.add(j);
            }
        }
        if (support.isEmpty() || support.size() > a.rows()) {
            return w;
        }
        DoubleMatrix2D columns = new DenseDoubleMatrix2D(a.rows(), support.size());
        for (int k = 0; k < support.size(); k++) {
            columns.viewColumn(k).assign(a.viewColumn(support.get(k)));
        }
        QRDecomposition qr = new QRDecomposition(columns);
        if (!qr.hasFullRank()) {
            return w;
        }
        DoubleMatrix2D rhs = new DenseDoubleMatrix2D(a.rows(), 1);
        rhs.viewColumn(0).assign(y);
        DoubleMatrix2D solution = qr.solve(rhs);
        double[] polished = new double[w.length];
        double before = 0;
        double after = 0;
        for (int k = 0; k < support.size(); k++) {
            int j = support.get(k);
            polished[j] = solution.getQuick(k, 0);
            if (Math.signum(polished[j]) != Math.signum(w[j])) {
                return w;
            }
        }
        for (int j = 0; j < w.length; j++) {
            before += Math.abs(w[j]);
            after += Math.abs(polished[j]);
        }
        // The polished point is feasible to rounding; keep it only if it is no worse in l1 beyond the LP's accuracy.
        return after <= before + 1e-8 * Math.max(1, before) ? polished : w;
    }
}
