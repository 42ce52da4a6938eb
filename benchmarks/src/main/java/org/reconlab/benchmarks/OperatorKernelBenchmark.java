package org.reconlab.benchmarks;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
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
import org.reconlab.core.kernel.DenseOperatorKernels;

/**
 * {@code A^T (A x - y)} for a dense m x n operator: the fused one-pass kernel on 1 and 2 threads, the same kernels in
 * two passes, and Colt's {@code zMult} (the baseline the kernels replace).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "--add-modules=jdk.incubator.vector"})
public class OperatorKernelBenchmark {

    /** m x n: the packed Li-Ma-Zhang operator (2500 x 5050) and a dense one of 1 GB/4. */
    @Param({"2500x5050", "2500x10000"})
    public String size;

    @Param({"1", "2"})
    public int threads;

    private int m;
    private int n;
    private double[] a;
    private double[] x;
    private double[] y;
    private double[] out;
    private double[] residual;
    private DoubleMatrix2D colt;
    private DoubleMatrix1D coltX;
    private DoubleMatrix1D coltY;

    @Setup
    public void setUp() {
        String[] parts = size.split("x");
        m = Integer.parseInt(parts[0]);
        n = Integer.parseInt(parts[1]);
        SplittableRandom random = new SplittableRandom(7);
        a = new double[m * n];
        for (int p = 0; p < a.length; p++) {
            a[p] = random.nextGaussian();
        }
        x = new double[n];
        for (int p = 0; p < n; p++) {
            x[p] = random.nextGaussian();
        }
        y = new double[m];
        out = new double[n];
        residual = new double[m];
        colt = new DenseDoubleMatrix2D(m, n);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < n; p++) {
                colt.setQuick(i, p, a[i * n + p]);
            }
        }
        coltX = new DenseDoubleMatrix1D(x);
        coltY = new DenseDoubleMatrix1D(y);
    }

    @Benchmark
    public double fusedOnePass() {
        return DenseOperatorKernels.residualMultTransA(a, m, n, x, y, out, threads);
    }

    @Benchmark
    public double twoPasses() {
        DenseOperatorKernels.mult(a, m, n, x, residual, threads);
        for (int i = 0; i < m; i++) {
            residual[i] -= y[i];
        }
        DenseOperatorKernels.multTransA(a, m, n, residual, out, threads);
        return out[0];
    }

    /** Colt's matrix-vector products, single-threaded whatever {@code threads} says. */
    @Benchmark
    public double coltTwoPasses() {
        DoubleMatrix1D r = colt.zMult(coltX, null);
        r.assign(coltY, cern.jet.math.Functions.minus);
        return colt.zMult(r, null, 1, 0, true).getQuick(0);
    }
}
