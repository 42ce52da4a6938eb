package org.reconlab.sensing.optim;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.List;
import java.util.Locale;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.model.MatrixEstimateModel;
import org.reconlab.core.optim.GradientDescent;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.IterationObserver;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * Projected gradient descent on the full matrix: {@code X <- P(X - eta grad f(X))}, from the model's initialization,
 * with P the projection onto the PSD cone ({@code psd}), onto PSD matrices of rank at most r ({@code psd-rank}), or
 * onto matrices of rank at most r ({@code rank}, singular value projection of Jain, Meka and Dhillon 2010). The
 * starting point is projected too, so every reported iterate is feasible.
 */
public final class ProjectedGradient implements Optimizer {

    /** The sets projected onto. */
    public enum Projection {
        PSD, PSD_RANK, RANK;

        String specName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final double step;
    private final int iterations;
    private final Projection projection;
    private final int rank;

    public ProjectedGradient(double step, int iterations, Projection projection, int rank) {
        if (!(step > 0) || iterations < 0 || rank < 1) {
            throw new IllegalArgumentException("need step > 0, iterations >= 0, rank >= 1; got " + step + ", "
                    + iterations + ", " + rank);
        }
        this.step = step;
        this.iterations = iterations;
        this.projection = java.util.Objects.requireNonNull(projection, "projection is null");
        this.rank = rank;
    }

    /** The projection of {@code x} onto the chosen set. */
    public DoubleMatrix2D project(DoubleMatrix2D x) {
        return switch (projection) {
            case PSD -> Decompositions.projectPsd(x);
            case PSD_RANK -> Decompositions.projectPsdRank(x, rank);
            case RANK -> {
                Decompositions.Svd svd = Decompositions.svd(x);
                yield svd.reconstruct(Math.min(rank, svd.singularValues().size()), s -> s);
            }
        };
    }

    @Override
    public void run(OptimizationTask task, IterationObserver observer) {
        Objective objective = task.requireObjective();
        Blocks parameters = task.parameters();
        DoubleMatrix2D x = parameters.get(MatrixEstimateModel.BLOCK);
        x.assign(project(x));
        if (!observer.observe(0, parameters)) {
            return;
        }
        for (int iteration = 1; iteration <= iterations; iteration++) {
            GradientDescent.step(parameters, objective.evaluate(parameters).gradient(), step);
            x.assign(project(x));
            if (!observer.observe(iteration, parameters)) {
                return;
            }
        }
    }

    public static final class Factory extends DeclaredFactory<Optimizer> implements OptimizerFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.real("step", null, Double.MIN_VALUE, Double.MAX_VALUE, "step size eta"),
                Parameter.integer("iterations", 500, 0, Integer.MAX_VALUE, "number of projected steps"),
                Parameter.choice("projection", "psd", List.of("psd", "psd-rank", "rank"),
                        "psd: PSD cone; psd-rank: PSD of rank <= r; rank: rank <= r (SVP)"),
                Parameter.integer("rank", null, 1, Integer.MAX_VALUE, "r for psd-rank and rank"));

        public Factory() {
            super("projected-gradient",
                    "gradient descent on the full matrix, projected onto the PSD cone, rank-r PSD or rank-r matrices",
                    PARAMETERS);
        }

        @Override
        public Optimizer create(Config config, BuildContext context) {
            context.requireMeasurement("optimizer 'projected-gradient' needs a training objective");
            if (!(context.model().orElseThrow() instanceof MatrixEstimateModel)) {
                throw ConfigException.incompatible("optimizer 'projected-gradient' projects the matrix itself and needs"
                        + " model 'matrix-estimate', not '" + context.modelName().orElseThrow() + "'");
            }
            Projection projection = Projection.valueOf(config.choice("projection").toUpperCase(Locale.ROOT).replace('-', '_'));
            Shape shape = context.requireModelShape("optimizer 'projected-gradient' projects matrices",
                    Shape.Kind.MATRIX, Shape.Kind.SYMMETRIC_MATRIX);
            if (projection != Projection.RANK && shape.kind() != Shape.Kind.SYMMETRIC_MATRIX) {
                throw new ConfigException("projection", "projection '" + projection.specName() + "' needs a symmetric"
                        + " problem, but problem '" + context.problemName() + "' draws a " + shape);
            }
            int rank;
            if (projection == Projection.PSD) {
                if (config.optionalInteger("rank").isPresent()) {
                    throw new ConfigException("rank", "projection 'psd' has no rank; use 'psd-rank' to bound it");
                }
                rank = Math.min(shape.rows(), shape.columns());
            } else {
                rank = config.optionalInteger("rank").orElseThrow(() -> new ConfigException("rank",
                        "projection '" + projection.specName() + "' needs 'rank', an integer >= 1"));
            }
            return new ProjectedGradient(config.real("step"), config.integer("iterations"), projection, rank);
        }
    }
}
