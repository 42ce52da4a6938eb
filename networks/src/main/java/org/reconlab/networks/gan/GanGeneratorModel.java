package org.reconlab.networks.gan;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.SaddlePointModel;
import org.reconlab.core.spi.Shape;

/**
 * A GAN with a one-hidden-layer generator {@code G(z) = V relu(W z)} of width k and a linear discriminator
 * {@code D(x) = <d, x>} with a quadratic penalty, after Balaji, Sajedi, Kalibhat, Ding, Stoeger, Soltanolkotabi and
 * Feizi, "Understanding over-parameterization in generative adversarial networks" (ICLR 2021):
 * <pre>
 *   min_{W (, V)} max_d  h = &lt;d, y - A(G)&gt; - (lambda/2) ||d||^2,   G = V relu(W Z),
 * </pre>
 * where {@code Z} (r x n) holds the generator's fixed latent codes, {@code G} the n generated samples as columns and
 * {@code y = A(X)} the observed statistics of the data (for {@link SampleMeanMeasurement}, the data mean: all a linear
 * discriminator sees). The inner problem is strongly concave with maximizer {@code d = (y - A(G)) / lambda}, so the
 * global saddle points are the generators with {@code A(G) = y}, with {@code d = 0}.
 *
 * <p>Blocks: {@code W} (k x r), {@code V} (m x k), {@code d} (m x 1, the ascent block) and {@code Z} (r x n). The
 * latent codes are inputs drawn at initialization, not trainable: the objective's gradient in {@code Z} is zero, so
 * every optimizer leaves them where they are. {@code V} is fixed the same way unless {@code train-output} is set
 * (the paper trains W alone; with V trainable, width 1 already matches any mean). With V fixed the generated mean
 * {@code V mean_j relu(W z_j)} ranges over the cone {@code V R^k_+} exactly ({@link BestMomentGapMetric}); with
 * {@code output-layer: contains-teacher} the first k* columns of V are the teacher's ({@link GeneratorSamplesProblem},
 * rescaled to the student's {@code 1/sqrt(k)}, which leaves the cone alone), so the data mean lies in that cone at
 * every width {@code k >= k*} and a failure is the optimizer's, not the architecture's. Initialization: {@code W} with
 * {@code N(0, scale^2 / r)}, {@code V} with {@code N(0, 1/k)} entries, {@code Z ~ N(0, I)}, and {@code d} at its best
 * response {@code (y - A(G0)) / lambda} to the initial generator (so the game starts at
 * {@code h = ||y - A(G0)||^2 / (2 lambda) > 0}, a meaningful scale for the engine's divergence check).
 */
public final class GanGeneratorModel implements SaddlePointModel {

    private final int dimension;
    private final int samples;
    private final int width;
    private final int latent;
    private final double penalty;
    private final boolean trainOutput;
    private final double scale;
    private final boolean containsTeacher;

    public GanGeneratorModel(int dimension, int samples, int width, int latent, double penalty, boolean trainOutput,
            double scale) {
        this(dimension, samples, width, latent, penalty, trainOutput, scale, false);
    }

    /**
     * @param containsTeacher whether the first columns of V are the teacher's output layer, read from the ground
     *     truth's part {@code V} (m x k*, {@code k* <= k})
     */
    public GanGeneratorModel(int dimension, int samples, int width, int latent, double penalty, boolean trainOutput,
            double scale, boolean containsTeacher) {
        if (dimension < 1 || samples < 1 || width < 1 || latent < 1 || !(penalty > 0) || !(scale > 0)) {
            throw new IllegalArgumentException("need positive sizes, penalty and scale; got m = " + dimension + ", n = "
                    + samples + ", k = " + width + ", r = " + latent + ", lambda = " + penalty + ", scale = " + scale);
        }
        this.dimension = dimension;
        this.samples = samples;
        this.width = width;
        this.latent = latent;
        this.penalty = penalty;
        this.trainOutput = trainOutput;
        this.scale = scale;
        this.containsTeacher = containsTeacher;
    }

    /** Whether V is trained; when it is not, the reachable means form the cone {@code V R^k_+}. */
    public boolean trainsOutput() {
        return trainOutput;
    }

    /** {@code V relu(W Z)}. */
    public static DoubleMatrix2D generate(DoubleMatrix2D v, DoubleMatrix2D w, DoubleMatrix2D z) {
        DoubleMatrix2D hidden = MatrixOps.mult(w, z);
        hidden.assign(x -> Math.max(x, 0));
        return MatrixOps.mult(v, hidden);
    }

    @Override
    public Set<String> ascentBlocks() {
        return Set.of("d");
    }

    @Override
    public Shape signalShape() {
        return Shape.matrix(dimension, samples);
    }

    @Override
    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
        if (containsTeacher) {
            throw new IllegalStateException("output-layer contains-teacher reads the teacher from the ground truth");
        }
        return draw(null, observations, random);
    }

    @Override
    public Blocks initialize(GroundTruth truth, Optional<Observations> observations, SplittableRandom random) {
        return draw(containsTeacher ? truth.parts().get("V") : null, observations, random);
    }

    private Blocks draw(DoubleMatrix2D teacherOutput, Optional<Observations> observations, SplittableRandom random) {
        Blocks parameters = Blocks.builder()
                .add("W", RandomMatrices.gaussian(width, latent, scale / Math.sqrt(latent), random))
                .add("V", RandomMatrices.gaussian(dimension, width, 1 / Math.sqrt(width), random))
                .add("d", new DenseDoubleMatrix2D(dimension, 1))
                .add("Z", RandomMatrices.gaussian(latent, samples, 1, random))
                .build();
        if (teacherOutput != null) {
            int teacherWidth = teacherOutput.columns();
            if (teacherOutput.rows() != dimension || teacherWidth > width) {
                throw new IllegalArgumentException("the teacher's output layer is " + teacherOutput.rows() + " x "
                        + teacherWidth + "; a student of width " + width + " on dimension " + dimension
                        + " cannot contain it");
            }
            // Teacher entries are N(0, 1/k*), the student's N(0, 1/k): the same positive rescaling of every column.
            double rescale = Math.sqrt((double) teacherWidth / width);
            DoubleMatrix2D v = parameters.get("V");
            for (int i = 0; i < dimension; i++) {
                for (int j = 0; j < teacherWidth; j++) {
                    v.setQuick(i, j, teacherOutput.getQuick(i, j) * rescale);
                }
            }
        }
        if (observations.isPresent()) {
            // The discriminator starts at its best response to the initial generator, (y - A(G0)) / lambda.
            DoubleMatrix1D generated = observations.get().operator().apply(signal(parameters));
            DoubleMatrix2D d = parameters.get("d");
            for (int i = 0; i < dimension; i++) {
                d.setQuick(i, 0, (observations.get().values().getQuick(i) - generated.getQuick(i)) / penalty);
            }
        }
        return parameters;
    }

    @Override
    public DoubleMatrix2D signal(Blocks parameters) {
        return generate(parameters.get("V"), parameters.get("W"), parameters.get("Z"));
    }

    /** Chain rule through {@code G = V relu(W Z)}; zero for {@code d}, {@code Z}, and {@code V} unless trained. */
    @Override
    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
        DoubleMatrix2D w = parameters.get("W");
        DoubleMatrix2D v = parameters.get("V");
        DoubleMatrix2D z = parameters.get("Z");
        DoubleMatrix2D preactivation = MatrixOps.mult(w, z);
        DoubleMatrix2D hidden = preactivation.copy().assign(x -> Math.max(x, 0));
        DoubleMatrix2D gradientV = trainOutput ? MatrixOps.multTransB(signalGradient, hidden) : v.like();
        DoubleMatrix2D gradientHidden = MatrixOps.multTransA(v, signalGradient);
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < samples; j++) {
                if (preactivation.getQuick(i, j) <= 0) {
                    gradientHidden.setQuick(i, j, 0);
                }
            }
        }
        DoubleMatrix2D gradientW = MatrixOps.multTransB(gradientHidden, z);
        return Blocks.builder().add("W", gradientW).add("V", gradientV).add("d", new DenseDoubleMatrix2D(dimension, 1))
                .add("Z", z.like()).build();
    }

    @Override
    public Objective objective(Observations observations) {
        return new Objective() {
            @Override
            public double value(Blocks parameters) {
                return evaluate(parameters, false).value();
            }

            @Override
            public Evaluation evaluate(Blocks parameters) {
                return evaluate(parameters, true);
            }

            private Evaluation evaluate(Blocks parameters, boolean withGradient) {
                DoubleMatrix1D gap = observations.operator().apply(signal(parameters));
                DoubleMatrix2D d = parameters.get("d");
                double value = 0;
                double dSquared = 0;
                for (int i = 0; i < dimension; i++) {
                    double g = observations.values().getQuick(i) - gap.getQuick(i);
                    gap.setQuick(i, g);
                    value += d.getQuick(i, 0) * g;
                    dSquared += d.getQuick(i, 0) * d.getQuick(i, 0);
                }
                value -= penalty / 2 * dSquared;
                if (!withGradient) {
                    return new Evaluation(value, null);
                }
                // dh/dG = -A*(d); dh/dd = y - A(G) - lambda d.
                DoubleMatrix2D signalGradient = observations.operator().adjoint(d.viewColumn(0).copy());
                signalGradient.assign(x -> -x);
                Blocks gradient = pullback(parameters, signalGradient);
                DoubleMatrix2D gradientD = gradient.get("d");
                for (int i = 0; i < dimension; i++) {
                    gradientD.setQuick(i, 0, gap.getQuick(i) - penalty * d.getQuick(i, 0));
                }
                return new Evaluation(value, gradient);
            }
        };
    }

    public static final class Factory extends DeclaredFactory<Model> implements ModelFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("width", null, 1, 1_000_000, "hidden width k of the generator"),
                Parameter.integer("latent", null, 1, 1_000_000, "latent dimension r (default: the problem's)"),
                Parameter.real("penalty", 1.0, Double.MIN_VALUE, Double.MAX_VALUE, "lambda of the discriminator's"
                        + " quadratic penalty (lambda/2) ||d||^2"),
                Parameter.bool("train-output", false, "whether the output layer V is trained too"),
                Parameter.real("scale", 1.0, Double.MIN_VALUE, Double.MAX_VALUE, "initial W entries ~ N(0, scale^2/r)"),
                Parameter.choice("output-layer", "random", List.of("random", "contains-teacher"), "V: random, or"
                        + " random with the teacher's output layer as its first k* columns (the data mean is then"
                        + " reachable at every width k >= k*)"));

        public Factory() {
            super("gan-generator",
                    "GAN: generator V relu(W z) of width k against a linear discriminator with a quadratic penalty",
                    PARAMETERS);
        }

        @Override
        public Model create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape("model 'gan-generator' generates a matrix of samples",
                    Shape.Kind.MATRIX);
            int latent = config.optionalInteger("latent").orElse(
                    context.problem() instanceof GeneratorSamplesProblem samples ? samples.latent() : 5);
            boolean containsTeacher = config.choice("output-layer").equals("contains-teacher");
            if (containsTeacher) {
                if (!(context.problem() instanceof GeneratorSamplesProblem teacher)) {
                    throw ConfigException.incompatible("model 'gan-generator' with output-layer contains-teacher needs"
                            + " problem 'generator-samples', not '" + context.problemName() + "'");
                }
                if (teacher.teacherWidth() > config.integer("width")) {
                    throw new ConfigException("width", "model 'gan-generator' with output-layer"
                            + " contains-teacher needs width >= problem.teacher-width = " + teacher.teacherWidth()
                            + ", got width " + config.integer("width"));
                }
            }
            return new GanGeneratorModel(shape.rows(), shape.columns(), config.integer("width"), latent,
                    config.real("penalty"), config.bool("train-output"), config.real("scale"), containsTeacher);
        }
    }
}
