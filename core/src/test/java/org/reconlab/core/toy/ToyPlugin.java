package org.reconlab.core.toy;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.spi.Shape;

/**
 * A plugin defined only in test code and listed in the test META-INF/services: least squares on vectors,
 * {@code y = A w*} with a dense Gaussian {@code A}, model {@code w} itself. Small enough to check every engine path.
 */
public final class ToyPlugin implements Plugin {

    @Override
    public String name() {
        return "toy";
    }

    @Override
    public List<ProblemFactory> problems() {
        return List.of(ToyFactories.problem("toy-vector", "a Gaussian vector w*",
                Parameters.of(Parameter.integer("n", 5, 1, 10_000, "length of w*"),
                        Parameter.real("scale", 1.0, 0, 1e6, "standard deviation of the entries of w* (0: w* = 0)")),
                (config, context) -> {
            int n = config.integer("n");
            double scale = config.real("scale");
            return new Problem() {
                @Override
                public Shape signalShape() {
                    return Shape.vector(n);
                }

                @Override
                public GroundTruth draw(SplittableRandom random) {
                    return GroundTruth.of(Shape.vector(n), RandomMatrices.gaussian(n, 1, scale, random));
                }
            };
        }));
    }

    @Override
    public List<MeasurementFactory> measurements() {
        return List.of(ToyFactories.measurement("toy-gaussian", "y = A w with A m x n Gaussian / sqrt(m)",
                Parameters.of(Parameter.integer("m", 20, 1, 100_000, "number of measurements"),
                        Parameter.bool("fail", false, "throw when observing, to test failure handling")),
                (config, context) -> {
            Shape shape = context.signalShape();
            if (shape.kind() != Shape.Kind.VECTOR) {
                throw ConfigException.incompatible("toy-gaussian takes vectors, problem draws a " + shape);
            }
            return new ToyMeasurement(shape.rows(), config.integer("m"), config.bool("fail"));
        }));
    }

    @Override
    public List<ModelFactory> models() {
        return List.of(ToyFactories.model("toy-linear", "the vector itself, started at zero",
                Parameters.of(), (config, context) -> {
            int n = context.signalShape().rows();
            return new Model() {
                @Override
                public Shape signalShape() {
                    return Shape.vector(n);
                }

                @Override
                public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
                    return Blocks.of("w", new DenseDoubleMatrix2D(n, 1));
                }

                @Override
                public DoubleMatrix2D signal(Blocks parameters) {
                    return parameters.get("w").copy();
                }

                @Override
                public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
                    return Blocks.of("w", signalGradient.copy());
                }
            };
        }));
    }

    /** Dense {@code A} (m x n, N(0, 1/m) entries) on vectors held as n x 1 matrices. */
    public static final class ToyMeasurement implements Measurement {
        private final int n;
        private final int m;
        private final boolean fail;

        ToyMeasurement(int n, int m, boolean fail) {
            this.n = n;
            this.m = m;
            this.fail = fail;
        }

        @Override
        public Shape signalShape() {
            return Shape.vector(n);
        }

        @Override
        public Observations observe(GroundTruth truth, SplittableRandom random) {
            if (fail) {
                throw new IllegalStateException("toy measurement asked to fail");
            }
            DoubleMatrix2D a = RandomMatrices.gaussian(m, n, 1 / Math.sqrt(m), random);
            LinearOperator operator = new LinearOperator() {
                @Override
                public Shape domain() {
                    return Shape.vector(n);
                }

                @Override
                public int rangeSize() {
                    return m;
                }

                @Override
                public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
                    if (x.rows() != n || x.columns() != 1) {
                        throw new IllegalArgumentException("expected " + n + " x 1, got " + x.rows() + " x " + x.columns());
                    }
                    a.zMult(x.viewColumn(0), out);
                }

                @Override
                public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
                    if (y.size() != m) {
                        throw new IllegalArgumentException("expected " + m + " values, got " + y.size());
                    }
                    a.zMult(y, out.viewColumn(0), 1, 0, true);
                }

                @Override
                public Optional<DoubleMatrix2D> asDenseMatrix() {
                    return Optional.of(a.copy());
                }
            };
            DoubleMatrix1D values = operator.apply(truth.signal());
            return new Observations(operator, values, new DenseDoubleMatrix1D(m));
        }

        @Override
        public Measurement noiseless() {
            return this;
        }
    }
}
