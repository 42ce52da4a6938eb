package org.reconlab.sensing;

import java.util.List;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.sensing.measurement.GaussianMeasurement;
import org.reconlab.sensing.model.FactorizedSymmetricModel;
import org.reconlab.sensing.problem.PsdLowRankProblem;

/** Low-rank matrix sensing (SCIENCE.md sections 1-6): ground truths, measurement ensembles, factorized models. */
public final class SensingPlugin implements Plugin {

    @Override
    public String name() {
        return "sensing";
    }

    @Override
    public List<ProblemFactory> problems() {
        return List.of(new PsdLowRankProblem.Factory());
    }

    @Override
    public List<MeasurementFactory> measurements() {
        return List.of(new GaussianMeasurement.Factory());
    }

    @Override
    public List<ModelFactory> models() {
        return List.of(new FactorizedSymmetricModel.Factory());
    }
}
