package org.reconlab.sensing.measurement;

import java.util.SplittableRandom;
import java.util.OptionalInt;
import org.reconlab.core.kernel.PackedSymmetricKernels;
import org.reconlab.core.operator.PackedSymmetricOperator;
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

/**
 * Dense Gaussian sensing of a d1 x d2 matrix: {@code y_i = <A_i, X> + e_i}, i = 1..m, with the entries of every
 * {@code A_i} i.i.d. {@code N(0, 1)} and the operator scaled by {@code 1/sqrt(m)}, so that
 * {@code E||A(X)||^2 = ||X||_F^2} for every X. The {@code A_i} are not symmetric; on symmetric signals they act
 * through their symmetric parts. Noise: see {@link GaussianNoise}.
 *
 * <p>When the truth and the model are both symmetric d x d matrices (the pipeline builder asks through
 * {@link #onSymmetricSignals()}), the same {@code A_i} are drawn from the same stream but stored as the packed upper
 * triangles of their symmetric parts ({@link PackedSymmetricOperator}): the observations are the same up to
 * rounding, the operator takes half the memory and a gradient step reads half the bytes.
 */
public final class GaussianMeasurement implements Measurement {

    private final Shape shape;
    private final int m;
    private final double noise;
    private final boolean packedSymmetric;

    public GaussianMeasurement(Shape shape, int m, double noise) {
        this(shape, m, noise, false);
    }

    private GaussianMeasurement(Shape shape, int m, double noise, boolean packedSymmetric) {
        if (shape.kind() != Shape.Kind.MATRIX) {
            throw new IllegalArgumentException("gaussian measurement takes a general matrix shape, got " + shape);
        }
        if (m < 1) {
            throw new IllegalArgumentException("m must be >= 1, got " + m);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be >= 0, got " + noise);
        }
        if (packedSymmetric && shape.rows() != shape.columns()) {
            throw new IllegalArgumentException("packed symmetric storage needs a square shape, got " + shape);
        }
        this.shape = shape;
        this.m = m;
        this.noise = noise;
        this.packedSymmetric = packedSymmetric;
    }

    @Override
    public Shape signalShape() {
        return packedSymmetric ? Shape.symmetric(shape.rows()) : shape;
    }

    @Override
    public OptionalInt observationCount() {
        return OptionalInt.of(m);
    }

    public int m() {
        return m;
    }

    /** Draws the operator alone: m rows of {@code rows * columns} entries N(0, 1/m), row by row. */
    public DenseMeasurementOperator drawOperator(SplittableRandom random) {
        int n = shape.rows() * shape.columns();
        double scale = 1 / Math.sqrt(m);
        double[] rows = new double[Math.multiplyExact(m, n)];
        for (int p = 0; p < rows.length; p++) {
            rows[p] = scale * random.nextGaussian();
        }
        return new DenseMeasurementOperator(shape, m, rows);
    }

    /**
     * Draws the same {@code A_i} as {@link #drawOperator}, from the same stream, and stores the packed upper
     * triangles of their symmetric parts (square shapes only).
     */
    public PackedSymmetricOperator drawPackedOperator(SplittableRandom random) {
        int d = shape.rows();
        if (shape.columns() != d) {
            throw new IllegalStateException("packed symmetric storage needs a square shape, got " + shape);
        }
        int packedLength = PackedSymmetricKernels.packedLength(d);
        double scale = 1 / Math.sqrt(m);
        double[] row = new double[d * d];
        double[] packed = new double[Math.multiplyExact(m, packedLength)];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < row.length; p++) {
                row[p] = scale * random.nextGaussian();
            }
            PackedSymmetricKernels.packMeasurement(row, 0, d, packed, i * packedLength);
        }
        return new PackedSymmetricOperator(d, m, packed);
    }

    @Override
    public Observations observe(GroundTruth truth, SplittableRandom random) {
        return GaussianNoise.observe(packedSymmetric ? drawPackedOperator(random) : drawOperator(random), truth, noise,
                random);
    }

    @Override
    public Measurement noiseless() {
        return noise == 0 ? this : new GaussianMeasurement(shape, m, 0, packedSymmetric);
    }

    /** Packed symmetric storage of the same ensemble, for square shapes; see the class comment. */
    @Override
    public Measurement onSymmetricSignals() {
        return shape.rows() == shape.columns() && !packedSymmetric ? new GaussianMeasurement(shape, m, noise, true)
                : this;
    }

    @Override
    public long estimatedBytes() {
        return packedSymmetric ? PackedSymmetricOperator.bytes(shape.rows(), m) : DenseMeasurementOperator.bytes(shape, m);
    }

    /** The alternative to {@code m} that every sensing measurement offers. */
    static final Parameter OVERSAMPLING = Parameter.real("oversampling", null, Double.MIN_VALUE, Double.MAX_VALUE,
            "instead of m: m = ceil(oversampling * max(d1, d2)), so m grows with a swept dimension");

    /** {@code m}, or {@code ceil(oversampling * max(d1, d2))}; exactly one of them must be given. */
    static int measurementCount(Config config, Shape truth) {
        java.util.OptionalInt m = config.optionalInteger("m");
        java.util.OptionalDouble oversampling = config.optionalReal("oversampling");
        if (m.isPresent() == oversampling.isPresent()) {
            throw new ConfigException(m.isPresent() ? "oversampling" : "m", "give exactly one of 'm' (an integer >= 1)"
                    + " and 'oversampling' (m = ceil(oversampling * max(d1, d2)))");
        }
        if (m.isPresent()) {
            return m.getAsInt();
        }
        double count = Math.ceil(oversampling.getAsDouble() * Math.max(truth.rows(), truth.columns()));
        if (count > Integer.MAX_VALUE) {
            throw new ConfigException("oversampling", "oversampling " + oversampling.getAsDouble() + " gives m = "
                    + count + ", too many");
        }
        return (int) count;
    }

    /** Rejects a dense ensemble of {@code m} matrices of {@code shape} that one Java array cannot hold. */
    static void checkDenseSize(String key, int m, Shape shape) {
        long entries = (long) m * shape.rows() * shape.columns();
        if (entries > Integer.MAX_VALUE - 8) {
            throw new ConfigException(key, m + " dense measurements of a " + shape + " need " + entries
                    + " stored entries, more than one array holds; rank-one-projection needs only m d");
        }
    }

    public static final class Factory extends DeclaredFactory<Measurement> implements MeasurementFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("m", null, 1, Integer.MAX_VALUE, "number of measurements (or give oversampling)"),
                OVERSAMPLING,
                GaussianNoise.PARAMETER);

        public Factory() {
            super("gaussian",
                    "m dense Gaussian measurements <A_i, X>, entries N(0,1), scaled by 1/sqrt(m)",
                    PARAMETERS);
        }

        @Override
        public Measurement create(Config config, BuildContext context) {
            Shape truth = context.requireProblemShape("measurement 'gaussian' senses matrices",
                    Shape.Kind.MATRIX, Shape.Kind.SYMMETRIC_MATRIX);
            int m = measurementCount(config, truth);
            checkDenseSize("m", m, truth);
            return new GaussianMeasurement(Shape.matrix(truth.rows(), truth.columns()), m, config.real("noise"));
        }
    }
}
