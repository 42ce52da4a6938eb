package org.reconlab.app.arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconlab.core.engine.TrialArrays;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Shape;

class TrialArraysWriterTest {

    @TempDir
    Path temp;

    private static TrialArrays arrays(int index, double[][] estimate) {
        GroundTruth truth = new GroundTruth(Shape.vector(2), new DenseDoubleMatrix2D(new double[][] {{1}, {2}}),
                Blocks.of("W[1]", new DenseDoubleMatrix2D(1, 2)));
        Blocks parameters = Blocks.of("w", new DenseDoubleMatrix2D(estimate));
        return new TrialArrays(index, truth, Optional.empty(), parameters, parameters, new DenseDoubleMatrix2D(estimate));
    }

    @Test
    void namesFilesAfterBlocksAndShapesTheEstimateLikeTheTruthWhenItCan() throws IOException {
        new TrialArraysWriter(temp).trialArrays(arrays(7, new double[][] {{3}, {4}}));
        Path trial = temp.resolve("trial-7");
        try (var files = Files.list(trial)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("estimate.npy", "final-w.npy", "initial-w.npy", "truth-W_1_.npy", "truth.npy");
        }
        assertThat(NpyFormat.read(trial.resolve("estimate.npy")).shape()).containsExactly(2);
        assertThat(NpyFormat.read(trial.resolve("final-w.npy")).shape()).containsExactly(2, 1);
        // An estimate of other dimensions than the truth is kept as stored rather than failing the run.
        new TrialArraysWriter(temp).trialArrays(arrays(8, new double[][] {{3, 4, 5}}));
        assertThat(NpyFormat.read(temp.resolve("trial-8/estimate.npy")).shape()).containsExactly(1, 3);
    }

    @Test
    void aFolderThatCannotBeWrittenFailsWithItsPath() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> new TrialArraysWriter(file).trialArrays(arrays(0, new double[][] {{1}, {2}})))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot save the arrays of trial 0 to " + file.resolve("trial-0"));
    }
}
