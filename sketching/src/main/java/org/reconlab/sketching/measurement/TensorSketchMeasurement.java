package org.reconlab.sketching.measurement;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import java.util.List;
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
import org.reconlab.sketching.tensor.Tensor3;

/**
 * Noisy double sketches of an n1 x n2 x n3 tensor under the t-product (docs/science.md section 5): Gaussian test
 * tensors {@code Omega} (n2 x k x n3) and {@code Psi} (l x n1 x n3), and observations {@code Y = X * Omega + E1},
 * {@code W = Psi * X + E2} stacked by a {@link TensorSketchOperator}. As for the matrix {@link SketchMeasurement}, the
 * noise tensors have given Frobenius norms and uniformly random directions.
 *
 * <p>{@code test-tensor} says which frontal slices of the test tensors are random. {@code first-slice}, as in the code
 * of Ma, Stöger and Zhu: a standard Gaussian first slice and zeros elsewhere, so every Fourier slice of the test tensor
 * is that same real matrix and the sketch's energy does not grow with n3. {@code full}: standard normal entries in
 * every slice, so every Fourier slice is a Gaussian matrix of variance n3 and the sketch's energy grows like n3
 * against noise of fixed norm, which is a signal-to-noise ratio growing with n3.
 *
 * <p>Draw order from the measurement stream: {@code Omega}, {@code Psi} (only their first slices for
 * {@code first-slice}), the direction of {@code E1}, that of {@code E2}.
 */
public final class TensorSketchMeasurement implements Measurement {

    /** Which frontal slices of the test tensors are random. */
    public enum TestTensor {
        FULL("full"), FIRST_SLICE("first-slice");

        private final String specName;

        TestTensor(String specName) {
            this.specName = specName;
        }

        public String specName() {
            return specName;
        }

        static TestTensor fromSpecName(String name) {
            for (TestTensor kind : values()) {
                if (kind.specName.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown test tensor '" + name + "'");
        }

        /** An {@code rows x columns x n3} test tensor with standard normal entries where this kind draws them. */
        Tensor3 draw(int rows, int columns, int n3, SplittableRandom random) {
            if (this == FULL) {
                return Tensor3.gaussian(rows, columns, n3, 1.0, random);
            }
            Tensor3 tensor = Tensor3.zeros(rows, columns, n3);
            tensor.slice(0).assign(Tensor3.gaussian(rows, columns, 1, 1.0, random).unfolding());
            return tensor;
        }
    }

    private final Shape shape;
    private final int k;
    private final int l;
    private final double rangeNoise;
    private final double corangeNoise;
    private final TestTensor testTensor;

    public TensorSketchMeasurement(Shape shape, int k, int l, double rangeNoise, double corangeNoise,
            TestTensor testTensor) {
        if (shape.kind() != Shape.Kind.TENSOR) {
            throw new IllegalArgumentException("a tensor sketch takes a tensor, not a " + shape);
        }
        SketchSizes.check(k, l, rangeNoise, corangeNoise, shape.rows(), shape.columns(), shape);
        this.shape = shape;
        this.k = k;
        this.l = l;
        this.rangeNoise = rangeNoise;
        this.corangeNoise = corangeNoise;
        this.testTensor = java.util.Objects.requireNonNull(testTensor, "testTensor is null");
    }

    @Override
    public Shape signalShape() {
        return shape;
    }

    public int rangeSketchSize() {
        return k;
    }

    public int corangeSketchSize() {
        return l;
    }

    public TestTensor testTensor() {
        return testTensor;
    }

    /**
     * The test tensors {@code Omega} (n2 x k x n3) and {@code Psi} (l x n1 x n3), each also held in the Fourier domain
     * and transposed there (two complex copies), and the observations and their noise,
     * {@code (n1 k + l n2) n3} numbers each.
     */
    @Override
    public long estimatedBytes() {
        long n1 = shape.rows();
        long n2 = shape.columns();
        long n3 = shape.depth();
        long testEntries = (n2 * k + l * n1) * n3;
        return 8 * testEntries + 2 * 16 * testEntries + 2 * 8 * (n1 * k + l * n2) * n3;
    }

    @Override
    public Observations observe(GroundTruth truth, SplittableRandom random) {
        int n1 = shape.rows();
        int n2 = shape.columns();
        int n3 = shape.depth();
        Tensor3 omega = testTensor.draw(n2, k, n3, random);
        Tensor3 psi = testTensor.draw(l, n1, n3, random);
        TensorSketchOperator operator = new TensorSketchOperator(shape, omega, psi);
        Tensor3 e1 = noise(n1, k, n3, rangeNoise, random);
        Tensor3 e2 = noise(l, n2, n3, corangeNoise, random);
        DoubleMatrix1D noise = new DenseDoubleMatrix1D(operator.rangeSize());
        operator.write(e1, e2, noise);
        DoubleMatrix1D values = operator.apply(truth.signal()).assign(noise, cern.jet.math.Functions.plus);
        return new Observations(operator, values, noise);
    }

    @Override
    public Measurement noiseless() {
        return new TensorSketchMeasurement(shape, k, l, 0, 0, testTensor);
    }

    /** {@code norm G / ||G||_F}, drawn even when the norm is zero so later draws stay aligned. */
    private static Tensor3 noise(int n1, int n2, int n3, double norm, SplittableRandom random) {
        Tensor3 g = Tensor3.gaussian(n1, n2, n3, 1.0, random);
        double scale = norm == 0 ? 0 : norm / MatrixOps.frobeniusNorm(g.unfolding());
        g.unfolding().assign(cern.jet.math.Functions.mult(scale));
        return g;
    }

    public static final class Factory extends DeclaredFactory<Measurement> implements MeasurementFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("k", null, 1, Integer.MAX_VALUE, "second dimension of the range sketch Y = X * Omega"),
                Parameter.integer("l", null, 1, Integer.MAX_VALUE,
                        "first dimension of the co-range sketch W = Psi * X (default: min(2k + 1, n1))"),
                Parameter.real("range-noise", 0.0, 0.0, Double.MAX_VALUE, "||E1||_F, noise added to Y"),
                Parameter.real("corange-noise", 0.0, 0.0, Double.MAX_VALUE, "||E2||_F, noise added to W"),
                Parameter.choice("test-tensor", "full", List.of("full", "first-slice"),
                        "Gaussian entries in every frontal slice of Omega and Psi, or in the first slice only (zeros"
                                + " elsewhere, as in the code of Ma, Stoger and Zhu)"));

        public Factory() {
            super("tensor-sketch",
                    "noisy t-product sketches Y = X * Omega + E1, W = Psi * X + E2 of a third-order tensor",
                    PARAMETERS);
        }

        @Override
        public Measurement create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape("measurement 'tensor-sketch' takes a third-order tensor",
                    Shape.Kind.TENSOR);
            SketchSizes sizes =
                    SketchSizes.read(config, shape, shape.rows(), shape.columns(), context.problemName());
            return new TensorSketchMeasurement(shape, sizes.k(), sizes.l(), sizes.rangeNoise(), sizes.corangeNoise(),
                    TestTensor.fromSpecName(config.choice("test-tensor")));
        }
    }
}
