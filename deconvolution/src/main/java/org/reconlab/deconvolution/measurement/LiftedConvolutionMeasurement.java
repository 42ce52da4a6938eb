package org.reconlab.deconvolution.measurement;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;
import org.reconlab.deconvolution.noise.AdversarialNoiseSearch;

/**
 * Blind deconvolution observations {@code y = (B h) conv (C m) + e = A(h m^T) + e}: each draw takes a fresh Gaussian
 * C (L x N, entries N(0, 1/L), so that {@code E||A(X)||^2 = ||X||_F^2}), the basis B of the configured
 * {@link SubspaceBasis} (drawn afresh when random), and builds the {@link LiftedConvolutionOperator}.
 *
 * <p>Noise {@code e} has norm {@code noise-level * ||A(X*)||}: none, random (a uniformly random direction, a
 * normalized Gaussian vector), or adversarial (the direction {@link AdversarialNoiseSearch} finds to maximize the
 * error of nuclear norm recovery, which sees the operator and the truth).
 */
public final class LiftedConvolutionMeasurement implements Measurement {

    /** The kinds of noise. */
    public enum Noise {
        NONE, RANDOM, ADVERSARIAL
    }

    private final int length;
    private final int k;
    private final int n;
    private final SubspaceBasis basis;
    private final Noise noise;
    private final double level;
    private final AdversarialNoiseSearch search;

    /**
     * @param level the noise norm relative to {@code ||A(X*)||}
     * @param search the adversarial search, used when {@code noise} is {@link Noise#ADVERSARIAL}
     */
    public LiftedConvolutionMeasurement(int length, int k, int n, SubspaceBasis basis, Noise noise, double level,
            AdversarialNoiseSearch search) {
        if (k < 1 || n < 1 || k > length) {
            throw new IllegalArgumentException("need 1 <= K <= L and N >= 1, got L = " + length + ", K = " + k + ", N = " + n);
        }
        if (!(level >= 0) || !Double.isFinite(level)) {
            throw new IllegalArgumentException("noise level must be finite and >= 0, got " + level);
        }
        this.length = length;
        this.k = k;
        this.n = n;
        this.basis = requireNonNull(basis, "basis is null");
        this.noise = requireNonNull(noise, "noise is null");
        this.level = level;
        this.search = requireNonNull(search, "search is null");
    }

    @Override
    public Shape signalShape() {
        return Shape.matrix(k, n);
    }

    /**
     * The operator's basis B (L x K, with its spectrum: two more L x K arrays) and C (L x N), and the observations and
     * their noise (L numbers each).
     */
    @Override
    public long estimatedBytes() {
        return 8L * length * (3L * k + n) + 2 * 8L * length;
    }

    /** Draws the operator alone (basis, then C), from {@code random}. */
    public LiftedConvolutionOperator drawOperator(SplittableRandom random) {
        DoubleMatrix2D b = basis.matrix(length, k, random);
        DoubleMatrix2D c = RandomMatrices.gaussian(length, n, 1 / Math.sqrt(length), random);
        return new LiftedConvolutionOperator(b, c);
    }

    @Override
    public Observations observe(GroundTruth truth, SplittableRandom random) {
        DoubleMatrix2D signal = truth.signal();
        if (signal.rows() != k || signal.columns() != n) {
            throw new IllegalArgumentException("truth is " + signal.rows() + " x " + signal.columns() + ", the measurement"
                    + " takes " + k + " x " + n + " (K x N)");
        }
        LiftedConvolutionOperator operator = drawOperator(random);
        DoubleMatrix1D clean = operator.apply(signal);
        double norm = level * MatrixOps.norm(clean);
        DoubleMatrix1D e = switch (noise) {
            case NONE -> new DenseDoubleMatrix1D(length);
            case RANDOM -> randomDirection(length, norm, random);
            case ADVERSARIAL -> search.noise(operator, signal, clean, norm, random);
        };
        DoubleMatrix1D y = clean.copy();
        y.assign(e, cern.jet.math.Functions.plus);
        return new Observations(operator, y, e);
    }

    @Override
    public Measurement noiseless() {
        return new LiftedConvolutionMeasurement(length, k, n, basis, Noise.NONE, 0, search);
    }

    /** A uniformly random direction in R^size scaled to {@code norm}. */
    public static DoubleMatrix1D randomDirection(int size, double norm, SplittableRandom random) {
        DoubleMatrix1D e = RandomMatrices.gaussianVector(size, 1, random);
        double scale = MatrixOps.norm(e);
        return e.assign(cern.jet.math.Functions.mult(scale == 0 ? 0 : norm / scale));
    }

    public static final class Factory extends DeclaredFactory<Measurement> implements MeasurementFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("length", null, 1, 1 << 20, "L, the number of samples of the convolution"),
                Parameter.choice("basis", "identity", List.of("identity", "random-identity", "band-limited"),
                        "filter subspace B: first K columns of the identity (short filter), K random ones, or the K lowest"
                                + " real Fourier modes (not identifiable: a negative control)"),
                Parameter.choice("noise", "none", List.of("none", "random", "adversarial"),
                        "noise e: none, a random direction, or the adversarial search's direction"),
                Parameter.real("noise-level", 0.0, 0, Double.MAX_VALUE, "||e|| / ||A(X*)||"))
                .with(AdversarialNoiseSearch.PARAMETERS.list().toArray(Parameter[]::new));

        public Factory() {
            super("lifted-convolution",
                    "y = (B h) conv (C m) + e, linear in X = h m^T; Gaussian C, short, random-support or "
                            + "band-limited B; random or adversarial e",
                    PARAMETERS);
        }

        @Override
        public Measurement create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape(
                    "measurement 'lifted-convolution' observes a lifted K x N matrix h m^T", Shape.Kind.MATRIX);
            int length = config.integer("length");
            if (shape.rows() > length) {
                throw new ConfigException("length", "L = " + length + " is smaller than K = " + shape.rows()
                        + " of problem '" + context.problemName() + "'; B needs K orthonormal columns in R^L");
            }
            Noise noise = Noise.valueOf(config.choice("noise").toUpperCase(Locale.ROOT));
            double level = config.real("noise-level");
            if (noise == Noise.NONE && level > 0) {
                throw new ConfigException("noise-level", "noise-level " + level + " is set but noise is 'none'; choose"
                        + " noise 'random' or 'adversarial', or drop noise-level");
            }
            return new LiftedConvolutionMeasurement(length, shape.rows(), shape.columns(),
                    SubspaceBasis.fromSpecName(config.choice("basis")), noise, level, AdversarialNoiseSearch.from(config));
        }
    }
}
