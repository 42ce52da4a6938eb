package org.reconlab.sketching;

import java.util.List;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.sketching.measurement.SketchMeasurement;
import org.reconlab.sketching.measurement.TensorSketchMeasurement;
import org.reconlab.sketching.metric.BestRankMetric;
import org.reconlab.sketching.metric.SketchErrorBoundMetric;
import org.reconlab.sketching.optim.SketchReconstruction;
import org.reconlab.sketching.optim.TensorDoubleSketch;
import org.reconlab.sketching.problem.LowTubalRankProblem;

/**
 * Low-rank recovery from sketches (docs/science.md §5): low-tubal-rank tensors (matrices of low or near-low
 * rank are core's {@code low-rank}),
 * noisy double sketches with Gaussian and structured test matrices (streamed or not), the double sketch
 * reconstructions and their baselines, and metrics against the best rank-r error and the theoretical bound. The
 * reconstructions write their estimate into core's {@code matrix-estimate} model.
 */
public final class SketchingPlugin implements Plugin {

    @Override
    public String name() {
        return "sketching";
    }

    @Override
    public List<ProblemFactory> problems() {
        return List.of(new LowTubalRankProblem.Factory());
    }

    @Override
    public List<MeasurementFactory> measurements() {
        return List.of(new SketchMeasurement.Factory(), new TensorSketchMeasurement.Factory());
    }

    @Override
    public List<OptimizerFactory> optimizers() {
        return List.of(new SketchReconstruction.Factory(SketchReconstruction.Method.DOUBLE_SKETCH),
                new SketchReconstruction.Factory(SketchReconstruction.Method.ORTHONORMAL_DOUBLE_SKETCH),
                new SketchReconstruction.Factory(SketchReconstruction.Method.RANDOMIZED_SVD),
                new TensorDoubleSketch.Factory());
    }

    @Override
    public List<MetricFactory> metrics() {
        return List.of(new BestRankMetric.Factory(BestRankMetric.Kind.ERROR),
                new BestRankMetric.Factory(BestRankMetric.Kind.RATIO),
                new SketchErrorBoundMetric.Factory(SketchErrorBoundMetric.Kind.BOUND),
                new SketchErrorBoundMetric.Factory(SketchErrorBoundMetric.Kind.EXCEEDED));
    }
}
