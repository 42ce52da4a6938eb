package org.reconlab.sketching.problem;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.List;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.spi.Shape;

/**
 * A near rank-r matrix {@code X = U diag(s) V^T} (n1 x n2) with Haar-distributed orthonormal {@code U}, {@code V} and
 * a planted spectrum: a head of {@code r} singular values (all 1, or geometric from 1 down to {@code 1/condition})
 * and an optional tail over the remaining {@code min(n1, n2) - r} directions, scaled to a given Frobenius norm. The
 * tail shapes follow the synthetic test spectra of Tropp, Yurtsever, Udell and Cevher (2017): flat (a noise floor),
 * polynomial {@code (j+1)^-p} and exponential {@code 10^(-q j)} for the j-th tail value, j = 1, 2, ...
 *
 * <p>The spectrum is exact by construction, so the best rank-r error {@code ||X - [[X]]_r||_F} (Eckart-Young) is
 * known without an SVD: the ground truth carries blocks {@code U}, {@code V} and {@code singular-values} (a column, in
 * the planted order). Without a tail only {@code r} directions are drawn, so large low-rank instances are cheap; with
 * one, drawing U and V costs two Householder QRs of n x min(n1, n2) Gaussian matrices (seconds at n = 1000).
 */
public final class NearLowRankProblem implements LowRankProblem {

    /** Singular values of the head. */
    public enum Spectrum { FLAT, GEOMETRIC }

    /** Profile of the tail before it is scaled to its Frobenius norm. */
    public enum Tail { NONE, FLAT, POLYNOMIAL, EXPONENTIAL }

    private final int rows;
    private final int columns;
    private final int rank;
    private final Spectrum spectrum;
    private final double condition;
    private final Tail tail;
    private final double tailNorm;
    private final double tailDecay;

    public NearLowRankProblem(int rows, int columns, int rank, Spectrum spectrum, double condition, Tail tail,
            double tailNorm, double tailDecay) {
        if (rank < 1 || rank > Math.min(rows, columns)) {
            throw new IllegalArgumentException("rank must be in [1, min(rows, columns)] = [1, " + Math.min(rows, columns)
                    + "], got " + rank);
        }
        this.rows = rows;
        this.columns = columns;
        this.rank = rank;
        this.spectrum = spectrum;
        this.condition = condition;
        this.tail = tail;
        this.tailNorm = tailNorm;
        this.tailDecay = tailDecay;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public Shape signalShape() {
        return Shape.matrix(rows, columns);
    }

    /** The planted singular values, head then tail (not necessarily sorted when the tail is large). */
    public double[] singularValues() {
        int p = tail == Tail.NONE ? rank : Math.min(rows, columns);
        double[] s = new double[p];
        for (int j = 0; j < rank; j++) {
            s[j] = spectrum == Spectrum.FLAT || rank == 1 ? 1 : Math.pow(condition, -(double) j / (rank - 1));
        }
        double squared = 0;
        for (int j = 1; j <= p - rank; j++) {
            double value = switch (tail) {
                case NONE -> 0;
                case FLAT -> 1;
                case POLYNOMIAL -> Math.pow(j + 1, -tailDecay);
                case EXPONENTIAL -> Math.pow(10, -tailDecay * j);
            };
            s[rank + j - 1] = value;
            squared += value * value;
        }
        double scale = squared > 0 ? tailNorm / Math.sqrt(squared) : 0;
        for (int j = rank; j < p; j++) {
            s[j] *= scale;
        }
        return s;
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
        DoubleMatrix2D x = MatrixOps.multTransB(scaled, v);
        DoubleMatrix2D values = new DenseDoubleMatrix2D(p, 1);
        for (int t = 0; t < p; t++) {
            values.setQuick(t, 0, s[t]);
        }
        Blocks parts = Blocks.builder().add("U", u).add("V", v).add("singular-values", values).build();
        return new GroundTruth(signalShape(), x, parts);
    }

    public static final class Factory implements ProblemFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("rows", null, 1, Integer.MAX_VALUE, "n1, the number of rows"),
                Parameter.integer("columns", null, 1, Integer.MAX_VALUE, "n2, the number of columns (default: rows)"),
                Parameter.integer("rank", null, 1, Integer.MAX_VALUE, "r, the rank of the head"),
                Parameter.choice("spectrum", "flat", List.of("flat", "geometric"),
                        "head singular values: all 1, or geometric from 1 to 1/condition"),
                Parameter.real("condition", 1.0, 1.0, Double.MAX_VALUE, "kappa = s_1 / s_r of a geometric head"),
                Parameter.choice("tail", "none", List.of("none", "flat", "polynomial", "exponential"),
                        "profile of the singular values beyond the rank"),
                Parameter.real("tail-norm", 0.1, 0.0, Double.MAX_VALUE,
                        "Frobenius norm of the tail, the best rank-r error ||X - [[X]]_r||_F"),
                Parameter.real("tail-decay", 1.0, Double.MIN_VALUE, Double.MAX_VALUE,
                        "p of a polynomial tail (j+1)^-p, q of an exponential tail 10^(-q j)"));

        @Override
        public String name() {
            return "near-low-rank";
        }

        @Override
        public String description() {
            return "n1 x n2 matrix of rank r plus an optional tail, planted spectrum, Haar singular vectors";
        }

        @Override
        public Parameters parameters() {
            return PARAMETERS;
        }

        @Override
        public Problem create(Config config, BuildContext context) {
            int rows = config.integer("rows");
            int columns = config.optionalInteger("columns").orElse(rows);
            int rank = config.integer("rank");
            if (rank > Math.min(rows, columns)) {
                throw new ConfigException("rank", "rank " + rank + " exceeds min(rows, columns) = " + Math.min(rows, columns));
            }
            Spectrum spectrum = Spectrum.valueOf(config.choice("spectrum").toUpperCase(java.util.Locale.ROOT));
            Tail tail = Tail.valueOf(config.choice("tail").toUpperCase(java.util.Locale.ROOT));
            return new NearLowRankProblem(rows, columns, rank, spectrum, config.real("condition"), tail,
                    config.real("tail-norm"), config.real("tail-decay"));
        }
    }
}
