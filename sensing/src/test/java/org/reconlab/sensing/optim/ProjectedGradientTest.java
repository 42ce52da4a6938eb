package org.reconlab.sensing.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ComponentSpec;
import org.reconlab.core.engine.ExperimentRunner;
import org.reconlab.core.engine.ExperimentSpec;
import org.reconlab.core.engine.InvalidSpecException;
import org.reconlab.core.engine.PipelineBuilder;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.sensing.SensingPlugin;

class ProjectedGradientTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new SensingPlugin()));

    @Test
    void projectionsLandInTheirSets() {
        DoubleMatrix2D a = RandomMatrices.gaussian(6, 6, 1.0, new SplittableRandom(1));
        DoubleMatrix2D psd = new ProjectedGradient(1, 1, ProjectedGradient.Projection.PSD, 6).project(a);
        for (double lambda : Decompositions.symmetricEigen(psd).values().toArray()) {
            assertThat(lambda).isGreaterThan(-1e-12);
        }
        DoubleMatrix2D psdRank = new ProjectedGradient(1, 1, ProjectedGradient.Projection.PSD_RANK, 2).project(a);
        double[] eig = Decompositions.symmetricEigen(psdRank).values().toArray();
        assertThat(eig[2]).isCloseTo(0, within(1e-12));
        DoubleMatrix2D rank = new ProjectedGradient(1, 1, ProjectedGradient.Projection.RANK, 2).project(
                RandomMatrices.gaussian(6, 4, 1.0, new SplittableRandom(2)));
        assertThat(Decompositions.singularValues(rank)[2]).isCloseTo(0, within(1e-12));
        // Projections are idempotent.
        assertThat(MatrixOps.distance(new ProjectedGradient(1, 1, ProjectedGradient.Projection.PSD, 6).project(psd), psd))
                .isLessThan(1e-12);
    }

    @Test
    void rankConstrainedPgdRecoversALowRankPsdMatrixFromManyMeasurements() {
        PipelineSpec spec = new PipelineSpec(ComponentSpec.of("psd-low-rank", Map.of("d", 10, "rank", 2)),
                Optional.of(ComponentSpec.of("gaussian", Map.of("m", 150))),
                ComponentSpec.of("matrix-estimate"),
                ComponentSpec.of("projected-gradient", Map.of("step", 1.0, "iterations", 60, "projection", "psd-rank",
                        "rank", 2)),
                List.of(ComponentSpec.of("relative-error")), 10);
        TrialResult trial = new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("pgd", 1, 1, spec), 1).trial(0);
        assertThat(trial.finalMetric("relative-error")).isLessThan(1e-8);
    }

    @Test
    void factoryDemandsAMatrixEstimateModelAndARankWhereNeeded() {
        PipelineSpec base = new PipelineSpec(ComponentSpec.of("psd-low-rank", Map.of("d", 5, "rank", 1)),
                Optional.of(ComponentSpec.of("gaussian", Map.of("m", 20))), ComponentSpec.of("factorized-symmetric"),
                ComponentSpec.of("projected-gradient", Map.of("step", 1.0)), List.of(), 1);
        PipelineBuilder builder = new PipelineBuilder(REGISTRY);
        assertThatThrownBy(() -> builder.build(base)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("needs model 'matrix-estimate', not 'factorized-symmetric'");
        PipelineSpec full = base.withComponent("model", ComponentSpec.of("matrix-estimate"), "model");
        assertThatThrownBy(() -> builder.build(full.with("optimizer.projection", "psd-rank")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("needs 'rank'");
        assertThatThrownBy(() -> builder.build(full.with("optimizer.rank", 2)))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("'psd' has no rank");
        PipelineSpec asymmetric = full.withComponent("problem", ComponentSpec.of("low-rank", Map.of("rows", 5, "columns", 4,
                "rank", 1)), "problem");
        assertThatThrownBy(() -> builder.build(asymmetric)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("needs a symmetric problem");
        assertThat(builder.build(asymmetric.with("optimizer.projection", "rank").with("optimizer.rank", 1))).isNotNull();
    }
}
