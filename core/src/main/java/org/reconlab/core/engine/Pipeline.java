package org.reconlab.core.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.Problem;

/**
 * Built, compatible components of one sweep point, shared by its trials. Only {@link PipelineBuilder} makes one,
 * so a pipeline built in code passes the same checks as one built from a spec.
 */
public record Pipeline(
        PipelineSpec spec,
        Problem problem,
        Optional<Measurement> measurement,
        Model model,
        Optimizer optimizer,
        List<NamedMetric> metrics,
        Map<String, Config> configs) {

    /** A metric with the name its values are recorded under. */
    public record NamedMetric(String name, Metric metric) {
    }

    public Pipeline {
        requireNonNull(spec, "spec is null");
        requireNonNull(problem, "problem is null");
        requireNonNull(measurement, "measurement is null");
        requireNonNull(model, "model is null");
        requireNonNull(optimizer, "optimizer is null");
        metrics = List.copyOf(metrics);
        configs = Map.copyOf(configs);
    }
}
