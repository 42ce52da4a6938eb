package org.reconlab.sensing.measurement;

import java.util.SplittableRandom;
import java.util.OptionalInt;
import org.reconlab.core.kernel.PackedSymmetricKernels;
import org.reconlab.core.operator.PackedSymmetricOperator;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * Dense symmetric Gaussian sensing of a d x d symmetric matrix: {@code y_i = <A_i, X> + e_i} with {@code A_i}
 * symmetric, diagonal entries N(0, 1), off-diagonal entries N(0, 1/2) (a GOE matrix up to scale), all scaled by
 * {@code 1/sqrt(m)}. Then {@code <A_i, X>} has variance {@code ||X||_F^2 / m} for every symmetric X, so
 * {@code E||A(X)||^2 = ||X||_F^2} on symmetric matrices. Noise: see {@link GaussianNoise}. Observations use the
 * packed storage of {@link #drawPackedOperator} (half the memory, half the bytes per gradient step).
 */
public final class SymmetricGaussianMeasurement implements Measurement {

    private final int d;
    private final int m;
    private final double noise;

    public SymmetricGaussianMeasurement(int d, int m, double noise) {
        if (d < 1 || m < 1) {
            throw new IllegalArgumentException("need d >= 1 and m >= 1, got d = " + d + ", m = " + m);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be >= 0, got " + noise);
        }
        this.d = d;
        this.m = m;
        this.noise = noise;
    }

    @Override
    public Shape signalShape() {
        return Shape.symmetric(d);
    }

    @Override
    public OptionalInt observationCount() {
        return OptionalInt.of(m);
    }

    /** Draws the operator: for each i, the upper triangle row by row, mirrored. */
    public DenseMeasurementOperator drawOperator(SplittableRandom random) {
        int n = d * d;
        double diagonal = 1 / Math.sqrt(m);
        double offDiagonal = diagonal / Math.sqrt(2);
        double[] rows = new double[Math.multiplyExact(m, n)];
        for (int i = 0; i < m; i++) {
            int offset = i * n;
            for (int j = 0; j < d; j++) {
                rows[offset + j * d + j] = diagonal * random.nextGaussian();
                for (int k = j + 1; k < d; k++) {
                    double g = offDiagonal * random.nextGaussian();
                    rows[offset + j * d + k] = g;
                    rows[offset + k * d + j] = g;
                }
            }
        }
        return new DenseMeasurementOperator(signalShape(), m, rows);
    }

    /**
     * Draws the same {@code A_i} as {@link #drawOperator}, from the same stream, stored as packed upper triangles
     * ({@code A[j,j]}, and {@code 2 A[j,k]} for {@code j < k}): the draw order is the packed order.
     */
    public PackedSymmetricOperator drawPackedOperator(SplittableRandom random) {
        int n = PackedSymmetricKernels.packedLength(d);
        double diagonal = 1 / Math.sqrt(m);
        double offDiagonal = diagonal / Math.sqrt(2);
        double[] packed = new double[Math.multiplyExact(m, n)];
        int q = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                packed[q++] = diagonal * random.nextGaussian();
                for (int k = j + 1; k < d; k++) {
                    double g = offDiagonal * random.nextGaussian();
                    packed[q++] = g + g;
                }
            }
        }
        return new PackedSymmetricOperator(d, m, packed);
    }

    @Override
    public Observations observe(GroundTruth truth, SplittableRandom random) {
        return GaussianNoise.observe(drawPackedOperator(random), truth, noise, random);
    }

    @Override
    public long estimatedBytes() {
        return PackedSymmetricOperator.bytes(d, m);
    }

    @Override
    public Measurement noiseless() {
        return noise == 0 ? this : new SymmetricGaussianMeasurement(d, m, 0);
    }

    public static final class Factory extends DeclaredFactory<Measurement> implements MeasurementFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("m", null, 1, Integer.MAX_VALUE, "number of measurements (or give oversampling)"),
                GaussianMeasurement.OVERSAMPLING,
                GaussianNoise.PARAMETER);

        public Factory() {
            super("symmetric-gaussian",
                    "m dense symmetric Gaussian (GOE) measurements <A_i, X> of a symmetric X, scaled by 1/sqrt(m)",
                    PARAMETERS);
        }

        @Override
        public Measurement create(Config config, BuildContext context) {
            Shape truth = context.requireProblemShape("measurement 'symmetric-gaussian' senses symmetric matrices",
                    Shape.Kind.SYMMETRIC_MATRIX);
            int m = GaussianMeasurement.measurementCount(config, truth);
            GaussianMeasurement.checkDenseSize("m", m, truth);
            return new SymmetricGaussianMeasurement(truth.rows(), m, config.real("noise"));
        }
    }
}
