package org.reconlab.networks.reparam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.contract.FiniteDifferences;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ComponentSpec;
import org.reconlab.core.engine.ExperimentResult;
import org.reconlab.core.engine.ExperimentRunner;
import org.reconlab.core.engine.ExperimentSpec;
import org.reconlab.core.engine.InvalidSpecException;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.Observations;
import org.reconlab.networks.NetworksPlugin;
import org.reconlab.networks.diagonal.GaussianDesignMeasurement;
import org.reconlab.networks.diagonal.SparseVectorProblem;

/** Gradient flow on {@code w = rho(theta)} from zero ends at the minimizer of the induced regularizer (docs/science.md §3). */
class ReparametrizedLinearTest {

    private static final ComponentRegistry REGISTRY =
            ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new NetworksPlugin()));

    private static PipelineSpec pipeline() {
        return new PipelineSpec(ComponentSpec.of("sparse-vector", Map.of("d", 20, "sparsity", 3)),
                Optional.of(ComponentSpec.of("gaussian-design", Map.of("n", 8))),
                ComponentSpec.of("reparametrized-linear", Map.of("reparametrization", "identity")),
                ComponentSpec.of("gradient-flow", Map.of("method", "rosenbrock", "time", 1e12, "loss-tolerance", 1e-26,
                        "relative-tolerance", 1e-9)),
                List.of(ComponentSpec.of("regularizer-gap"), ComponentSpec.of("train-loss")), 1000);
    }

    @Test
    void gradientFlowEndsAtTheMinimizerOfTheInducedRegularizer() {
        Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
        variants.put("identity", Map.of());
        variants.put("l1.5", Map.of("model.reparametrization", "lp", "model.p", 1.5, "model.beta", 1e-3));
        variants.put("l1.2", Map.of("model.reparametrization", "lp", "model.p", 1.2, "model.beta", 1e-2));
        variants.put("sinh", Map.of("model.reparametrization", "sinh", "model.beta", 0.3));
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(
                new ExperimentSpec("implicit-bias", 4, 1, pipeline(), Map.of(), variants), 2);
        assertThat(result.trials()).hasSize(4);
        for (TrialResult trial : result.trials()) {
            assertThat(trial.status()).as(trial.message()).isEqualTo(TrialStatus.DONE);
            assertThat(trial.finalMetric("train-loss")).isLessThanOrEqualTo(1e-26);
            // At the start (w = 0) the gap is 1; at the end the flow sits on the predicted interpolant.
            assertThat(trial.series("regularizer-gap").get(0).value()).isEqualTo(1.0);
            assertThat(trial.finalMetric("regularizer-gap")).as("%s", trial.sweepValues()).isLessThan(1e-5);
        }
    }

    @Test
    void theLpLimitIsNotTheMinimumNormInterpolant() {
        // The lp flow reaches its own prediction, which is far from the minimum-norm interpolant, so the test above
        // tells the regularizers apart.
        PipelineSpec lp = pipeline().with("model.reparametrization", "lp");
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("lp", 4, 1, lp), 1);
        assertThat(result.trials().get(0).finalMetric("regularizer-gap")).isLessThan(1e-5);
        SplittableRandom random = new SplittableRandom(3);
        Observations observed = new GaussianDesignMeasurement(20, 8, 0).observe(
                new SparseVectorProblem(20, 3, false).draw(random), random);
        double[] minimumNorm = ImplicitBiasSolver.solve(Reparametrization.identity(),
                org.reconlab.networks.diagonal.BasisPursuit.matrix(observed.operator()), observed.values());
        double[] lpLimit = ImplicitBiasSolver.solve(Reparametrization.lp(1.5, 1e-3),
                org.reconlab.networks.diagonal.BasisPursuit.matrix(observed.operator()), observed.values());
        double difference = 0;
        double norm = 0;
        for (int j = 0; j < 20; j++) {
            difference += (lpLimit[j] - minimumNorm[j]) * (lpLimit[j] - minimumNorm[j]);
            norm += minimumNorm[j] * minimumNorm[j];
        }
        assertThat(Math.sqrt(difference / norm)).isGreaterThan(0.05);
    }

    @Test
    void classificationLossGradientsMatchFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(5);
        Observations observed = new GaussianDesignMeasurement(7, 5, 0).observe(
                new SparseVectorProblem(7, 2, false).draw(random), random);
        for (ReparametrizedLinearModel.Loss loss : ReparametrizedLinearModel.Loss.values()) {
            ReparametrizedLinearModel model = new ReparametrizedLinearModel(7, Reparametrization.lp(1.5, 0.1), loss);
            Blocks at = model.initialize(Optional.empty(), random);
            for (int i = 0; i < 7; i++) {
                at.get("theta").setQuick(i, 0, random.nextGaussian());
            }
            assertThat(FiniteDifferences.relativeGradientError(model.objective(observed), at, 1e-6)).as("%s", loss)
                    .isLessThan(1e-7);
        }
    }

    @Test
    void theGapMetricNeedsTheSquareLoss() {
        PipelineSpec logistic = pipeline().with("model.loss", "logistic");
        assertThatThrownBy(() -> new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("x", 1, 1, logistic), 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("logistic");
    }
}
