package org.reconlab.sensing.metric;

import cern.colt.matrix.DoubleMatrix2D;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameters;
import org.reconlab.sensing.model.FactorizedAsymmetricModel;

/**
 * {@code ||U^T U - V^T V||_F} of {@code X = U V^T}: conserved by gradient flow, so small from a small balanced
 * initialization, and drifting only by O(eta^2) per gradient step (docs/science.md §1).
 */
public final class ImbalanceMetric implements Metric {

    @Override
    public double[] evaluate(MetricContext context) {
        DoubleMatrix2D u = context.parameters().get(FactorizedAsymmetricModel.U);
        DoubleMatrix2D v = context.parameters().get(FactorizedAsymmetricModel.V);
        return new double[] {MatrixOps.distance(MatrixOps.multTransA(u, u), MatrixOps.multTransA(v, v))};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        public Factory() {
            super("imbalance", "||U^T U - V^T V||_F of the factors of U V^T", Parameters.of());
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            if (!(context.model().orElseThrow() instanceof FactorizedAsymmetricModel)) {
                throw ConfigException.incompatible("metric 'imbalance' compares the factors U and V of model"
                        + " 'factorized-asymmetric', but the model is '" + context.modelName().orElseThrow() + "'");
            }
            return new ImbalanceMetric();
        }
    }
}
