package org.reconlab.core.toy;

import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;

/** Factories of test components from a name, a description, parameters and a lambda that creates the component. */
public final class ToyFactories {

    /** What a factory's {@code create} does. */
    @FunctionalInterface
    public interface Creation<T> {
        T create(Config config, BuildContext context);
    }

    private ToyFactories() {
    }

    public static ProblemFactory problem(String name, String description, Parameters parameters,
            Creation<Problem> creation) {
        final class Created extends DeclaredFactory<Problem> implements ProblemFactory {
            Created() {
                super(name, description, parameters);
            }

            @Override
            public Problem create(Config config, BuildContext context) {
                return creation.create(config, context);
            }
        }
        return new Created();
    }

    public static MeasurementFactory measurement(String name, String description, Parameters parameters,
            Creation<Measurement> creation) {
        final class Created extends DeclaredFactory<Measurement> implements MeasurementFactory {
            Created() {
                super(name, description, parameters);
            }

            @Override
            public Measurement create(Config config, BuildContext context) {
                return creation.create(config, context);
            }
        }
        return new Created();
    }

    public static ModelFactory model(String name, String description, Parameters parameters, Creation<Model> creation) {
        final class Created extends DeclaredFactory<Model> implements ModelFactory {
            Created() {
                super(name, description, parameters);
            }

            @Override
            public Model create(Config config, BuildContext context) {
                return creation.create(config, context);
            }
        }
        return new Created();
    }

    public static OptimizerFactory optimizer(String name, String description, Parameters parameters,
            Creation<Optimizer> creation) {
        final class Created extends DeclaredFactory<Optimizer> implements OptimizerFactory {
            Created() {
                super(name, description, parameters);
            }

            @Override
            public Optimizer create(Config config, BuildContext context) {
                return creation.create(config, context);
            }
        }
        return new Created();
    }

    public static MetricFactory metric(String name, String description, Parameters parameters,
            Creation<Metric> creation) {
        final class Created extends DeclaredFactory<Metric> implements MetricFactory {
            Created() {
                super(name, description, parameters);
            }

            @Override
            public Metric create(Config config, BuildContext context) {
                return creation.create(config, context);
            }
        }
        return new Created();
    }
}
