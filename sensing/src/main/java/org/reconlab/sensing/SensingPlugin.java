package org.reconlab.sensing;

import java.util.List;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Plugin;
import org.reconlab.sensing.measurement.GaussianMeasurement;
import org.reconlab.sensing.measurement.RankOneProjectionMeasurement;
import org.reconlab.sensing.measurement.SymmetricGaussianMeasurement;
import org.reconlab.sensing.metric.EffectiveRankMetric;
import org.reconlab.sensing.metric.ImbalanceMetric;
import org.reconlab.sensing.metric.SingularValuesMetric;
import org.reconlab.sensing.metric.SubspaceAngleMetric;
import org.reconlab.sensing.metric.SuccessMetric;
import org.reconlab.sensing.model.FactorizedAsymmetricModel;
import org.reconlab.sensing.model.FactorizedSymmetricModel;
import org.reconlab.sensing.optim.AlternatingLeastSquares;
import org.reconlab.sensing.optim.ProjectedGradient;

/**
 * Low-rank matrix sensing (docs/science.md §1): measurement ensembles, factorized models and their optimizers and
 * metrics. The ground truths ({@code psd-low-rank}, {@code low-rank}) are core's, shared with sketching.
 */
public final class SensingPlugin implements Plugin {

    @Override
    public String name() {
        return "sensing";
    }

    @Override
    public List<MeasurementFactory> measurements() {
        return List.of(new GaussianMeasurement.Factory(), new SymmetricGaussianMeasurement.Factory(),
                new RankOneProjectionMeasurement.Factory());
    }

    @Override
    public List<ModelFactory> models() {
        return List.of(new FactorizedSymmetricModel.Factory(), new FactorizedAsymmetricModel.Factory());
    }

    @Override
    public List<OptimizerFactory> optimizers() {
        return List.of(new ProjectedGradient.Factory(), new AlternatingLeastSquares.Factory());
    }

    @Override
    public List<MetricFactory> metrics() {
        return List.of(new SubspaceAngleMetric.Factory(), new SingularValuesMetric.Factory(), new ImbalanceMetric.Factory(),
                new EffectiveRankMetric.Factory(), new SuccessMetric.Factory());
    }
}
