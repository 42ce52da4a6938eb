package org.reconlab.networks;

import java.util.List;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.networks.diagonal.DiagonalNetworkModel;
import org.reconlab.networks.diagonal.GaussianDesignMeasurement;
import org.reconlab.networks.diagonal.L1GapMetric;
import org.reconlab.networks.diagonal.SparseVectorProblem;
import org.reconlab.networks.gan.BestMomentGapMetric;
import org.reconlab.networks.gan.DiscriminatorNormMetric;
import org.reconlab.networks.gan.GanGeneratorModel;
import org.reconlab.networks.gan.GeneratorSamplesProblem;
import org.reconlab.networks.gan.IterationsToMomentGapMetric;
import org.reconlab.networks.gan.MomentGapMetric;
import org.reconlab.networks.gan.SampleMeanMeasurement;
import org.reconlab.networks.relu.LipschitzAscent;
import org.reconlab.networks.relu.LipschitzMetric;
import org.reconlab.networks.relu.LipschitzProbe;
import org.reconlab.networks.relu.ReluNetworkProblem;
import org.reconlab.networks.reparam.LpGapMetric;
import org.reconlab.networks.reparam.RegularizerGapMetric;
import org.reconlab.networks.reparam.ReparametrizedLinearModel;

/**
 * Random networks and implicit bias (docs/science.md §2-4): Lipschitz constants of random ReLU networks, diagonal linear
 * networks, reparametrized linear models and over-parameterized GANs.
 */
public final class NetworksPlugin implements Plugin {

    @Override
    public String name() {
        return "networks";
    }

    @Override
    public List<ProblemFactory> problems() {
        return List.of(new ReluNetworkProblem.Factory(), new SparseVectorProblem.Factory(),
                new GeneratorSamplesProblem.Factory());
    }

    @Override
    public List<MeasurementFactory> measurements() {
        return List.of(new GaussianDesignMeasurement.Factory(), new SampleMeanMeasurement.Factory());
    }

    @Override
    public List<ModelFactory> models() {
        return List.of(new LipschitzProbe.Factory(), new DiagonalNetworkModel.Factory(),
                new ReparametrizedLinearModel.Factory(), new GanGeneratorModel.Factory());
    }

    @Override
    public List<OptimizerFactory> optimizers() {
        return List.of(new LipschitzAscent.Factory());
    }

    @Override
    public List<MetricFactory> metrics() {
        List<MetricFactory> metrics = new java.util.ArrayList<>(LipschitzMetric.factories());
        metrics.add(new L1GapMetric.Factory());
        metrics.add(new RegularizerGapMetric.Factory());
        metrics.add(new LpGapMetric.Factory());
        metrics.add(new MomentGapMetric.Factory());
        metrics.add(new BestMomentGapMetric.Factory());
        metrics.add(new IterationsToMomentGapMetric.Factory());
        metrics.add(new DiscriminatorNormMetric.Factory());
        return List.copyOf(metrics);
    }
}
