package org.reconlab.networks.gan;

import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameters;

/** {@code ||d||}, the norm of a linear discriminator; zero at a global saddle point of {@link GanGeneratorModel}. */
public final class DiscriminatorNormMetric implements Metric {

    @Override
    public double[] evaluate(MetricContext context) {
        return new double[] {MatrixOps.frobeniusNorm(context.parameters().get("d"))};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        public Factory() {
            super("discriminator-norm", "||d||, the norm of the linear discriminator of a GAN", Parameters.of());
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            if (!(context.model().orElseThrow() instanceof GanGeneratorModel)) {
                throw ConfigException.incompatible("metric 'discriminator-norm' reads block d of model 'gan-generator',"
                        + " not of '" + context.modelName().orElseThrow() + "'");
            }
            return new DiscriminatorNormMetric();
        }
    }
}
