package org.reconlab.networks.gan;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.spi.Shape;

/**
 * A data set for a GAN: n samples {@code x_i = V* relu(W* z_i)} of a random teacher generator of width k*, latent
 * codes {@code z_i ~ N(0, I_r)}, {@code W*} with {@code N(0, 1/r)} and {@code V*} with {@code N(0, 1/k*)} entries.
 * The signal is the m x n matrix of samples (one per column); the parts are {@code V*}, {@code W*} and the codes
 * {@code Z*}.
 */
public final class GeneratorSamplesProblem implements Problem {

    private final int dimension;
    private final int samples;
    private final int latent;
    private final int teacherWidth;

    public GeneratorSamplesProblem(int dimension, int samples, int latent, int teacherWidth) {
        if (dimension < 1 || samples < 1 || latent < 1 || teacherWidth < 1) {
            throw new IllegalArgumentException("all sizes must be >= 1, got m = " + dimension + ", n = " + samples
                    + ", latent = " + latent + ", teacher width = " + teacherWidth);
        }
        this.dimension = dimension;
        this.samples = samples;
        this.latent = latent;
        this.teacherWidth = teacherWidth;
    }

    public int latent() {
        return latent;
    }

    public int teacherWidth() {
        return teacherWidth;
    }

    @Override
    public Shape signalShape() {
        return Shape.matrix(dimension, samples);
    }

    @Override
    public GroundTruth draw(SplittableRandom random) {
        DoubleMatrix2D w = RandomMatrices.gaussian(teacherWidth, latent, 1 / Math.sqrt(latent), random);
        DoubleMatrix2D v = RandomMatrices.gaussian(dimension, teacherWidth, 1 / Math.sqrt(teacherWidth), random);
        DoubleMatrix2D z = RandomMatrices.gaussian(latent, samples, 1, random);
        DoubleMatrix2D x = GanGeneratorModel.generate(v, w, z);
        return new GroundTruth(signalShape(), x, Blocks.builder().add("V", v).add("W", w).add("Z", z).build());
    }

    public static final class Factory extends DeclaredFactory<Problem> implements ProblemFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("m", null, 1, 1_000_000, "data dimension"),
                Parameter.integer("n", 100, 1, 10_000_000, "number of samples"),
                Parameter.integer("latent", 5, 1, 1_000_000, "latent dimension r of the teacher (and, by default, of"
                        + " the generator)"),
                Parameter.integer("teacher-width", 10, 1, 1_000_000, "hidden width k* of the teacher generator"));

        public Factory() {
            super("generator-samples",
                    "n samples V* relu(W* z) of a random one-hidden-layer ReLU teacher generator",
                    PARAMETERS);
        }

        @Override
        public Problem create(Config config, BuildContext context) {
            return new GeneratorSamplesProblem(config.integer("m"), config.integer("n"), config.integer("latent"),
                    config.integer("teacher-width"));
        }
    }
}
