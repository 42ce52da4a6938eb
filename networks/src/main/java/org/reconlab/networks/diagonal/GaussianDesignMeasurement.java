package org.reconlab.networks.diagonal;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import java.util.SplittableRandom;
import java.util.OptionalInt;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * A Gaussian regression design for vectors: {@code y = A w + sigma xi}, {@code A} an n x d matrix with i.i.d.
 * {@code N(0, 1/n)} entries, {@code xi ~ N(0, I_n)}. The scaling {@code 1/sqrt(n)} is the convention of every
 * reconlab Gaussian operator: {@code E ||A w||^2 = ||w||^2}.
 */
public final class GaussianDesignMeasurement implements Measurement {

    private final int dimension;
    private final int samples;
    private final double noise;

    public GaussianDesignMeasurement(int dimension, int samples, double noise) {
        if (dimension < 1 || samples < 1 || !(noise >= 0)) {
            throw new IllegalArgumentException("need d >= 1, n >= 1, noise >= 0; got " + dimension + ", " + samples
                    + ", " + noise);
        }
        this.dimension = dimension;
        this.samples = samples;
        this.noise = noise;
    }

    @Override
    public Shape signalShape() {
        return Shape.vector(dimension);
    }

    @Override
    public OptionalInt observationCount() {
        return OptionalInt.of(samples);
    }

    @Override
    public Observations observe(GroundTruth truth, SplittableRandom random) {
        MatrixOperator operator = new MatrixOperator(
                RandomMatrices.gaussian(samples, dimension, 1 / Math.sqrt(samples), random));
        DoubleMatrix1D values = operator.apply(truth.signal());
        DoubleMatrix1D xi = new DenseDoubleMatrix1D(samples);
        for (int i = 0; i < samples; i++) {
            double e = noise == 0 ? 0 : noise * random.nextGaussian();
            xi.setQuick(i, e);
            values.setQuick(i, values.getQuick(i) + e);
        }
        return new Observations(operator, values, xi);
    }

    @Override
    public Measurement noiseless() {
        return new GaussianDesignMeasurement(dimension, samples, 0);
    }

    /** The dense n x d design, {@code 8 n d} bytes, so that the run's heap check covers it. */
    @Override
    public long estimatedBytes() {
        return 8L * samples * dimension;
    }

    /** {@code x -> A x} for a vector {@code x} (d x 1), adjoint {@code y -> A^T y}. */
    public static final class MatrixOperator implements LinearOperator {
        private final DoubleMatrix2D matrix;

        public MatrixOperator(DoubleMatrix2D matrix) {
            this.matrix = matrix;
        }

        /** The design matrix (a view; do not modify). */
        public DoubleMatrix2D matrix() {
            return matrix;
        }

        /** A copy of the design matrix: exported as operator.npy. */
        @Override
        public java.util.Optional<DoubleMatrix2D> asDenseMatrix() {
            return java.util.Optional.of(matrix.copy());
        }

        @Override
        public Shape domain() {
            return Shape.vector(matrix.columns());
        }

        @Override
        public int rangeSize() {
            return matrix.rows();
        }

        @Override
        public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
            if (x.rows() != matrix.columns() || x.columns() != 1) {
                throw new IllegalArgumentException("signal is " + x.rows() + " x " + x.columns() + ", the design takes "
                        + matrix.columns() + " x 1");
            }
            checkRange(out.size());
            matrix.zMult(x.viewColumn(0), out);
        }

        @Override
        public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
            checkRange(y.size());
            if (out.rows() != matrix.columns() || out.columns() != 1) {
                throw new IllegalArgumentException("output is " + out.rows() + " x " + out.columns() + ", expected "
                        + matrix.columns() + " x 1");
            }
            matrix.zMult(y, out.viewColumn(0), 1, 0, true);
        }

        private void checkRange(int size) {
            if (size != matrix.rows()) {
                throw new IllegalArgumentException("vector has length " + size + ", the design has " + matrix.rows()
                        + " rows");
            }
        }
    }

    public static final class Factory extends DeclaredFactory<Measurement> implements MeasurementFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("n", null, 1, 100_000_000, "number of samples (rows of A)"),
                Parameter.real("noise", 0.0, 0.0, Double.MAX_VALUE, "standard deviation sigma of the additive noise"));

        public Factory() {
            super("gaussian-design",
                    "y = A w + noise, A n x d with i.i.d. N(0, 1/n) entries (E||Aw||^2 = ||w||^2)",
                    PARAMETERS);
        }

        @Override
        public Measurement create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape("measurement 'gaussian-design' takes vectors", Shape.Kind.VECTOR);
            return new GaussianDesignMeasurement(shape.rows(), config.integer("n"), config.real("noise"));
        }
    }
}
