package org.reconlab.app.arrays;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.reconlab.app.output.AtomicFiles;
import org.reconlab.core.engine.TrialArrays;
import org.reconlab.core.engine.TrialArtifacts;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Shape;

/**
 * Saves each trial's arrays as {@code .npy} files under {@code ROOT/trial-<n>/} (n the trial index, as in the
 * {@code trial} column of trials.csv), each file written atomically:
 *
 * <pre>
 * truth.npy            the ground-truth signal (1-D vector, 2-D matrix, 3-D tensor; absent for a function)
 * truth-PART.npy       each part the truth was built from (such as the factor F of X* = F F^T), 2-D
 * initial-BLOCK.npy    each parameter block of the model at initialization, 2-D
 * final-BLOCK.npy      each parameter block at the last iterate, 2-D
 * estimate.npy         the model's signal at the last iterate, shaped like truth.npy
 * observations.npy     the training observations y, 1-D (m,)
 * noise.npy            the noise that was added to them, 1-D (m,)
 * operator.npy         the measurement operator A, 2-D (m, truth.size), when it is stored densely:
 *                      observations = A @ truth.ravel() + noise
 * operator-PART.npy    each dense matrix an implicit operator is built from, 2-D (LinearOperator.denseParts):
 *                      sketch: Omega (n2 x k), Psi (l x n1), observations = [(X @ Omega).ravel(), (Psi @ X).ravel()]
 *                        + noise (Gaussian test matrices; SRTT and sparse-sign ones are implicit, nothing exported);
 *                      tensor-sketch: Omega, Psi as mode-1 unfoldings (slice t in columns [t k, (t+1) k) and
 *                        [t n1, (t+1) n1)), the sketches X * Omega and Psi * X under the t-product, each unfolded
 *                        and raveled row by row; rank-one-projection: a (m x d, a_i in row i),
 *                        observations_i = a_i @ X @ a_i / sqrt(m) + noise_i
 * </pre>
 *
 * <p>Measurements with nothing dense to export: {@code sample-mean} (observations = X.mean(axis=1), nothing random).
 * {@code SaveArraysOfEveryMeasurementTest} rebuilds the observations of every registered measurement from these
 * files.
 *
 * Names of blocks and parts keep letters, digits, '.', '_' and '-'; any other character becomes '_'.
 */
public final class TrialArraysWriter implements TrialArtifacts {

    /** Folder of a run directory that holds the arrays. */
    public static final String ARRAYS = "arrays";

    private final Path root;

    /** @param root the directory that gets one {@code trial-<n>} folder per trial ({@code DIR/arrays}) */
    public TrialArraysWriter(Path root) {
        this.root = requireNonNull(root, "root is null");
    }

    /** The folder of trial {@code index}. */
    public static Path trialDirectory(Path root, int index) {
        return root.resolve("trial-" + index);
    }

    @Override
    public void trialArrays(TrialArrays arrays) {
        Path directory = trialDirectory(root, arrays.index());
        try {
            Files.createDirectories(directory);
            GroundTruth truth = arrays.truth();
            if (truth.signal() != null) {
                write(directory, "truth", NpyArray.signal(truth.shape(), truth.signal()));
            }
            writeBlocks(directory, "truth-", truth.parts());
            writeBlocks(directory, "initial-", arrays.initial());
            writeBlocks(directory, "final-", arrays.last());
            if (arrays.estimate() != null) {
                write(directory, "estimate", estimate(truth, arrays.estimate()));
            }
            if (arrays.observations().isPresent()) {
                Observations observations = arrays.observations().get();
                write(directory, "observations", NpyArray.vector(observations.values()));
                write(directory, "noise", NpyArray.vector(observations.noise()));
                Optional<DoubleMatrix2D> dense = observations.operator().asDenseMatrix();
                if (dense.isPresent()) {
                    write(directory, "operator", NpyArray.operator(observations.operator().domain(), dense.get()));
                }
                writeBlocks(directory, "operator-", observations.operator().denseParts());
            }
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("cannot save the arrays of trial " + arrays.index() + " to " + directory
                    + ": " + e.getMessage(), e instanceof IOException io ? io : new IOException(e.toString(), e));
        }
    }

    /** The estimate shaped like the truth when it has the truth's dimensions (it should), else as stored, 2-D. */
    private static NpyArray estimate(GroundTruth truth, DoubleMatrix2D estimate) {
        Shape shape = truth.shape();
        boolean likeTruth = truth.signal() != null && estimate.rows() == truth.signal().rows()
                && estimate.columns() == truth.signal().columns();
        return likeTruth ? NpyArray.signal(shape, estimate) : NpyArray.matrix(estimate);
    }

    private static void writeBlocks(Path directory, String prefix, Blocks blocks) throws IOException {
        for (String name : blocks.names()) {
            write(directory, prefix + fileName(name), NpyArray.matrix(blocks.get(name)));
        }
    }

    private static void write(Path directory, String name, NpyArray array) throws IOException {
        AtomicFiles.write(directory.resolve(name + ".npy"), out -> NpyFormat.write(array, out));
    }

    static String fileName(String blockName) {
        return blockName.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
