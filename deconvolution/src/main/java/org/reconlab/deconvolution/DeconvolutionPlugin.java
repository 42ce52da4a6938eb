package org.reconlab.deconvolution;

import java.util.List;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.deconvolution.measurement.LiftedConvolutionMeasurement;
import org.reconlab.deconvolution.metric.ConicSingularValueMetric;
import org.reconlab.deconvolution.metric.NoiseAmplificationMetric;
import org.reconlab.deconvolution.metric.RankOneErrorMetric;
import org.reconlab.deconvolution.metric.RankOneRecoveredMetric;
import org.reconlab.deconvolution.model.RankOneFactorsModel;
import org.reconlab.deconvolution.problem.BlindDeconvolutionProblem;

/**
 * Blind deconvolution (docs/science.md, section 6): the problem, the lifted convolution measurement with random and
 * adversarial noise, the non-convex factor model, and the metrics (rank-one error and success, the minimum conic
 * singular value, the noise amplification). Convex recovery uses core's {@code nuclear-norm} optimizer on core's
 * {@code matrix-estimate} model.
 */
public final class DeconvolutionPlugin implements Plugin {

    @Override
    public String name() {
        return "deconvolution";
    }

    @Override
    public List<ProblemFactory> problems() {
        return List.of(new BlindDeconvolutionProblem.Factory());
    }

    @Override
    public List<MeasurementFactory> measurements() {
        return List.of(new LiftedConvolutionMeasurement.Factory());
    }

    @Override
    public List<ModelFactory> models() {
        return List.of(new RankOneFactorsModel.Factory());
    }

    @Override
    public List<MetricFactory> metrics() {
        return List.of(new RankOneErrorMetric.Factory(), new RankOneRecoveredMetric.Factory(),
                new ConicSingularValueMetric.UpperFactory(), new ConicSingularValueMetric.LowerFactory(),
                new NoiseAmplificationMetric.PerNoiseFactory(), new NoiseAmplificationMetric.PerRootNoiseFactory());
    }
}
