package org.reconlab.sketching.optim;

import org.reconlab.core.model.MatrixEstimateModel;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.IterationObserver;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameters;
import org.reconlab.sketching.measurement.TensorSketchMeasurement;
import org.reconlab.sketching.measurement.TensorSketchOperator;
import org.reconlab.sketching.tensor.ComplexMatrix;
import org.reconlab.sketching.tensor.TProduct;
import org.reconlab.sketching.tensor.Tensor3;

/**
 * The tensor double sketch {@code X_hat = Y * (Psi * Y)^+ * W} under the t-product, computed slice by slice in the
 * Fourier domain: {@code hat(X)_t = hat(Y)_t (hat(Psi)_t hat(Y)_t)^+ hat(W)_t}, the matrix double sketch of every
 * Fourier slice (docs/science.md §5). With exact sketches, {@code k <= l} and tubal rank at most k, it returns the
 * tensor itself. One iteration: 0 is the zero estimate, 1 the reconstruction.
 */
public final class TensorDoubleSketch implements Optimizer {

    /** {@code Y * (Psi * Y)^+ * W} for Y (n1 x k x n3), W (l x n2 x n3), Psi (l x n1 x n3). */
    public static Tensor3 reconstruct(Tensor3 y, Tensor3 w, Tensor3 psi) {
        if (psi.n2() != y.n1() || psi.n1() != w.n1() || y.n3() != w.n3() || psi.n3() != y.n3()) {
            throw new IllegalArgumentException("sketches do not fit: Y is " + y + ", W is " + w + ", Psi is " + psi);
        }
        ComplexMatrix[] yHat = TProduct.toFourier(y);
        ComplexMatrix[] wHat = TProduct.toFourier(w);
        ComplexMatrix[] psiHat = TProduct.toFourier(psi);
        return TProduct.fromFourier(TProduct.sliceWise(y.n3(),
                t -> yHat[t].mult(psiHat[t].mult(yHat[t]).pseudoInverseTimes(wHat[t]))));
    }

    @Override
    public void run(OptimizationTask task, IterationObserver observer) {
        Blocks parameters = task.parameters();
        if (!observer.observe(0, parameters)) {
            return;
        }
        Observations observations = task.requireObservations();
        TensorSketchOperator operator = (TensorSketchOperator) observations.operator();
        Tensor3 estimate = reconstruct(operator.rangeSketch(observations.values()),
                operator.corangeSketch(observations.values()), operator.psi());
        parameters.get(MatrixEstimateModel.BLOCK).assign(estimate.unfolding());
        observer.observe(1, parameters);
    }

    public static final class Factory extends DeclaredFactory<Optimizer> implements OptimizerFactory {
        public Factory() {
            super("tensor-double-sketch",
                    "X_hat = Y * (Psi * Y)^+ * W under the t-product, slice by slice in the Fourier domain",
                    Parameters.of());
        }

        @Override
        public Optimizer create(Config config, BuildContext context) {
            if (context.measurement().isEmpty() || !(context.measurement().get() instanceof TensorSketchMeasurement)) {
                throw ConfigException.incompatible("optimizer 'tensor-double-sketch' reconstructs from measurement"
                        + " 'tensor-sketch', but the spec has " + context.measurementName()
                                .map(n -> "measurement '" + n + "'").orElse("no measurement"));
            }
            if (!(context.model().orElseThrow() instanceof MatrixEstimateModel)) {
                throw ConfigException.incompatible("optimizer 'tensor-double-sketch' writes its estimate into model"
                        + " 'matrix-estimate', but the spec has model '" + context.modelName().orElseThrow() + "'");
            }
            return new TensorDoubleSketch();
        }
    }
}
