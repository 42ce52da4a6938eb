package org.reconlab.benchmarks;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.PartialDecompositions;
import org.reconlab.core.linalg.RandomMatrices;

/**
 * Top-r eigenpairs of a spectral-initialization matrix (rank-r spike plus a symmetric Gaussian bulk, as {@code A*(y)}
 * looks): the block Krylov method against Colt's full eigendecomposition.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "--add-modules=jdk.incubator.vector")
public class DecompositionBenchmark {

    @Param({"100", "400", "1000"})
    public int n;

    @Param({"5"})
    public int r;

    private DoubleMatrix2D matrix;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(11);
        DoubleMatrix2D spike = RandomMatrices.gaussian(n, r, 1 / Math.sqrt(n), random);
        matrix = MatrixOps.multTransB(spike, spike);
        matrix.assign(MatrixOps.symmetricPart(RandomMatrices.gaussian(n, n, 0.3 / Math.sqrt(n), random)),
                cern.jet.math.Functions.plus);
    }

    @Benchmark
    public double krylovTopEigen() {
        return PartialDecompositions.topEigen(matrix, r).values().getQuick(0);
    }

    @Benchmark
    public double fullEigen() {
        return Decompositions.symmetricEigen(matrix).values().getQuick(0);
    }
}
