package org.example.completion;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
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
 * Matrix completion: m distinct entries of X, chosen uniformly at random, each scaled by sqrt(rows columns / m) so that
 * E[A* A] = I, plus Gaussian noise of standard deviation {@code noise}.
 */
public record EntrySampling(Shape shape, int m, double noise) implements Measurement {

    @Override
    public Shape signalShape() {
        return shape;
    }

    @Override
    public Observations observe(GroundTruth truth, SplittableRandom random) {
        Sampled operator = new Sampled(shape, distinctEntries(shape.rows() * shape.columns(), m, random),
                Math.sqrt((double) shape.rows() * shape.columns() / m));
        DoubleMatrix1D values = operator.apply(truth.signal());
        DoubleMatrix1D noiseValues = new DenseDoubleMatrix1D(m);
        for (int k = 0; k < m; k++) {
            noiseValues.setQuick(k, noise * random.nextGaussian());
            values.setQuick(k, values.getQuick(k) + noiseValues.getQuick(k));
        }
        return new Observations(operator, values, noiseValues);
    }

    /** Lets components built after this one check their sizes against m when the pipeline is built. */
    @Override
    public OptionalInt observationCount() {
        return OptionalInt.of(m);
    }

    @Override
    public Measurement noiseless() {
        return new EntrySampling(shape, m, 0);
    }

    /** m distinct indices of 0..n-1 in random order (the first m of a partial Fisher-Yates shuffle). */
    private static int[] distinctEntries(int n, int m, SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int k = 0; k < m; k++) {
            int j = k + random.nextInt(n - k);
            int swap = all[k];
            all[k] = all[j];
            all[j] = swap;
        }
        return java.util.Arrays.copyOf(all, m);
    }

    /** A(X)_k = scale X[i_k, j_k] for the entry index_k = i_k columns + j_k; A*(y) puts scale y_k back at that entry. */
    private record Sampled(Shape domain, int[] entries, double scale) implements LinearOperator {

        @Override
        public int rangeSize() {
            return entries.length;
        }

        @Override
        public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
            requireSizes(x, out);
            for (int k = 0; k < entries.length; k++) {
                out.setQuick(k, scale * x.getQuick(entries[k] / domain.columns(), entries[k] % domain.columns()));
            }
        }

        @Override
        public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
            requireSizes(out, y);
            out.assign(0);
            for (int k = 0; k < entries.length; k++) {
                out.setQuick(entries[k] / domain.columns(), entries[k] % domain.columns(), scale * y.getQuick(k));
            }
        }

        /** The LinearOperator contract: a signal or vector of the wrong size is an IllegalArgumentException. */
        private void requireSizes(DoubleMatrix2D signal, DoubleMatrix1D values) {
            if (signal.rows() != domain.rows() || signal.columns() != domain.columns()) {
                throw new IllegalArgumentException("signal is " + signal.rows() + " x " + signal.columns()
                        + ", expected " + domain.rows() + " x " + domain.columns());
            }
            if (values.size() != entries.length) {
                throw new IllegalArgumentException("values have length " + values.size() + ", expected "
                        + entries.length);
            }
        }
    }

    /** The factory: name, parameters, and the checks the parameters decide, made when the pipeline is built. */
    public static final class Factory extends DeclaredFactory<Measurement> implements MeasurementFactory {

        public Factory() {
            super("entry-sampling",
                    "m distinct entries of X chosen uniformly, scaled so that E[A*A] = I, plus Gaussian noise",
                    Parameters.of(
                            Parameter.integer("m", 500, 1, Integer.MAX_VALUE, "number of observed entries"),
                            Parameter.real("noise", 0.0, 0, 1e6, "standard deviation of the noise on each entry")));
        }

        @Override
        public Measurement create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape("measurement 'entry-sampling' observes matrices",
                    Shape.Kind.MATRIX);
            int m = config.integer("m");
            long entries = (long) shape.rows() * shape.columns();
            if (m > entries) {
                throw new ConfigException("m", m + " entries asked of a " + shape + " matrix, which has " + entries);
            }
            return new EntrySampling(shape, m, config.real("noise"));
        }
    }
}
