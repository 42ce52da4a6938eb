package org.reconlab.networks.gan;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * The mean of a sample matrix: {@code A(X) = X 1 / n} for X m x n (samples as columns), adjoint
 * {@code A*(y) = y 1^T / n}. A linear discriminator {@code D(x) = <d, x>} sees a data set only through this mean, so
 * this is what a GAN with a linear discriminator is trained on. Deterministic: the random stream is not used.
 */
public final class SampleMeanMeasurement implements Measurement {

    private final int dimension;
    private final int samples;

    public SampleMeanMeasurement(int dimension, int samples) {
        if (dimension < 1 || samples < 1) {
            throw new IllegalArgumentException("need m, n >= 1, got " + dimension + ", " + samples);
        }
        this.dimension = dimension;
        this.samples = samples;
    }

    @Override
    public Shape signalShape() {
        return Shape.matrix(dimension, samples);
    }

    @Override
    public Observations observe(GroundTruth truth, SplittableRandom random) {
        Operator operator = new Operator(dimension, samples);
        return new Observations(operator, operator.apply(truth.signal()), new cern.colt.matrix.impl.DenseDoubleMatrix1D(dimension));
    }

    @Override
    public Measurement noiseless() {
        return this;
    }

    private record Operator(int dimension, int samples) implements LinearOperator {
        @Override
        public Shape domain() {
            return Shape.matrix(dimension, samples);
        }

        @Override
        public int rangeSize() {
            return dimension;
        }

        @Override
        public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
            if (x.rows() != dimension || x.columns() != samples) {
                throw new IllegalArgumentException("samples are " + x.rows() + " x " + x.columns() + ", expected "
                        + dimension + " x " + samples);
            }
            checkRange(out.size());
            for (int i = 0; i < dimension; i++) {
                double sum = 0;
                for (int j = 0; j < samples; j++) {
                    sum += x.getQuick(i, j);
                }
                out.setQuick(i, sum / samples);
            }
        }

        @Override
        public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
            checkRange(y.size());
            if (out.rows() != dimension || out.columns() != samples) {
                throw new IllegalArgumentException("output is " + out.rows() + " x " + out.columns() + ", expected "
                        + dimension + " x " + samples);
            }
            for (int i = 0; i < dimension; i++) {
                double value = y.getQuick(i) / samples;
                for (int j = 0; j < samples; j++) {
                    out.setQuick(i, j, value);
                }
            }
        }

        private void checkRange(int size) {
            if (size != dimension) {
                throw new IllegalArgumentException("vector has length " + size + ", the mean has " + dimension);
            }
        }
    }

    public static final class Factory extends DeclaredFactory<Measurement> implements MeasurementFactory {
        public Factory() {
            super("sample-mean",
                    "the mean of the samples (columns), all a linear discriminator can see of a data set",
                    Parameters.of());
        }

        @Override
        public Measurement create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape("measurement 'sample-mean' takes a matrix of samples (columns)",
                    Shape.Kind.MATRIX);
            return new SampleMeanMeasurement(shape.rows(), shape.columns());
        }
    }
}
