package org.reconlab.benchmarks;

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
import org.reconlab.core.kernel.RankOneKernels;

/** The one-pass gradient kernel of rank-one projections {@code ||U^T a_i||^2}, d x k factor, m = 25 d samples. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "--add-modules=jdk.incubator.vector")
public class RankOneBenchmark {

    @Param({"1000"})
    public int d;

    @Param({"5", "20"})
    public int k;

    @Param({"1", "2"})
    public int threads;

    private int m;
    private double[] a;
    private double[] u;
    private double[] y;
    private double[] gradient;

    @Setup
    public void setUp() {
        m = 25 * d;
        SplittableRandom random = new SplittableRandom(13);
        a = new double[m * d];
        for (int p = 0; p < a.length; p++) {
            a[p] = random.nextGaussian();
        }
        u = new double[d * k];
        for (int p = 0; p < u.length; p++) {
            u[p] = random.nextGaussian() / Math.sqrt(d);
        }
        y = new double[m];
        gradient = new double[d * k];
    }

    @Benchmark
    public double residualGradient() {
        return RankOneKernels.residualGradient(a, m, d, 1 / Math.sqrt(m), u, k, y, gradient, threads);
    }
}
