package org.reconlab.core;

import java.util.List;
import org.reconlab.core.metric.AbsoluteErrorMetric;
import org.reconlab.core.metric.RelativeErrorMetric;
import org.reconlab.core.metric.TestErrorMetric;
import org.reconlab.core.metric.TrainLossMetric;
import org.reconlab.core.model.MatrixEstimateModel;
import org.reconlab.core.optim.GradientDescent;
import org.reconlab.core.optim.GradientDescentAscent;
import org.reconlab.core.optim.GradientFlow;
import org.reconlab.core.optim.NuclearNormMinimization;
import org.reconlab.core.optim.StochasticGradientDescent;
import org.reconlab.core.problem.LowRankProblem;
import org.reconlab.core.problem.PsdLowRankProblem;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.spi.ProblemFactory;

/**
 * The generic components every module can use: the low-rank ground truths that sensing and sketching share, optimizers
 * that need only an objective, metrics that need only a signal.
 */
public final class CorePlugin implements Plugin {

    @Override
    public String name() {
        return "core";
    }

    @Override
    public List<ProblemFactory> problems() {
        return List.of(new PsdLowRankProblem.Factory(), new LowRankProblem.Factory());
    }

    @Override
    public List<ModelFactory> models() {
        return List.of(new MatrixEstimateModel.Factory());
    }

    @Override
    public List<OptimizerFactory> optimizers() {
        return List.of(new GradientDescent.Factory(), new StochasticGradientDescent.Factory(), new GradientFlow.Factory(),
                new GradientDescentAscent.Factory(), new NuclearNormMinimization.Factory());
    }

    @Override
    public List<MetricFactory> metrics() {
        return List.of(new RelativeErrorMetric.Factory(), new AbsoluteErrorMetric.Factory(), new TrainLossMetric.Factory(), new TestErrorMetric.Factory());
    }
}
