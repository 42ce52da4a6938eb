package org.reconlab.sketching.optim;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.OptionalInt;
import org.reconlab.core.model.MatrixEstimateModel;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.ByteCounts;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.IterationObserver;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.sketching.measurement.SketchMeasurement;
import org.reconlab.sketching.measurement.SketchOperator;
import org.reconlab.sketching.reconstruction.LowRankFactors;
import org.reconlab.sketching.reconstruction.SketchReconstructions;

/**
 * A closed-form reconstruction from the sketches of a {@link SketchMeasurement}, in one iteration: iteration 0 is the
 * zero estimate, iteration 1 the reconstruction, optionally truncated to its best rank-{@code rank} approximation
 * (the fixed-rank variant of Tropp, Yurtsever, Udell and Cevher 2017). It reads {@code Y}, {@code W} and
 * {@code Psi} from the observations it is given; see {@link SketchReconstructions} for the formulas.
 *
 * <p>{@link Method#RANDOMIZED_SVD} is the two-pass baseline: its second pass {@code Q^T X} reads the matrix from
 * {@link OptimizationTask#truth()}, which is legitimate here because that baseline is defined as having access to
 * {@code X} a second time (exactly, without sketch noise); it ignores the co-range sketch.
 */
public final class SketchReconstruction implements Optimizer {

    /** The reconstruction formula. */
    public enum Method {
        /** {@code Y (Psi Y)^+ W}. */
        DOUBLE_SKETCH("double-sketch", "one-pass reconstruction X_hat = Y (Psi Y)^+ W from the two sketches"),
        /** {@code Q (Psi Q)^+ W}, {@code Q = orth(Y)}. */
        ORTHONORMAL_DOUBLE_SKETCH("orthonormal-double-sketch",
                "one-pass reconstruction X_hat = Q (Psi Q)^+ W with Q = orth(Y) (Tropp et al. 2017)"),
        /** {@code Q Q^T X}, a second pass over X. */
        RANDOMIZED_SVD("randomized-svd",
                "two-pass baseline X_hat = Q Q^T X with Q = orth(Y), reading X again (Halko et al. 2011)");

        private final String specName;
        private final String description;

        Method(String specName, String description) {
            this.specName = specName;
            this.description = description;
        }

        public String specName() {
            return specName;
        }
    }

    private final Method method;
    private final OptionalInt rank;
    private final long estimateEntries;

    /** @param estimateEntries the entries of the estimate, n1 n2, for {@link #estimatedBytes()} */
    public SketchReconstruction(Method method, OptionalInt rank, long estimateEntries) {
        this.method = requireNonNull(method, "method is null");
        this.rank = requireNonNull(rank, "rank is null");
        this.estimateEntries = estimateEntries;
    }

    /** The dense product of the reconstruction's factors, formed before it is copied into the model's block. */
    @Override
    public long estimatedBytes() {
        return ByteCounts.doubles(estimateEntries);
    }

    @Override
    public void run(OptimizationTask task, IterationObserver observer) {
        Blocks parameters = task.parameters();
        if (!observer.observe(0, parameters)) {
            return;
        }
        Observations observations = task.requireObservations();
        SketchOperator operator = (SketchOperator) observations.operator();
        DoubleMatrix2D y = operator.rangeSketch(observations.values());
        LowRankFactors factors = switch (method) {
            case DOUBLE_SKETCH -> SketchReconstructions.doubleSketch(y, operator.corangeSketch(observations.values()),
                    operator.psi());
            case ORTHONORMAL_DOUBLE_SKETCH -> SketchReconstructions.orthonormalDoubleSketch(y,
                    operator.corangeSketch(observations.values()), operator.psi());
            case RANDOMIZED_SVD -> SketchReconstructions.randomizedSvd(y, task.truth().signal());
        };
        if (rank.isPresent()) {
            factors = factors.truncate(rank.getAsInt());
        }
        parameters.get(MatrixEstimateModel.BLOCK).assign(factors.product());
        observer.observe(1, parameters);
    }

    /** The factory of one {@link Method}. */
    public static final class Factory extends DeclaredFactory<Optimizer> implements OptimizerFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("rank", null, 1, Integer.MAX_VALUE,
                        "truncate the reconstruction to its best rank-r approximation (default: no truncation)"));

        private final Method method;

        public Factory(Method method) {
            super(method.specName, method.description, PARAMETERS);
            this.method = method;
        }

        @Override
        public Optimizer create(Config config, BuildContext context) {
            if (context.measurement().isEmpty() || !(context.measurement().get() instanceof SketchMeasurement sketch)) {
                throw ConfigException.incompatible("optimizer '" + name() + "' reconstructs from the sketches of"
                        + " measurement 'sketch', but the spec has " + context.measurementName()
                                .map(n -> "measurement '" + n + "'").orElse("no measurement"));
            }
            if (!(context.model().orElseThrow() instanceof MatrixEstimateModel)) {
                throw ConfigException.incompatible("optimizer '" + name() + "' writes its estimate into model"
                        + " 'matrix-estimate', but the spec has model '" + context.modelName().orElseThrow() + "'");
            }
            OptionalInt rank = config.optionalInteger("rank");
            if (rank.isPresent() && rank.getAsInt() > sketch.rangeSketchSize()) {
                throw new ConfigException("rank", "rank " + rank.getAsInt() + " exceeds the sketch size k = "
                        + sketch.rangeSketchSize() + " of measurement 'sketch'");
            }
            return new SketchReconstruction(method, rank, context.signalShape().size());
        }
    }
}
