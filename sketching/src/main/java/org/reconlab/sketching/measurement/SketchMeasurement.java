package org.reconlab.sketching.measurement;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
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
import org.reconlab.sketching.streaming.StreamingSketch;
import org.reconlab.sketching.testmatrix.TestMatrix;
import org.reconlab.sketching.testmatrix.TestMatrixKind;

/**
 * Noisy double sketches of an n1 x n2 matrix (docs/science.md §5): test matrices {@code Omega} (n2 x k) and
 * {@code Psi} (l x n1), and observations {@code Y = X Omega + E1}, {@code W = Psi X + E2} stacked as
 * {@code [vec(Y); vec(W)]} by a {@link SketchOperator}. The noise matrices have given Frobenius norms and uniformly
 * random directions ({@code E = norm G / ||G||_F}, G Gaussian), independent of the test matrices, as the error
 * bound of {@code SketchErrorBoundMetric} assumes. A tensor is sketched as its mode-1 unfolding.
 *
 * <p>Test matrices follow the sketching literature, not the {@code 1/sqrt(m)} normalization of sensing operators:
 * Gaussian ones have standard normal entries, so {@code E||A(X)||^2 = (k + l) ||X||_F^2}, and the structured kinds
 * match that second moment (see {@link TestMatrix}).
 *
 * <p>{@code delivery} says how the sketches are formed: at once ({@code batch}), or by a {@link StreamingSketch} fed
 * every entry of X as an entry update ({@code entries}) or every column {@code x_j} as a rank-one update
 * {@code x_j e_j^T} ({@code rank-one}), in a random order. The streamed sketches equal the batch ones up to rounding;
 * the option lets a spec run the streaming path.
 *
 * <p>Draw order from the measurement stream: {@code Omega}, {@code Psi}, the direction of {@code E1}, that of
 * {@code E2}, then the delivery order. Every noise level thus sees the same test matrices and noise directions.
 */
public final class SketchMeasurement implements Measurement {

    /** How the sketches are formed. */
    public enum Delivery { BATCH, ENTRIES, RANK_ONE }

    private final Shape shape;
    private final int k;
    private final int l;
    private final TestMatrixKind testMatrix;
    private final double rangeNoise;
    private final double corangeNoise;
    private final Delivery delivery;

    public SketchMeasurement(Shape shape, int k, int l, TestMatrixKind testMatrix, double rangeNoise,
            double corangeNoise, Delivery delivery) {
        this.shape = requireNonNull(shape, "shape is null");
        this.testMatrix = requireNonNull(testMatrix, "testMatrix is null");
        this.delivery = requireNonNull(delivery, "delivery is null");
        int n1 = shape.rows();
        int n2 = shape.columns() * shape.depth();
        SketchSizes.check(k, l, rangeNoise, corangeNoise, n1, n2, shape);
        this.k = k;
        this.l = l;
        this.rangeNoise = rangeNoise;
        this.corangeNoise = corangeNoise;
    }

    @Override
    public Shape signalShape() {
        return shape;
    }

    /** {@code k}, the width of the range sketch. */
    public int rangeSketchSize() {
        return k;
    }

    /** {@code l}, the height of the co-range sketch. */
    public int corangeSketchSize() {
        return l;
    }

    public TestMatrixKind testMatrix() {
        return testMatrix;
    }

    /** {@code ||E1||_F}. */
    public double rangeNoise() {
        return rangeNoise;
    }

    /** {@code ||E2||_F}. */
    public double corangeNoise() {
        return corangeNoise;
    }

    /**
     * The test matrices {@code Omega^T} (k x n2) and {@code Psi} (l x n1), and the observations and their noise,
     * {@code n1 k + l n2} numbers each.
     */
    @Override
    public long estimatedBytes() {
        long n1 = shape.rows();
        long n2 = (long) shape.columns() * shape.depth();
        return testMatrix.bytes(k, (int) n2) + testMatrix.bytes(l, (int) n1) + 2 * 8 * (n1 * k + l * n2);
    }

    @Override
    public Observations observe(GroundTruth truth, SplittableRandom random) {
        DoubleMatrix2D x = truth.signal();
        int n1 = shape.rows();
        int n2 = shape.columns() * shape.depth();
        TestMatrix omegaTransposed = testMatrix.draw(k, n2, random);
        TestMatrix psi = testMatrix.draw(l, n1, random);
        SketchOperator operator = new SketchOperator(shape, omegaTransposed, psi);
        DoubleMatrix2D e1 = noise(n1, k, rangeNoise, random);
        DoubleMatrix2D e2 = noise(l, n2, corangeNoise, random);
        DoubleMatrix1D clean = new DenseDoubleMatrix1D(operator.rangeSize());
        switch (delivery) {
            case BATCH -> operator.apply(x, clean);
            case ENTRIES, RANK_ONE -> {
                StreamingSketch stream = stream(x, omegaTransposed, psi, random);
                operator.write(stream.rangeSketch(), stream.corangeSketch(), clean);
            }
        }
        DoubleMatrix1D noise = new DenseDoubleMatrix1D(operator.rangeSize());
        operator.write(e1, e2, noise);
        DoubleMatrix1D values = clean.copy().assign(noise, cern.jet.math.Functions.plus);
        return new Observations(operator, values, noise);
    }

    @Override
    public Measurement noiseless() {
        return new SketchMeasurement(shape, k, l, testMatrix, 0, 0, delivery);
    }

    private StreamingSketch stream(DoubleMatrix2D x, TestMatrix omegaTransposed, TestMatrix psi, SplittableRandom random) {
        StreamingSketch stream = new StreamingSketch(omegaTransposed, psi);
        int n1 = x.rows();
        int n2 = x.columns();
        if (delivery == Delivery.ENTRIES) {
            for (int index : permutation(n1 * n2, random)) {
                stream.addEntry(index / n2, index % n2, x.getQuick(index / n2, index % n2));
            }
        } else {
            for (int j : permutation(n2, random)) {
                DoubleMatrix2D unit = new DenseDoubleMatrix2D(n2, 1);
                unit.setQuick(j, 0, 1);
                stream.addRankOne(1, x.viewPart(0, j, n1, 1).copy(), unit);
            }
        }
        return stream;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** {@code norm G / ||G||_F} for a Gaussian G, drawn even when the norm is zero so later draws stay aligned. */
    private static DoubleMatrix2D noise(int rows, int columns, double norm, SplittableRandom random) {
        DoubleMatrix2D g = org.reconlab.core.linalg.RandomMatrices.gaussian(rows, columns, 1.0, random);
        double scale = norm == 0 ? 0 : norm / MatrixOps.frobeniusNorm(g);
        return g.assign(cern.jet.math.Functions.mult(scale));
    }

    public static final class Factory extends DeclaredFactory<Measurement> implements MeasurementFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("k", null, 1, Integer.MAX_VALUE, "width of the range sketch Y = X Omega"),
                Parameter.integer("l", null, 1, Integer.MAX_VALUE,
                        "height of the co-range sketch W = Psi X (default: min(2k + 1, n1))"),
                Parameter.choice("test-matrix", "gaussian", TestMatrixKind.specNames(),
                        "distribution of Omega and Psi"),
                Parameter.real("range-noise", 0.0, 0.0, Double.MAX_VALUE, "||E1||_F, noise added to Y"),
                Parameter.real("corange-noise", 0.0, 0.0, Double.MAX_VALUE, "||E2||_F, noise added to W"),
                Parameter.choice("delivery", "batch", List.of("batch", "entries", "rank-one"),
                        "sketch X at once, or stream it as entry or rank-one (column) updates"));

        public Factory() {
            super("sketch", "noisy range and co-range sketches Y = X Omega + E1, W = Psi X + E2", PARAMETERS);
        }

        @Override
        public Measurement create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape("measurement 'sketch' takes a matrix or tensor",
                    Shape.Kind.MATRIX,
                    Shape.Kind.SYMMETRIC_MATRIX, Shape.Kind.TENSOR);
            int n1 = shape.rows();
            int n2 = shape.columns() * shape.depth();
            SketchSizes sizes = SketchSizes.read(config, shape, n1, n2, context.problemName());
            return new SketchMeasurement(shape, sizes.k(), sizes.l(),
                    TestMatrixKind.fromSpecName(config.choice("test-matrix")), sizes.rangeNoise(), sizes.corangeNoise(),
                    Delivery.valueOf(config.choice("delivery").toUpperCase(Locale.ROOT).replace('-', '_')));
        }
    }
}
