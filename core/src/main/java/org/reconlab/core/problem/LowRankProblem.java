package org.reconlab.core.problem;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.ByteCounts;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.spi.Shape;

/**
 * A rows x columns matrix {@code X* = U diag(s) V^T} of rank r, or near rank r, with Haar-distributed orthonormal
 * {@code U} and {@code V} and a planted {@link Spectrum}: a head of r singular values from 1 down to {@code 1/kappa}
 * (docs/science.md §1) and an optional tail over the remaining {@code min(rows, columns) - r} directions
 * (docs/science.md §5). Rank one with a head of 1 is {@code u v^T} with u and v uniform on the unit spheres.
 *
 * <p>The spectrum is exact by construction, so the best rank-r error {@code ||X - [[X]]_r||_F} (Eckart-Young) is
 * known without an SVD: the ground truth carries blocks {@value #U}, {@value #V} and {@value #SINGULAR_VALUES} (a
 * column, head then tail). Without a tail only r directions are drawn, so large low-rank instances are cheap; with
 * one, drawing U and V costs two Householder QRs of n x min(rows, columns) Gaussian matrices (seconds at n = 1000).
 */
public final class LowRankProblem implements Problem {

    /** Block of the left singular vectors, rows x p (p = r without a tail, else min(rows, columns)). */
    public static final String U = "U";
    /** Block of the right singular vectors, columns x p. */
    public static final String V = "V";
    /** Block of the planted singular values, p x 1, head then tail (not necessarily sorted when the tail is large). */
    public static final String SINGULAR_VALUES = "singular-values";

    private final int rows;
    private final int columns;
    private final double[] head;
    private final double[] tail;

    /** A matrix of exact rank {@code singularValues.length}. */
    public LowRankProblem(int rows, int columns, double[] singularValues) {
        this(rows, columns, singularValues, new double[0]);
    }

    /**
     * @param head the r positive singular values of the low-rank part
     * @param tail empty, or the {@code min(rows, columns) - r} nonnegative singular values beyond the rank
     */
    public LowRankProblem(int rows, int columns, double[] head, double[] tail) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1, got " + rows + " x " + columns);
        }
        int full = Math.min(rows, columns);
        if (head.length < 1 || head.length > full) {
            throw new IllegalArgumentException("rank must be in [1, min(rows, columns)] = [1, " + full + "], got "
                    + head.length);
        }
        if (tail.length != 0 && tail.length != full - head.length) {
            throw new IllegalArgumentException("a tail has min(rows, columns) - rank = " + (full - head.length)
                    + " values, got " + tail.length);
        }
        for (double s : head) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("singular values of the head must be positive and finite, got " + s);
            }
        }
        for (double s : tail) {
            if (!(s >= 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("singular values of the tail must be >= 0 and finite, got " + s);
            }
        }
        this.rows = rows;
        this.columns = columns;
        this.head = head.clone();
        this.tail = tail.clone();
    }

    /** The rank r of the planted low-rank part (the head). */
    public int rank() {
        return head.length;
    }

    /** The planted singular values, head then tail. */
    public double[] singularValues() {
        double[] values = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, values, head.length, tail.length);
        return values;
    }

    @Override
    public Shape signalShape() {
        return Shape.matrix(rows, columns);
    }

    /**
     * The signal, the kept factors {@code U} and {@code V} (rows x p and columns x p), the scaled copy of {@code U}
     * the signal is formed from, and the Householder QR that orthonormalizes a factor (its Gaussian matrix, the
     * factored copy, {@code Q} and the p x p {@code R}): small without a tail, where p = r, and three times the
     * signal's size for a square problem with one, where p = n.
     */
    @Override
    public long estimatedBytes() {
        long p = head.length + tail.length;
        long factors = ByteCounts.times(p, 2L * rows + columns);
        long qr = ByteCounts.plus(ByteCounts.times(3L * Math.max(rows, columns), p), ByteCounts.times(p, p));
        return ByteCounts.doubles(ByteCounts.plus(signalShape().size(), ByteCounts.plus(factors, qr)));
    }

    /** Draws {@code U}, then {@code V}, from {@code random}. */
    @Override
    public GroundTruth draw(SplittableRandom random) {
        double[] s = singularValues();
        int p = s.length;
        DoubleMatrix2D u = RandomMatrices.orthonormalColumns(rows, p, random);
        DoubleMatrix2D v = RandomMatrices.orthonormalColumns(columns, p, random);
        DoubleMatrix2D scaled = u.copy();
        for (int i = 0; i < rows; i++) {
            for (int t = 0; t < p; t++) {
                scaled.setQuick(i, t, scaled.getQuick(i, t) * s[t]);
            }
        }
        DoubleMatrix2D values = new DenseDoubleMatrix2D(p, 1);
        for (int t = 0; t < p; t++) {
            values.setQuick(t, 0, s[t]);
        }
        Blocks parts = Blocks.builder().add(U, u).add(V, v).add(SINGULAR_VALUES, values).build();
        return new GroundTruth(signalShape(), MatrixOps.multTransB(scaled, v), parts);
    }

    public static final class Factory extends DeclaredFactory<Problem> implements ProblemFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("rows", 50, 1, Integer.MAX_VALUE, "n1, the number of rows of X*"),
                Parameter.integer("columns", null, 1, Integer.MAX_VALUE, "n2, the number of columns (default: rows)"),
                Parameter.integer("rank", 2, 1, Integer.MAX_VALUE, "r, the rank of the head, at most min(rows, columns)"),
                Spectrum.CONDITION_NUMBER,
                Spectrum.SPACING,
                Spectrum.TAIL,
                Spectrum.TAIL_NORM,
                Spectrum.TAIL_DECAY);

        public Factory() {
            super("low-rank",
                    "rows x columns matrix of rank r plus an optional tail, Haar singular vectors, singular values"
                            + " from 1 to 1/kappa",
                    PARAMETERS);
        }

        @Override
        public Problem create(Config config, BuildContext context) {
            int rows = config.integer("rows");
            int columns = config.optionalInteger("columns").orElse(rows);
            int rank = config.integer("rank");
            if ((long) rows * columns > Integer.MAX_VALUE) {
                throw new ConfigException(config.optionalInteger("columns").isPresent() ? "columns" : "rows",
                        "rows x columns = " + rows + " x " + columns + " = " + (long) rows * columns + " entries, more"
                                + " than the " + Integer.MAX_VALUE + " a dense matrix holds");
            }
            int full = Math.min(rows, columns);
            if (rank > full) {
                throw new ConfigException("rank", "rank " + rank + " exceeds min(rows, columns) = " + full);
            }
            return new LowRankProblem(rows, columns, Spectrum.headFromConfig(rank, config),
                    Spectrum.tailFromConfig(full - rank, config));
        }
    }
}
